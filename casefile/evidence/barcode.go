package evidence

import (
	"image"
	"strings"
	"unicode"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/datamatrix"
	multiqr "github.com/makiuchi-d/gozxing/multi/qrcode"
	"github.com/makiuchi-d/gozxing/oned"

	"recoverydesk/casefile"
)

// BarcodeLongSide is the size pictures are read for barcodes at: a 12 MP photo of a box label
// halved keeps each bar of an IMEI's Code 128 about two pixels wide, and reading takes a
// quarter of the time it would at full size.
const BarcodeLongSide = 2400

// maxCodes bounds what one picture may report, so a page of codes cannot flood a case.
const maxCodes = 24

// ReadBarcodes reads every barcode in a picture: the Code 128 and EAN codes of a box label
// (several on one label, upright, sideways or upside down, a few degrees off), and the QR and
// DataMatrix codes of receipts and *#06# screens. A 1D code counts only when two scan lines
// agree, so one noisy line cannot invent a number. It never fails: a picture with no code, or
// one that trips the reader, gives none.
func ReadBarcodes(g *image.Gray) (codes []casefile.Barcode) {
	if g == nil || g.Rect.Dx() < 20 || g.Rect.Dy() < 20 {
		return nil
	}
	defer func() {
		// The reader is a port of a large library; a crafted picture must not take the
		// attachment down with it.
		if recover() != nil {
			codes = nil
		}
	}()
	r := newCodeTally()
	scanRows(g, r)
	scanRows(transpose(g), r)
	read2D(g, r)
	return r.confirmed()
}

// codeTally counts how often each code was seen, in the order first seen.
type codeTally struct {
	hits  map[casefile.Barcode]int
	order []casefile.Barcode
	sure  map[casefile.Barcode]bool
}

func newCodeTally() *codeTally {
	return &codeTally{hits: map[casefile.Barcode]int{}, sure: map[casefile.Barcode]bool{}}
}

func (t *codeTally) add(res *gozxing.Result, sure bool) {
	text := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1 // GS1 separators and the like; never shown, never compared
		}
		return r
	}, res.GetText())
	if text == "" || len([]rune(text)) > 512 {
		return
	}
	b := casefile.Barcode{Format: res.GetBarcodeFormat().String(), Text: text}
	if t.hits[b] == 0 {
		t.order = append(t.order, b)
	}
	t.hits[b]++
	t.sure[b] = t.sure[b] || sure
}

func (t *codeTally) confirmed() []casefile.Barcode {
	var out []casefile.Barcode
	for _, b := range t.order {
		if (t.sure[b] || t.hits[b] >= 2) && len(out) < maxCodes {
			out = append(out, b)
		}
	}
	return out
}

// scanRows reads 1D codes along horizontal lines, each line both ways, and several codes side
// by side on one line.
func scanRows(g *image.Gray, t *codeTally) {
	bmp, err := gozxing.NewBinaryBitmap(gozxing.NewGlobalHistgramBinarizer(newGraySource(g)))
	if err != nil {
		return
	}
	decoders := []oned.RowDecoder{
		oned.NewCode128Reader().(oned.RowDecoder),
		oned.NewMultiFormatUPCEANReader(nil).(oned.RowDecoder),
	}
	h := bmp.GetHeight()
	step := max(2, h/500)
	var row *gozxing.BitArray
	for y := step / 2; y < h; y += step {
		row, err = bmp.GetBlackRow(y, row)
		if err != nil {
			continue
		}
		for pass := 0; pass < 2; pass++ {
			if pass == 1 {
				row.Reverse()
			}
			for _, d := range decoders {
				decodeAlong(d, y, row, t)
			}
		}
	}
}

// decodeAlong reads one code after another along a line: after each, the line up to the code's
// end is blanked so the next one to its right is found.
func decodeAlong(d oned.RowDecoder, y int, row *gozxing.BitArray, t *codeTally) {
	line := row
	for i := 0; i < 4; i++ {
		res, err := d.DecodeRow(y, line, nil)
		if err != nil {
			return
		}
		t.add(res, false)
		end := 0
		for _, p := range res.GetResultPoints() {
			end = max(end, int(p.GetX())+1)
		}
		if end <= 0 || end >= line.GetSize() {
			return
		}
		rest := gozxing.NewBitArray(line.GetSize())
		for x := line.GetNextSet(end); x < line.GetSize(); x = line.GetNextSet(x + 1) {
			rest.Set(x)
		}
		line = rest
	}
}

// read2D finds QR codes (several) and a DataMatrix code.
func read2D(g *image.Gray, t *codeTally) {
	bmp, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(newGraySource(g)))
	if err != nil {
		return
	}
	hints := map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true}
	if rs, err := multiqr.NewQRCodeMultiReader().DecodeMultiple(bmp, hints); err == nil {
		for _, r := range rs {
			t.add(r, true)
		}
	}
	if r, err := datamatrix.NewDataMatrixReader().Decode(bmp, hints); err == nil {
		t.add(r, true)
	}
}

// transpose turns a picture a quarter turn (mirrored, which a 1D code read both ways does not
// mind), so vertical codes become horizontal lines.
func transpose(g *image.Gray) *image.Gray {
	b := g.Rect
	out := image.NewGray(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := 0; y < b.Dy(); y++ {
		src := g.Pix[y*g.Stride : y*g.Stride+b.Dx()]
		for x, v := range src {
			out.Pix[x*out.Stride+y] = v
		}
	}
	return out
}

// graySource hands a Go gray picture to the reader without copying it pixel by pixel.
type graySource struct {
	gozxing.LuminanceSourceBase
	g *image.Gray
}

func newGraySource(g *image.Gray) *graySource {
	if g.Rect.Min != (image.Point{}) {
		c := image.NewGray(image.Rect(0, 0, g.Rect.Dx(), g.Rect.Dy()))
		for y := 0; y < g.Rect.Dy(); y++ {
			copy(c.Pix[y*c.Stride:], g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:g.Rect.Dx()])
		}
		g = c
	}
	return &graySource{LuminanceSourceBase: gozxing.LuminanceSourceBase{Width: g.Rect.Dx(), Height: g.Rect.Dy()}, g: g}
}

// GetRow returns one line of the picture.
func (s *graySource) GetRow(y int, row []byte) ([]byte, error) {
	if cap(row) < s.Width {
		row = make([]byte, s.Width)
	}
	row = row[:s.Width]
	copy(row, s.g.Pix[y*s.g.Stride:])
	return row, nil
}

// GetMatrix returns the whole picture, row after row.
func (s *graySource) GetMatrix() []byte {
	if s.g.Stride == s.Width {
		return s.g.Pix[:s.Width*s.Height]
	}
	m := make([]byte, s.Width*s.Height)
	for y := 0; y < s.Height; y++ {
		copy(m[y*s.Width:(y+1)*s.Width], s.g.Pix[y*s.g.Stride:])
	}
	return m
}

// Invert gives the negative, for light codes on dark screens.
func (s *graySource) Invert() gozxing.LuminanceSource { return gozxing.NewInvertedLuminanceSource(s) }

// String draws the picture in characters, for the reader's debugging.
func (s *graySource) String() string { return gozxing.LuminanceSourceString(s) }
