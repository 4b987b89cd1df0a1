package evidence

import (
	"bytes"
	"errors"
	"fmt"
	"image"

	"github.com/gen2brain/heic"

	"recoverydesk/casefile"
)

// decodeHEICPortable decodes a HEIC/HEIF photo with libheif and libde265 compiled to
// WebAssembly and run in-process (github.com/gen2brain/heic on wazero): no C library to ship or
// load, so the Windows and macOS builds, and a Linux machine without libheif, read iPhone photos
// too. It is slower than the system's libheif, which Linux uses when it has it. Built with the
// nodynamic tag, the package never loads a libheif.dll of its own accord (on Windows one could be
// planted beside the program).
func decodeHEICPortable(data []byte) (*image.YCbCr, error) {
	if len(data) == 0 {
		return nil, errors.New("empty")
	}
	cfg, err := heic.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the HEIC photo is damaged or incomplete (%v)", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > casefile.MaxImagePixels {
		return nil, fmt.Errorf("the image claims to be %d×%d pixels, which no camera takes; it is refused as unsafe: %w", cfg.Width, cfg.Height, ErrTooManyPixels)
	}
	img, err := decodeHEICSafely(data)
	if err != nil {
		return nil, fmt.Errorf("the HEIC photo is damaged or incomplete (%v)", err)
	}
	return toPlanes(img), nil
}

// decodeHEICSafely turns a panic of the decoder's runtime (a hostile file that traps inside
// WebAssembly) into an error, as libheif's own errors are.
func decodeHEICSafely(data []byte) (img image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return heic.Decode(bytes.NewReader(data))
}
