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
	case len(b) > 12 && string(b[4:8]) == "ftyp" && (string(b[8:12]) == "heic" || string(b[8:12]) == "heix" || string(b[8:12]) == "mif1"):
		return "image/heic"
	}
	return ""
}
