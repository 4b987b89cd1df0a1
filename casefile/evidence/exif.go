package evidence

import (
	"bytes"
	"encoding/binary"
)

// jpegOrientation reads the EXIF orientation tag (1–8) of a JPEG, 1 when there is none.
// Phones store photos sideways and set this tag; PDF viewers ignore it, so the dossier must
// apply it. Only the few bytes needed are parsed; anything odd means "upright".
func jpegOrientation(b []byte) int {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return 1
	}
	p := 2
	for p+4 <= len(b) {
		if b[p] != 0xFF {
			return 1
		}
		marker := b[p+1]
		if marker == 0xDA || marker == 0xD9 { // start of scan: no EXIF before it
			return 1
		}
		size := int(binary.BigEndian.Uint16(b[p+2:]))
		if size < 2 || p+2+size > len(b) {
			return 1
		}
		seg := b[p+4 : p+2+size]
		if marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return tiffOrientation(seg[6:])
		}
		p += 2 + size
	}
	return 1
}

// orientation reads the EXIF orientation of a JPEG or a WebP, 1 when there is none.
func orientation(b []byte) int {
	if bytes.HasPrefix(b, []byte("RIFF")) {
		return webpOrientation(b)
	}
	return jpegOrientation(b)
}

// webpOrientation finds the EXIF chunk of an extended WebP (RIFF chunks: a four-letter name,
// a little-endian size, the data padded to an even length).
func webpOrientation(b []byte) int {
	if len(b) < 12 || string(b[8:12]) != "WEBP" {
		return 1
	}
	for p := 12; p+8 <= len(b); {
		name, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:]))
		if size < 0 || p+8+size > len(b) {
			return 1
		}
		if name == "EXIF" {
			return tiffOrientation(bytes.TrimPrefix(b[p+8:p+8+size], []byte("Exif\x00\x00")))
		}
		p += 8 + size + size&1
	}
	return 1
}

func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	ifd := int(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 1
	}
	n := int(bo.Uint16(t[ifd:]))
	for i := 0; i < n; i++ {
		e := ifd + 2 + 12*i
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
				return v
			}
			return 1
		}
	}
	return 1
}
