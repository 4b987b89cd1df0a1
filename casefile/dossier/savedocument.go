package dossier

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"recoverydesk/casefile"
)

// SaveDocument writes a document (a dossier, an e-mail draft, a receipt, a report) through a
// temporary file in the same folder and a rename, so an interrupted write never leaves half a
// file under the real name. Owner-only: documents hold personal data. It never replaces a
// database, its journal or anything but a regular file, and replaces a file of another kind
// (a PDF over notes, a report over a photo) only with force.
func SaveDocument(path string, b []byte, force bool) error {
	if err := CheckOutput(path, b, force); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".recoverydesk-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ExportStore is what exporting a stored case needs; the store satisfies it.
type ExportStore interface {
	EvidenceSource
	Case(ctx context.Context, number string) (*casefile.Case, error)
	RecordEvent(ctx context.Context, number string, e casefile.Event) error
}

// ExportToFolder exports a stored case's dossier (and, with email, its e-mail draft) into dir
// under their usual names and records the export in the case's history. The window and the
// command line's batch export both use it.
func ExportToFolder(ctx context.Context, st ExportStore, number, dir string, o Options, email bool, operator string) (pdfPath, emlPath string, err error) {
	k, err := st.Case(ctx, number)
	if err != nil {
		return "", "", err
	}
	if err := LoadEvidence(ctx, st, k, email); err != nil {
		return "", "", err
	}
	name := DossierFileName(k, o.Draft)
	res, err := Assemble(k, o, email, name)
	if err != nil {
		return "", "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", err
	}
	pdfPath = filepath.Join(dir, name)
	if err := SaveDocument(pdfPath, res.PDF, false); err != nil {
		return "", "", err
	}
	if email {
		emlPath = filepath.Join(dir, casefile.FileName("email-"+k.Number+".eml"))
		if err := SaveDocument(emlPath, res.EML, false); err != nil {
			return "", "", err
		}
	}
	return pdfPath, emlPath, st.RecordEvent(ctx, number, ExportEvent(o, res.SHA256, name, operator))
}
