//go:build cgo && (linux || (windows && turbojpeg))

package evidence

// libjpeg-turbo, linked statically (Debian's libturbojpeg0-dev ships libturbojpeg.a; the
// Windows build links one cross-compiled by .ci/mingw-libjpeg-turbo.sh, with the tag turbojpeg),
// so the program needs no JPEG library on the user's machine. Its decoder shrinks while it decodes (the
// inverse DCT is computed at 1/2, 1/4 or 1/8 size), which makes a 12 MP photo a 3 MP one for
// a fraction of the cost, and both directions run on planes of Y, Cb and Cr, so no pixel of a
// camera photo is ever converted to RGB.

/*
#cgo LDFLAGS: -l:libturbojpeg.a
#include <stdlib.h>
#include <turbojpeg.h>

// rd_optimize turns on TurboJPEG's optimised Huffman tables, which it reads only from the
// environment. On Windows the C runtime keeps a copy of the environment of its own, which
// Go's os.Setenv does not reach.
static void rd_optimize(void) {
#ifdef _WIN32
	_putenv("TJ_OPTIMIZE=1");
#endif
}

// rd_decode_header reads the size, subsampling and colour space; -1 when it is not a JPEG
// turbojpeg can decode to planes.
static int rd_decode_header(tjhandle h, unsigned char *buf, unsigned long size, int *w, int *hh, int *samp, int *cs) {
	return tjDecompressHeader3(h, buf, size, w, hh, samp, cs);
}

// rd_decode decodes to three planes (one for gray) at the given reduced size.
static int rd_decode(tjhandle h, unsigned char *buf, unsigned long size, unsigned char *y, unsigned char *cb,
		unsigned char *cr, int *strides, int w, int hh) {
	unsigned char *planes[3] = {y, cb, cr};
	return tjDecompressToYUVPlanes(h, buf, size, planes, w, strides, hh, 0);
}

static int rd_encode(tjhandle h, const unsigned char *y, const unsigned char *cb, const unsigned char *cr,
		int *strides, int w, int hh, int quality, unsigned char **out, unsigned long *outSize) {
	const unsigned char *planes[3] = {y, cb, cr};
	return tjCompressFromYUVPlanes(h, planes, w, strides, hh, TJSAMP_420, out, outSize, quality, 0);
}
*/
import "C"

import (
	"errors"
	"image"
	"os"
	"unsafe"
)

// nativeJPEG says which codec prepares photos; the benchmark and the tests print it.
const nativeJPEG = "libjpeg-turbo"

func init() {
	// TurboJPEG reads its Huffman optimisation switch only from the environment; optimised
	// tables make the same picture about 14% smaller at no cost in quality. Set once here,
	// before any thread of the program could read the environment.
	_ = os.Setenv("TJ_OPTIMIZE", "1")
	C.rd_optimize()
}

var sampToRatio = map[C.int]image.YCbCrSubsampleRatio{
	C.TJSAMP_444: image.YCbCrSubsampleRatio444,
	C.TJSAMP_422: image.YCbCrSubsampleRatio422,
	C.TJSAMP_420: image.YCbCrSubsampleRatio420,
	C.TJSAMP_440: image.YCbCrSubsampleRatio440,
	C.TJSAMP_411: image.YCbCrSubsampleRatio411,
}

// decodeJPEGReduced decodes a JPEG at the smallest of 1, 1/2, 1/4 or 1/8 of its size whose
// long side is still at least minLong, as planes (*image.YCbCr, or *image.Gray for a gray
// JPEG). ok is false for what it leaves to Go's decoder: CMYK, a warning (a truncated or
// damaged file is judged there, as before), or anything turbojpeg refuses.
func decodeJPEGReduced(data []byte, minLong int) (img image.Image, ok bool) {
	if len(data) == 0 {
		return nil, false
	}
	h := C.tjInitDecompress()
	if h == nil {
		return nil, false
	}
	defer C.tjDestroy(h)
	// Go memory handed to C for the call only (no Go pointers inside): no copies of 12 MP.
	buf := (*C.uchar)(unsafe.Pointer(&data[0]))
	size := C.ulong(len(data))
	var w, hh, samp, cs C.int
	if C.rd_decode_header(h, buf, size, &w, &hh, &samp, &cs) != 0 {
		return nil, false
	}
	if cs == C.TJCS_CMYK || cs == C.TJCS_YCCK || w <= 0 || hh <= 0 {
		return nil, false
	}
	ratio, isColour := sampToRatio[samp]
	if !isColour && samp != C.TJSAMP_GRAY {
		return nil, false
	}
	sw, sh := reducedSize(int(w), int(hh), minLong)
	var strides [3]C.int
	var planes [3][]byte
	n := 3
	if samp == C.TJSAMP_GRAY {
		n = 1
	}
	for i := 0; i < n; i++ {
		pw := C.tjPlaneWidth(C.int(i), C.int(sw), samp)
		ph := C.tjPlaneHeight(C.int(i), C.int(sh), samp)
		if pw <= 0 || ph <= 0 {
			return nil, false
		}
		strides[i] = pw
		planes[i] = make([]byte, int(pw)*int(ph))
	}
	var cplanes [3]*C.uchar
	for i := 0; i < n; i++ {
		cplanes[i] = (*C.uchar)(unsafe.Pointer(&planes[i][0]))
	}
	if C.rd_decode(h, buf, size, cplanes[0], cplanes[1], cplanes[2], &strides[0], C.int(sw), C.int(sh)) != 0 {
		// Warnings too: Go's decoder then decides, so a damaged file is refused as before.
		return nil, false
	}
	rect := image.Rect(0, 0, sw, sh)
	if n == 1 {
		return &image.Gray{Pix: planes[0], Stride: int(strides[0]), Rect: rect}, true
	}
	return &image.YCbCr{Y: planes[0], Cb: planes[1], Cr: planes[2], YStride: int(strides[0]), CStride: int(strides[1]),
		SubsampleRatio: ratio, Rect: rect}, true
}

// reducedSize is the size turbojpeg decodes at for the smallest power-of-two reduction whose
// long side is at least minLong (libjpeg-turbo has SIMD code for these; other eighths are slow).
func reducedSize(w, h, minLong int) (int, int) {
	for d := 8; d > 1; d /= 2 {
		sw, sh := (w+d-1)/d, (h+d-1)/d
		if max(sw, sh) >= minLong {
			return sw, sh
		}
	}
	return w, h
}

// encodeJPEG420 writes 4:2:0 planes as a baseline JPEG with optimised Huffman tables.
func encodeJPEG420(img *image.YCbCr, quality int) ([]byte, error) {
	if img.SubsampleRatio != image.YCbCrSubsampleRatio420 {
		return nil, errors.New("encodeJPEG420 needs 4:2:0 planes")
	}
	h := C.tjInitCompress()
	if h == nil {
		return nil, errors.New("the JPEG encoder could not start")
	}
	defer C.tjDestroy(h)
	w, hh := img.Rect.Dx(), img.Rect.Dy()
	cw, ch := (w+1)/2, (hh+1)/2
	// Copies at turbojpeg's own plane sizes (padded to even), the padding repeating the edge.
	pw := [3]int{int(C.tjPlaneWidth(0, C.int(w), C.TJSAMP_420)), int(C.tjPlaneWidth(1, C.int(w), C.TJSAMP_420)), 0}
	ph := [3]int{int(C.tjPlaneHeight(0, C.int(hh), C.TJSAMP_420)), int(C.tjPlaneHeight(1, C.int(hh), C.TJSAMP_420)), 0}
	pw[2], ph[2] = pw[1], ph[1]
	src := [3][]byte{img.Y, img.Cb, img.Cr}
	stride := [3]int{img.YStride, img.CStride, img.CStride}
	rows := [3]int{hh, ch, ch}
	cols := [3]int{w, cw, cw}
	var planes [3][]byte
	var cplanes [3]*C.uchar
	var strides [3]C.int
	for i := range 3 {
		planes[i] = make([]byte, pw[i]*ph[i])
		cplanes[i] = (*C.uchar)(unsafe.Pointer(&planes[i][0]))
		strides[i] = C.int(pw[i])
		for y := 0; y < ph[i]; y++ {
			sy := min(y, rows[i]-1)
			row := planes[i][y*pw[i] : (y+1)*pw[i]]
			n := copy(row, src[i][sy*stride[i]:sy*stride[i]+cols[i]])
			for x := n; x < len(row); x++ {
				row[x] = row[n-1]
			}
		}
	}
	var out *C.uchar
	var outSize C.ulong
	if C.rd_encode(h, cplanes[0], cplanes[1], cplanes[2], &strides[0], C.int(w), C.int(hh), C.int(quality), &out, &outSize) != 0 {
		if out != nil {
			C.tjFree(out)
		}
		return nil, errors.New("the JPEG encoder failed: " + C.GoString(C.tjGetErrorStr2(h)))
	}
	defer C.tjFree(out)
	return C.GoBytes(unsafe.Pointer(out), C.int(outSize)), nil
}
