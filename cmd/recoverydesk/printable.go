package main

import (
	"fmt"
	"strings"
	"unicode"
)

// printable shows a stored text on a terminal as text: control characters (a newline in a
// name, an ESC sequence, a BEL) and the bidirectional overrides would otherwise forge lines in
// `show` and `list`, recolour the terminal or reorder what the reader sees. Each is written as
// its escape, \n or \u202e, so nothing is hidden either.
func printable(s string) string {
	if !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case needsEscape(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// validOperator refuses an operator name a terminal or the history would show as something else.
func validOperator(name string) error {
	if strings.ContainsFunc(name, needsEscape) {
		return fmt.Errorf("the operator name %q holds control characters; type it plainly", name)
	}
	return nil
}
