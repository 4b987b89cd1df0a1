package evidence

import (
	"image"
	"image/color"
	"testing"
)

// TestOrientPlane follows one marked pixel of a 3×2 plane through every EXIF orientation:
// where the photographer's top-left corner must land, and the size after a quarter turn.
func TestOrientPlane(t *testing.T) {
	// Stored:   1 2 3
	//           4 5 6
	src := []byte{1, 2, 3, 4, 5, 6}
	want := map[int][]byte{
		1: {1, 2, 3, 4, 5, 6},
		2: {3, 2, 1, 6, 5, 4},
		3: {6, 5, 4, 3, 2, 1},
		4: {4, 5, 6, 1, 2, 3},
		5: {1, 4, 2, 5, 3, 6},
		6: {4, 1, 5, 2, 6, 3},
		7: {6, 3, 5, 2, 4, 1},
		8: {3, 6, 2, 5, 1, 4},
	}
	for orient := 1; orient <= 8; orient++ {
		got, w, h := orientPlane(src, 3, 2, 3, orient)
		wantW, wantH := 3, 2
		if orient >= 5 {
			wantW, wantH = 2, 3
		}
		if string(got) != string(want[orient]) || w != wantW || h != wantH {
			t.Errorf("orientation %d: %v %dx%d, want %v %dx%d", orient, got, w, h, want[orient], wantW, wantH)
		}
	}
}

// TestOrientPlanesOddSizes keeps the chroma planes the size a 4:2:0 picture of the turned
// size needs, for odd widths and heights too.
func TestOrientPlanesOddSizes(t *testing.T) {
	src := image.NewYCbCr(image.Rect(0, 0, 7, 4), image.YCbCrSubsampleRatio420)
	for orient := 1; orient <= 8; orient++ {
		out := orientPlanes(src, orient)
		ref := image.NewYCbCr(out.Rect, image.YCbCrSubsampleRatio420)
		if len(out.Cb) < len(ref.Cb) || out.CStride != ref.CStride || len(out.Y) < len(ref.Y) {
			t.Errorf("orientation %d: %v with chroma stride %d (%d bytes), want %d (%d bytes)", orient, out.Rect, out.CStride, len(out.Cb), ref.CStride, len(ref.Cb))
		}
	}
}

func TestResamplePlane(t *testing.T) {
	flat := make([]byte, 400*300)
	for i := range flat {
		flat[i] = 173
	}
	for _, size := range [][2]int{{160, 120}, {399, 300}, {400, 1}, {1, 1}, {800, 600}, {400, 300}} {
		out := resamplePlane(flat, 400, 300, 400, size[0], size[1])
		if len(out) != size[0]*size[1] {
			t.Fatalf("%v: %d bytes", size, len(out))
		}
		for i, v := range out {
			if v != 173 {
				t.Fatalf("%v: a flat plane came out with %d at %d", size, v, i)
			}
		}
	}
	// Black and white lines a pixel wide, shrunk 2.5×: finer than the result can show, so they
	// must come out as an even gray (not as stripes of aliasing), and the white beside them white.
	bars := make([]byte, 1000*10)
	for y := 0; y < 10; y++ {
		for x := 0; x < 1000; x++ {
			if x < 500 && x%2 == 0 {
				bars[y*1000+x] = 0
			} else {
				bars[y*1000+x] = 255
			}
		}
	}
	out := resamplePlane(bars, 1000, 10, 1000, 400, 4)
	for x := 10; x < 190; x++ { // the striped half averages to mid-gray, evenly
		if v := int(out[400+x]); v < 118 || v > 138 {
			t.Fatalf("striped half at %d = %d, want about 128", x, v)
		}
	}
	for x := 210; x < 400; x++ {
		if out[400+x] != 255 {
			t.Fatalf("white half at %d = %d", x, out[400+x])
		}
	}
}

// TestToPlanesFlattensOntoWhite: a transparent screenshot reads as paper, not as black.
func TestToPlanesFlattensOntoWhite(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 4, 2))
	src.Set(1, 0, color.NRGBA{255, 0, 0, 255})
	p := toPlanes(src)
	if y := p.Y[p.YOffset(0, 0)]; y != 255 {
		t.Errorf("a transparent pixel has luma %d, want white", y)
	}
	r, g, b := color.YCbCrToRGB(p.Y[p.YOffset(1, 0)], p.Cb[p.COffset(1, 0)], p.Cr[p.COffset(1, 0)])
	if r < 240 || g > 15 || b > 15 {
		t.Errorf("red came out as %d,%d,%d", r, g, b)
	}
	gray := image.NewGray(image.Rect(0, 0, 5, 3))
	if gp := toPlanes(gray); gp.Cb[0] != 128 || len(gp.Cb) != 3*2 || gp.SubsampleRatio != image.YCbCrSubsampleRatio420 {
		t.Errorf("a gray picture's chroma: %d bytes, first %d", len(gp.Cb), gp.Cb[0])
	}
}

// BenchmarkResamplePlane is the last step of a rendition's brightness plane: a 12 MP photo
// decoded at half size (2016×1512) to 1600×1200.
func BenchmarkResamplePlane(b *testing.B) {
	src := make([]byte, 2016*1512)
	for i := range src {
		src[i] = byte(i*7 + i/2016*13)
	}
	for b.Loop() {
		resamplePlane(src, 2016, 1512, 2016, 1600, 1200)
	}
}

// TestTrimTaps: dropping the taps that carry no weight changes no output, shrinking or
// enlarging, at the edges too.
func TestTrimTaps(t *testing.T) {
	for _, sz := range [][2]int{{2016, 1600}, {1512, 1200}, {1008, 800}, {756, 600}, {400, 1600}, {10, 3}, {7, 7}, {3, 2}, {1, 1}} {
		row := make([]byte, sz[0])
		for i := range row {
			row[i] = byte(i*97 + i*i)
		}
		apply := func(starts []int, n int, weights []int32) []int32 {
			out := make([]int32, len(starts))
			for x := range starts {
				for k := 0; k < n; k++ {
					out[x] += weights[x*n+k] * int32(row[starts[x]+k])
				}
			}
			return out
		}
		fs, fn, fw := fullTaps(sz[0], sz[1])
		want := apply(fs, fn, fw)
		ts, tn, tw := trimTaps(sz[0], append([]int(nil), fs...), fn, fw)
		got := apply(ts, tn, tw)
		for x := range want {
			if got[x] != want[x] {
				t.Fatalf("%d→%d, output %d: %d with %d taps, %d with %d", sz[0], sz[1], x, got[x], tn, want[x], fn)
			}
		}
		for x := range ts {
			if ts[x] < 0 || ts[x]+tn > sz[0] {
				t.Fatalf("%d→%d, output %d: window %d+%d outside the source", sz[0], sz[1], x, ts[x], tn)
			}
		}
		if sz == [2]int{2016, 1600} && tn >= fn {
			t.Errorf("2016→1600 kept all %d taps", fn)
		}
	}
}
