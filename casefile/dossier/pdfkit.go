package dossier

import (
	"bytes"
	_ "embed"
	"recoverydesk/casefile"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"
)

// This file holds every workaround for gofpdf's known traps (see STACK.md), so that the
// documents themselves only lay out text and pictures:
//   - Cyrillic needs an embedded Unicode font: DejaVu Sans, subsetted by gofpdf.
//   - One font []byte shared between documents races: each document gets its own copy.
//   - One rune above U+FFFF (an emoji) fails the whole Output, and a rune the font lacks prints
//     nothing: pdfText replaces both with a visible stand-in.
//   - SplitLines cuts Cyrillic letters in half and SplitText panics: only MultiCell and Cell,
//     which count runes, are used.
//   - A 16-bit or interlaced PNG poisons the document and JPEGs keep their EXIF rotation: only
//     the prepared renditions (baseline 8-bit JPEG, upright) are ever embedded.
//   - The "{nb}" page-count alias is replaced after font subsetting, so a digit used nowhere
//     else would print blank: documents are laid out twice instead, the second time knowing the
//     page count.
//   - Output depends on map order and the clock: the catalog is sorted and both dates are fixed.

//go:embed fonts/DejaVuSans.ttf
var dejaVuRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var dejaVuBold []byte

const fontFamily = "dejavu"

// missingGlyph stands in for what the font cannot draw.
const missingGlyph = '?'

var (
	coverageOnce sync.Once
	coverageMu   sync.Mutex
	coverageFont *sfnt.Font
	coverageBuf  sfnt.Buffer
	coverage     = map[rune]bool{}
)

// hasGlyph reports whether the embedded font draws r.
func hasGlyph(r rune) bool {
	coverageOnce.Do(func() { coverageFont, _ = sfnt.Parse(dejaVuRegular) })
	coverageMu.Lock()
	defer coverageMu.Unlock()
	if ok, seen := coverage[r]; seen {
		return ok
	}
	ok := false
	if coverageFont != nil {
		gi, err := coverageFont.GlyphIndex(&coverageBuf, r)
		ok = err == nil && gi != 0
	}
	coverage[r] = ok
	return ok
}

// pdfText makes any string safe to print: invalid UTF-8, control characters, runes above
// U+FFFF and runes the font lacks become a visible stand-in instead of breaking the export.
func pdfText(s string) string {
	s = strings.ToValidUTF8(s, string(missingGlyph))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r) || r == utf8.RuneError:
			b.WriteRune(missingGlyph)
		case r >= 0x1F3FB && r <= 0x1F3FF, unicode.Is(unicode.Variation_Selector, r), r == '\u200d':
			// skin tones, variation selectors and joiners only modify the emoji before them
		case r > 0xFFFF:
			b.WriteRune(missingGlyph)
		case unicode.Is(unicode.Bidi_Control, r):
		case !hasGlyph(r):
			b.WriteRune(missingGlyph)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pdfMeta is what a document says about itself.
type pdfMeta struct {
	Title, Author, Subject, Keywords string
	At                               time.Time
}

// newPDF starts an A4 document with the Unicode font and fixed metadata.
func newPDF(m pdfMeta) *gofpdf.Fpdf {
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetMargins(18, 18, 18)
	f.SetAutoPageBreak(true, 20)
	f.AddUTF8FontFromBytes(fontFamily, "", bytes.Clone(dejaVuRegular))
	f.AddUTF8FontFromBytes(fontFamily, "B", bytes.Clone(dejaVuBold))
	f.SetCatalogSort(true)
	f.SetCreationDate(m.At)
	f.SetModificationDate(m.At)
	f.SetTitle(pdfText(m.Title), true)
	f.SetAuthor(pdfText(m.Author), true)
	f.SetSubject(pdfText(m.Subject), true)
	f.SetKeywords(pdfText(m.Keywords), true)
	f.SetCreator("RecoveryDesk", true)
	f.SetProducer("RecoveryDesk", true)
	return f
}

// registerJPEG embeds a prepared rendition under a name; false if gofpdf refused it.
func registerJPEG(f *gofpdf.Fpdf, name string, jpg []byte) (w, h float64, ok bool) {
	if len(jpg) == 0 || casefile.SniffMedia(jpg) != casefile.MediaJPEG {
		return 0, 0, false
	}
	info := f.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(jpg))
	if info == nil || !f.Ok() {
		return 0, 0, false
	}
	return info.Width(), info.Height(), true
}

// twoPass lays a document out once to count its pages, then again knowing the total.
func twoPass(layout func(total int) *gofpdf.Fpdf) *gofpdf.Fpdf {
	first := layout(0)
	if !first.Ok() {
		return first
	}
	return layout(first.PageCount())
}
