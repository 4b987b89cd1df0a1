// Package evidence takes in the files a technician attaches to a case: it recognises them by
// their bytes, refuses what is dangerous or unreadable with a reason a person can act on, and
// prepares what the dossier shows (upright, scaled renditions of photos, previews of PDFs).
// The image codecs live here, not in the domain package.
package evidence
