package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// insideImport resolves an attachment's path from an import file in folder dir and refuses one
// that leads out of that folder (an absolute path elsewhere, "..", or a link pointing away),
// unless anywhere is set. An import file from someone else could otherwise name any picture or
// PDF the technician may read (scans of their own passport, say) and have it stored in a case
// and sent to support in a dossier.
func insideImport(dir, p string, anywhere bool) (string, error) {
	written := p
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	if anywhere {
		return p, nil
	}
	// A path that does not resolve (a missing file, a loop of links, a device name) is left to
	// the caller's reading, which refuses it with its own reason: nothing is read through it.
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return p, nil
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return p, nil
	}
	// Absolute, so that the message names where the path really leads.
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if rel, err := filepath.Rel(root, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("%q (%s) is outside the import file's folder %s: put the files in that folder, or give --files-anywhere if you made this import file yourself", written, real, root)
	}
	return p, nil
}
