package dossier

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"recoverydesk/casefile"
)

// EvidenceSource gives the bytes of stored attachments; the store implements it.
type EvidenceSource interface {
	AttachmentData(ctx context.Context, attachmentID int64) (data, rendition []byte, err error)
}

// LoadEvidence fills each attachment's Rendition (and, with files, its Data) from the store,
// so that rendering needs no database. Purged attachments are skipped.
func LoadEvidence(ctx context.Context, src EvidenceSource, c *casefile.Case, files bool) error {
	for i := range c.Attachments {
		a := &c.Attachments[i]
		if a.Purged {
			continue
		}
		data, rend, err := src.AttachmentData(ctx, a.ID)
		if err != nil {
			return fmt.Errorf("%s (%s): %w", a.Name, a.Kind, err)
		}
		a.Rendition = rend
		if files {
			a.Data = data
		}
	}
	return nil
}

// Export is a rendered dossier and, if asked for, its e-mail draft.
type Export struct {
	PDF    []byte
	SHA256 string
	EML    []byte
}

// Assemble renders the dossier and, with email, the .eml that carries it and every file
// the PDF could not show. c must have its evidence loaded (LoadEvidence with files for email).
func Assemble(c *casefile.Case, o Options, email bool, pdfName string) (*Export, error) {
	o = o.forCase(c)
	var buf bytes.Buffer
	if err := Render(&buf, c, o); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(buf.Bytes())
	out := &Export{PDF: buf.Bytes(), SHA256: hex.EncodeToString(sum[:])}
	if email {
		files := []EmailFile{{Name: pdfName, MediaType: casefile.MediaPDF, Data: out.PDF}}
		for _, a := range c.Attachments {
			// PDFs travel whole (the dossier shows at most their first page); files the dossier
			// could not show at all travel too.
			if (a.MediaType == casefile.MediaPDF || len(a.Rendition) == 0) && len(a.Data) > 0 {
				files = append(files, EmailFile{Name: a.Name, MediaType: a.MediaType, Data: a.Data})
			}
		}
		var eml bytes.Buffer
		if err := WriteEmail(&eml, c, EmailOptions{Settings: o.Settings, At: o.At}, files); err != nil {
			return nil, err
		}
		out.EML = eml.Bytes()
	}
	return out, nil
}

// ExportEvent is the history entry that records an export.
func ExportEvent(o Options, sha, file, operator string) casefile.Event {
	lang := o.Lang
	if lang != "ru" {
		lang = "en"
	}
	note := "dossier exported (" + lang + ")"
	if o.Draft {
		note = "draft " + note
	}
	return casefile.Event{At: o.At, Operator: operator, Action: casefile.ActionExported, Note: note,
		Details: map[string]string{"language": lang, "sha256": sha, "file": file, "draft": fmt.Sprint(o.Draft)}}
}

// DossierFileName is a file name that sorts by case and says what it is.
func DossierFileName(c *casefile.Case, draft bool) string {
	name := "dossier-" + c.Number
	if draft {
		name += "-DRAFT"
	}
	return casefile.FileName(name + ".pdf")
}
