//go:build !(linux && cgo)

package evidence

import (
	"errors"
	"image"
)

// errNoHEIF says HEIC cannot be decoded in this build, and what to do instead.
var errNoHEIF = errors.New("HEIC photos are not read on this system yet; export the photo as JPEG (on the iPhone: Settings → Camera → Formats → Most Compatible)")

// decodeHEIC is where libheif is not loaded: the Windows and macOS builds.
func decodeHEIC([]byte) (*image.YCbCr, error) { return nil, errNoHEIF }
