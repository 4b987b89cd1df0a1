package evidence

import (
	"image"
	"image/color"
	"image/draw"
)

// A rendition is made on planes of Y, Cb and Cr, as a camera JPEG stores them: scaling and
// turning them costs a fraction of doing it on RGB pixels, and the encoder takes them as they
// are. Everything ends as 4:2:0, what every JPEG reader expects.

// toPlanes gives a decoded picture as planes: a camera JPEG as it is; anything else (a PNG or
// WebP screenshot, a drawn PDF page) converted, transparency flattened onto white, as on paper.
func toPlanes(src image.Image) *image.YCbCr {
	b := src.Bounds()
	switch m := src.(type) {
	case *image.YCbCr:
		if b.Min == (image.Point{}) {
			return m
		}
	case *image.Gray:
		if b.Min == (image.Point{}) {
			cw, ch := (b.Dx()+1)/2, (b.Dy()+1)/2
			neutral := make([]byte, cw*ch)
			for i := range neutral {
				neutral[i] = 128
			}
			return &image.YCbCr{Y: m.Pix, Cb: neutral, Cr: neutral, YStride: m.Stride, CStride: cw,
				SubsampleRatio: image.YCbCrSubsampleRatio420, Rect: image.Rect(0, 0, b.Dx(), b.Dy())}
		}
	}
	flat, ok := src.(*image.RGBA)
	if !ok || b.Min != (image.Point{}) {
		// One drawing onto white does every other model (NRGBA, palette, 16-bit, alpha) at once.
		flat = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(flat, flat.Rect, image.White, image.Point{}, draw.Src)
		draw.Draw(flat, flat.Rect, src, b.Min, draw.Over)
	}
	out := image.NewYCbCr(flat.Rect, image.YCbCrSubsampleRatio444)
	for y := 0; y < flat.Rect.Dy(); y++ {
		row := flat.Pix[y*flat.Stride : y*flat.Stride+4*flat.Rect.Dx()]
		o := y * out.YStride
		for x := 0; x < len(row)/4; x++ {
			// An RGBA may still hold translucent pixels: premultiplied, so white shows through.
			a := 255 - int(row[4*x+3])
			r, g, bl := min(255, int(row[4*x])+a), min(255, int(row[4*x+1])+a), min(255, int(row[4*x+2])+a)
			out.Y[o+x], out.Cb[o+x], out.Cr[o+x] = color.RGBToYCbCr(uint8(r), uint8(g), uint8(bl))
		}
	}
	return out
}

// chromaSize is the size of a Cb or Cr plane of src, by its subsampling.
func chromaSize(src *image.YCbCr) (int, int) {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	switch src.SubsampleRatio {
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2
	}
	return w, h
}

// resizePlanes scales src to dw×dh as 4:2:0, each plane with the Catmull-Rom kernel.
func resizePlanes(src *image.YCbCr, dw, dh int) *image.YCbCr {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	if w == dw && h == dh && src.SubsampleRatio == image.YCbCrSubsampleRatio420 {
		return src
	}
	cw, ch := chromaSize(src)
	dcw, dch := (dw+1)/2, (dh+1)/2
	return &image.YCbCr{
		Y:              resamplePlane(src.Y, w, h, src.YStride, dw, dh),
		Cb:             resamplePlane(src.Cb, cw, ch, src.CStride, dcw, dch),
		Cr:             resamplePlane(src.Cr, cw, ch, src.CStride, dcw, dch),
		YStride:        dw,
		CStride:        dcw,
		SubsampleRatio: image.YCbCrSubsampleRatio420,
		Rect:           image.Rect(0, 0, dw, dh),
	}
}

// orientPlanes applies an EXIF orientation (1–8) to 4:2:0 planes, so the picture stands as the
// photographer saw it.
func orientPlanes(src *image.YCbCr, orient int) *image.YCbCr {
	if orient <= 1 || orient > 8 {
		return src
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	cw, ch := (w+1)/2, (h+1)/2
	y, nw, nh := orientPlane(src.Y, w, h, src.YStride, orient)
	cb, ncw, _ := orientPlane(src.Cb, cw, ch, src.CStride, orient)
	cr, _, _ := orientPlane(src.Cr, cw, ch, src.CStride, orient)
	return &image.YCbCr{Y: y, Cb: cb, Cr: cr, YStride: nw, CStride: ncw,
		SubsampleRatio: image.YCbCrSubsampleRatio420, Rect: image.Rect(0, 0, nw, nh)}
}

// orientPlane turns or mirrors one plane; a quarter turn swaps its width and height.
func orientPlane(p []byte, w, h, stride, orient int) ([]byte, int, int) {
	dw, dh := w, h
	if orient >= 5 {
		dw, dh = h, w
	}
	dst := make([]byte, dw*dh)
	for y := 0; y < h; y++ {
		row := p[y*stride : y*stride+w]
		for x, v := range row {
			var dx, dy int
			switch orient {
			default:
				dx, dy = x, y
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			dst[dy*dw+dx] = v
		}
	}
	return dst, dw, dh
}
