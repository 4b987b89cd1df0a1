package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"recoverydesk/casefile"
	"recoverydesk/casefile/evidence"
)

func cmdImport(c *cli, args []string) int {
	fs := c.flags("import")
	anywhere := fs.Bool("files-anywhere", false, "take attachment paths outside the import file's folder (only for an import file you made yourself)")
	files, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		fs.Usage()
		return exitUsage
	}
	// Preparing photos is a batch of short-lived buffers (two 12 MP pictures decoded at once):
	// collected sooner than Go's default, which lets the heap grow to twice what is live, the
	// import stays near 100 MB where it would reach 120, for a few per cent more time.
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(48 << 20))
	cases, err := readImport(files[0], *anywhere)
	if err != nil {
		return c.fail("%s: %v; nothing was imported", files[0], err)
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	if err := s.ImportCases(c.ctx, cases, c.operator); err != nil {
		return c.fail("%s: %v; nothing was imported", files[0], err)
	}
	for _, k := range cases {
		fmt.Fprintln(c.stdout, k.Number)
	}
	return exitOK
}

// readImport decodes an import file and loads its attachments, whose paths are relative to it
// and, unless anywhere is set, inside its folder. Every file is checked before anything is
// stored.
func readImport(path string, anywhere bool) ([]*casefile.Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cases, err := casefile.DecodeImport(f)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	// Every attachment of the file, prepared on all cores; the first refusal (in file order)
	// stops the import before anything is stored.
	type slot struct{ i, j int }
	var slots []slot
	for i, k := range cases {
		for j := range k.Attachments {
			slots = append(slots, slot{i, j})
		}
	}
	var failed error
	evidence.PrepareInOrder(len(slots), func(n int) error {
		i, j := slots[n].i, slots[n].j
		a := &cases[i].Attachments[j]
		field := fmt.Sprintf("attachments[%d]", j)
		p, err := insideImport(dir, a.Path, anywhere)
		if err != nil {
			return &casefile.ImportError{Index: i, Field: field + ".path", Err: err}
		}
		raw, err := evidence.ReadFile(p)
		var ee *casefile.EvidenceError
		if errors.As(err, &ee) {
			return &casefile.ImportError{Index: i, Field: field, Err: err}
		}
		if err != nil {
			return &casefile.ImportError{Index: i, Field: field + ".path", Err: errors.Unwrap(err)}
		}
		prepared, err := evidence.Prepare(a.Kind, filepath.Base(p), raw)
		if err != nil {
			return &casefile.ImportError{Index: i, Field: field, Err: err}
		}
		prepared.Note = a.Note
		// The original is read again when it is stored, so the import holds one at a time;
		// the hash proves it is still the file that was checked.
		prepared.Data, prepared.Load = nil, reread(p, sha256.Sum256(raw), prepared.Rendition)
		*a = prepared
		return nil
	}, func(_ int, err error) bool {
		failed = err
		return err == nil
	})
	if failed != nil {
		return nil, failed
	}
	return cases, nil
}

// reread gives an attachment's Load: the file at path again, refused if it is no longer the
// file that was checked (changed or replaced while the import ran), so that nothing is stored;
// the rendition made from it is small and kept.
func reread(path string, checked [sha256.Size]byte, rendition []byte) func() ([]byte, []byte, error) {
	return func() ([]byte, []byte, error) {
		raw, err := evidence.ReadFile(path)
		if err != nil {
			return nil, nil, err
		}
		if sha256.Sum256(raw) != checked {
			return nil, nil, fmt.Errorf("the file %s changed while it was being imported; import again", filepath.Base(path))
		}
		return raw, rendition, nil
	}
}
