package evidence

import (
	"image"

	"golang.org/x/image/draw"
)

// grayForCodes makes the gray picture barcodes are read from, no longer than about
// BarcodeLongSide: from a camera JPEG it averages the luma plane by a whole factor (no colour
// conversion, no resampling blur across bars); anything else is drawn into gray.
func grayForCodes(src image.Image) *image.Gray {
	b := src.Bounds()
	f := max(1, (max(b.Dx(), b.Dy())+BarcodeLongSide-1)/BarcodeLongSide)
	w, h := max(1, b.Dx()/f), max(1, b.Dy()/f)
	out := image.NewGray(image.Rect(0, 0, w, h))
	if g, ok := src.(*image.Gray); ok && b.Min == (image.Point{}) {
		src = &image.YCbCr{Y: g.Pix, YStride: g.Stride, Rect: b} // the same plane, read alike
	}
	if ycc, ok := src.(*image.YCbCr); ok {
		area := f * f
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				sum := 0
				for dy := 0; dy < f; dy++ {
					row := ycc.Y[ycc.YOffset(b.Min.X+x*f, b.Min.Y+y*f+dy):]
					for dx := 0; dx < f; dx++ {
						sum += int(row[dx])
					}
				}
				out.Pix[y*out.Stride+x] = uint8(sum / area)
			}
		}
		return out
	}
	// Transparent parts of a screenshot read as white, as on paper.
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	if f == 1 {
		draw.Draw(out, out.Bounds(), src, b.Min, draw.Over)
	} else {
		draw.ApproxBiLinear.Scale(out, out.Bounds(), src, b, draw.Over, nil)
	}
	return out
}
