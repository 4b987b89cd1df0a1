//go:build !(linux && cgo)

package evidence

import "image"

// decodeHEIC is the portable decoder on the Windows and macOS builds, where no libheif is
// loaded.
func decodeHEIC(data []byte) (*image.YCbCr, error) { return decodeHEICPortable(data) }

// libheifLoaded is false: these builds load no libheif.
func libheifLoaded() bool { return false }
