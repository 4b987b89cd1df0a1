package casefile

import (
	"strings"
	"unicode/utf16"
)

// maxFileNameUnits is NTFS's limit for one path component, counted in UTF-16 code units.
const maxFileNameUnits = 255

// FileName makes a file name built from case data (a case number, an attachment's own name)
// valid on every system the desk runs on, NTFS included, so a save never fails on Windows
// because a customer's data held a ':' or a '?'. It keeps one name, never a path; replaces
// the characters NTFS refuses (\ / : * ? " < > | and control characters) with '-'; drops the
// trailing dots and spaces Windows would silently strip; prefixes the device names Windows
// reserves (CON, NUL, COM1, …, with or without an extension) with '_'; and shortens a name
// longer than NTFS allows, keeping its extension.
func FileName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f, strings.ContainsRune(`\/:*?"<>|`, r):
			return '-'
		}
		return r
	}, strings.ToValidUTF8(name, "-"))
	name = strings.TrimRight(name, ". ")
	if strings.Trim(name, ".- ") == "" {
		name = "file"
	}
	if reservedDeviceName(name) {
		name = "_" + name
	}
	return shortenFileName(name)
}

// reservedDeviceName reports whether Windows would open a device instead of a file by this
// name: the part before the first dot, trailing spaces ignored, is a reserved device name.
func reservedDeviceName(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(stem) >= 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) {
		switch stem[3:] {
		case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
			return true
		}
	}
	return false
}

// shortenFileName cuts the part before the extension until the whole name fits NTFS's limit.
func shortenFileName(name string) string {
	if len(utf16.Encode([]rune(name))) <= maxFileNameUnits {
		return name
	}
	ext := ""
	if i := strings.LastIndexByte(name, '.'); i > 0 && len(name)-i <= 16 {
		ext = name[i:]
	}
	stem := []rune(strings.TrimSuffix(name, ext))
	budget := maxFileNameUnits - len(utf16.Encode([]rune(ext)))
	for len(utf16.Encode(stem)) > budget {
		stem = stem[:len(stem)-1]
	}
	return strings.TrimRight(string(stem), ". ") + ext
}
