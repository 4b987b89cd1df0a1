// Package dossier renders the documents of a case: the PDF dossier that proves ownership to the
// manufacturer's support, the e-mail that carries it, the intake receipt the customer signs, and
// the managers' CSV report. It owns the PDF kit and its fonts, so that the domain package does
// not link a PDF renderer.
package dossier
