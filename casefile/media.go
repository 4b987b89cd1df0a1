package casefile

import "bytes"

// SniffMedia tells a file's media type from its first bytes, because names lie; "" when it is
// none that a case takes.
func SniffMedia(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return MediaJPEG
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return MediaPNG
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return MediaPDF
	case len(b) >= 16 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return MediaWebP
	case len(b) > 12 && string(b[4:8]) == "ftyp" && heifBrands[string(b[8:12])]:
		return MediaHEIC
	}
	return ""
}

// heifBrands are the major brands of HEIF photos: iPhones write "heic", others "mif1" with HEVC.
var heifBrands = map[string]bool{"heic": true, "heix": true, "heim": true, "heis": true, "hevc": true, "hevx": true, "mif1": true, "msf1": true}
