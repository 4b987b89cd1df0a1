//go:build linux && cgo

package evidence

// HEIC (iPhone photos) is decoded by libheif, loaded when the first HEIC photo comes: its
// HEVC decoder is a shared library of the system (Debian's libheif1) and cannot reasonably be
// linked in, and a binary that needed it to start would not start on a machine without it. So
// the program runs everywhere, and where libheif is missing the portable decoder
// (heic_portable.go) reads the photo instead.

/*
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <libheif/heif.h>

static struct {
	int loaded;
	struct heif_error (*init)(struct heif_init_params *);
	struct heif_context *(*ctx_alloc)(void);
	void (*ctx_free)(struct heif_context *);
	struct heif_error (*read_mem)(struct heif_context *, const void *, size_t, const struct heif_reading_options *);
	struct heif_error (*primary)(struct heif_context *, struct heif_image_handle **);
	int (*handle_width)(const struct heif_image_handle *);
	int (*handle_height)(const struct heif_image_handle *);
	void (*handle_release)(const struct heif_image_handle *);
	struct heif_error (*decode)(const struct heif_image_handle *, struct heif_image **, enum heif_colorspace, enum heif_chroma, const struct heif_decoding_options *);
	const uint8_t *(*plane)(const struct heif_image *, enum heif_channel, int *);
	int (*plane_width)(const struct heif_image *, enum heif_channel);
	int (*plane_height)(const struct heif_image *, enum heif_channel);
	int (*bits)(const struct heif_image *, enum heif_channel);
	void (*image_release)(const struct heif_image *);
} rd_heif;

// rd_heif_load opens libheif once; 0 when it is not on this machine.
static int rd_heif_load(void) {
	if (rd_heif.loaded) return rd_heif.loaded > 0;
	void *h = dlopen("libheif.so.1", RTLD_NOW | RTLD_LOCAL);
	if (!h) { rd_heif.loaded = -1; return 0; }
#define SYM(field, name) if (!(*(void **)&rd_heif.field = dlsym(h, name))) { rd_heif.loaded = -1; return 0; }
	SYM(ctx_alloc, "heif_context_alloc")
	SYM(ctx_free, "heif_context_free")
	SYM(read_mem, "heif_context_read_from_memory_without_copy")
	SYM(primary, "heif_context_get_primary_image_handle")
	SYM(handle_width, "heif_image_handle_get_width")
	SYM(handle_height, "heif_image_handle_get_height")
	SYM(handle_release, "heif_image_handle_release")
	SYM(decode, "heif_decode_image")
	SYM(plane, "heif_image_get_plane_readonly")
	SYM(plane_width, "heif_image_get_width")
	SYM(plane_height, "heif_image_get_height")
	SYM(bits, "heif_image_get_bits_per_pixel_range")
	SYM(image_release, "heif_image_release")
#undef SYM
	*(void **)&rd_heif.init = dlsym(h, "heif_init"); // from 1.13 on; older ones need none
	if (rd_heif.init) rd_heif.init(NULL);
	rd_heif.loaded = 1;
	return 1;
}

// rd_heif_decode decodes the primary image as 8-bit 4:2:0 planes (turned and mirrored as the
// file says), copied into out (malloc'd, Y then Cb then Cr, each tightly packed). It returns
// 0, 1 when the file cannot be read, 2 when it is larger than maxPixels.
static int rd_heif_decode(const void *data, size_t size, long long maxPixels, int *w, int *h,
		unsigned char **out, char *msg, int msgLen) {
	struct heif_context *ctx = rd_heif.ctx_alloc();
	struct heif_image_handle *handle = NULL;
	struct heif_image *img = NULL;
	int rc = 1;
	struct heif_error err = rd_heif.read_mem(ctx, data, size, NULL);
	if (err.code != heif_error_Ok) goto done;
	err = rd_heif.primary(ctx, &handle);
	if (err.code != heif_error_Ok) goto done;
	*w = rd_heif.handle_width(handle);
	*h = rd_heif.handle_height(handle);
	if (*w <= 0 || *h <= 0 || (long long)*w * (long long)*h > maxPixels) { rc = 2; goto done; }
	err = rd_heif.decode(handle, &img, heif_colorspace_YCbCr, heif_chroma_420, NULL);
	if (err.code != heif_error_Ok) goto done;
	*w = rd_heif.plane_width(img, heif_channel_Y);
	*h = rd_heif.plane_height(img, heif_channel_Y);
	int cw = (*w + 1) / 2, ch = (*h + 1) / 2;
	size_t total = (size_t)*w * *h + 2 * (size_t)cw * ch;
	*out = malloc(total);
	if (!*out) goto done;
	unsigned char *dst = *out;
	enum heif_channel chans[3] = {heif_channel_Y, heif_channel_Cb, heif_channel_Cr};
	for (int c = 0; c < 3; c++) {
		int pw = c ? cw : *w, ph = c ? ch : *h, stride = 0;
		const uint8_t *p = rd_heif.plane(img, chans[c], &stride);
		int bits = rd_heif.bits(img, chans[c]);
		if (!p || rd_heif.plane_width(img, chans[c]) < pw || rd_heif.plane_height(img, chans[c]) < ph) {
			free(*out); *out = NULL; goto done;
		}
		for (int y = 0; y < ph; y++) {
			const uint8_t *row = p + (size_t)y * stride;
			if (bits <= 8) {
				memcpy(dst, row, pw);
			} else { // 10-bit HDR photos: 16-bit samples, scaled to 8
				for (int x = 0; x < pw; x++) dst[x] = (uint8_t)((row[2*x] | row[2*x+1] << 8) >> (bits - 8));
			}
			dst += pw;
		}
	}
	rc = 0;
done:
	if (rc == 1 && err.message) { strncpy(msg, err.message, msgLen - 1); msg[msgLen - 1] = 0; }
	if (img) rd_heif.image_release(img);
	if (handle) rd_heif.handle_release(handle);
	rd_heif.ctx_free(ctx);
	return rc;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"image"
	"sync"
	"unsafe"

	"recoverydesk/casefile"
)

var heifMu sync.Mutex // loading is done once; libheif itself decodes in parallel

// libheifLoaded says whether the system's libheif decodes HEIC here.
func libheifLoaded() bool {
	heifMu.Lock()
	defer heifMu.Unlock()
	return C.rd_heif_load() != 0
}

// decodeHEIC decodes the primary image of a HEIC/HEIF file as 4:2:0 planes, already turned as
// the file says (a HEIC's rotation is part of the image, not an EXIF note).
func decodeHEIC(data []byte) (*image.YCbCr, error) {
	heifMu.Lock()
	loaded := C.rd_heif_load() != 0
	heifMu.Unlock()
	if !loaded {
		// No libheif on this machine: the portable decoder reads the photo, more slowly.
		return decodeHEICPortable(data)
	}
	if len(data) == 0 {
		return nil, errors.New("empty")
	}
	var w, h C.int
	var out *C.uchar
	msg := make([]byte, 256)
	rc := C.rd_heif_decode(unsafe.Pointer(&data[0]), C.size_t(len(data)), C.longlong(casefile.MaxImagePixels),
		&w, &h, &out, (*C.char)(unsafe.Pointer(&msg[0])), C.int(len(msg)))
	switch rc {
	case 2:
		return nil, fmt.Errorf("the image claims to be %d×%d pixels, which no camera takes; it is refused as unsafe: %w", w, h, ErrTooManyPixels)
	case 1:
		return nil, fmt.Errorf("the HEIC photo is damaged or incomplete (%s)", C.GoString((*C.char)(unsafe.Pointer(&msg[0]))))
	}
	defer C.free(unsafe.Pointer(out))
	iw, ih := int(w), int(h)
	cw, ch := (iw+1)/2, (ih+1)/2
	planes := C.GoBytes(unsafe.Pointer(out), C.int(iw*ih+2*cw*ch))
	return &image.YCbCr{Y: planes[:iw*ih], Cb: planes[iw*ih : iw*ih+cw*ch], Cr: planes[iw*ih+cw*ch:],
		YStride: iw, CStride: cw, SubsampleRatio: image.YCbCrSubsampleRatio420, Rect: image.Rect(0, 0, iw, ih)}, nil
}
