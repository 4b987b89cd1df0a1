package dossier

import (
	"context"
	"errors"
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
	p, err := StageDocument(path, b, force)
	if err != nil {
		return err
	}
	return p.Commit()
}

// PendingDocument is a document written in full beside its place, not yet under its name: an
// export records itself in the case's history between the two, so that a dossier never lies
// in the folder without its export on record, nor the record without the dossier.
type PendingDocument struct {
	tmp, path string
}

// StageDocument checks path as SaveDocument does and writes b, owner-only and flushed to disk,
// to a temporary file in the same folder. Commit puts it under its name, Discard removes it.
func StageDocument(path string, b []byte, force bool) (*PendingDocument, error) {
	if err := CheckOutput(path, b, force); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".recoverydesk-*")
	if err != nil {
		// The system's reason alone: the temporary name is ours, never seen by the person.
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot write in %s: %w", filepath.Dir(path), err)
	}
	p := &PendingDocument{tmp: tmp.Name(), path: path}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		p.Discard()
		return nil, err
	}
	return p, nil
}

// Commit puts the document under its name, replacing what was there in one step.
func (p *PendingDocument) Commit() error {
	if err := os.Rename(p.tmp, p.path); err != nil {
		p.Discard()
		return err
	}
	return nil
}

// Discard removes the document that was never put under its name; safe after Commit.
func (p *PendingDocument) Discard() { os.Remove(p.tmp) }

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
	pdf, err := StageDocument(pdfPath, res.PDF, false)
	if err != nil {
		return "", "", err
	}
	defer pdf.Discard()
	var eml *PendingDocument
	if email {
		emlPath = filepath.Join(dir, casefile.FileName("email-"+k.Number+".eml"))
		if eml, err = StageDocument(emlPath, res.EML, false); err != nil {
			return "", "", err
		}
		defer eml.Discard()
	}
	// On record first: an export the history cannot take leaves no file behind.
	if err := st.RecordEvent(ctx, number, ExportEvent(o, res.SHA256, name, operator)); err != nil {
		return "", "", fmt.Errorf("the export could not be recorded in the case's history, so nothing was written: %w", err)
	}
	if err := pdf.Commit(); err != nil {
		return "", "", fmt.Errorf("the export is recorded but the dossier could not be put in %s: %w", dir, err)
	}
	if eml != nil {
		if err := eml.Commit(); err != nil {
			return pdfPath, "", fmt.Errorf("the export is recorded but the e-mail draft could not be put in %s: %w", dir, err)
		}
	}
	return pdfPath, emlPath, nil
}
