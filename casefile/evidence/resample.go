package evidence

import "math"

// The last step of a rendition is a kernel filter, not a box average: Catmull-Rom, widened by
// the reduction so that shrinking is free of aliasing (as in golang.org/x/image/draw, whose
// float buffer for a 12 MP photo would be 155 MB). Weights are 14-bit fixed point, the
// intermediate is one plane of bytes, and each pass reads its source in order.

const weightBits = 14

// catmullRom is the kernel: sharp, with a small overshoot that keeps print crisp.
func catmullRom(x float64) float64 {
	x = math.Abs(x)
	switch {
	case x < 1:
		return (1.5*x-2.5)*x*x + 1
	case x < 2:
		return ((-0.5*x+2.5)*x-4)*x + 2
	}
	return 0
}

// kernelTaps gives, for each of dst output positions over src input positions, the first input
// position and n weights (summing to exactly 1<<weightBits); positions past an edge repeat it.
func kernelTaps(src, dst int) (starts []int, n int, weights []int32) {
	starts, n, weights = fullTaps(src, dst)
	return trimTaps(src, starts, n, weights)
}

// fullTaps is kernelTaps with a window wide enough for any rounding of the kernel's support.
func fullTaps(src, dst int) (starts []int, n int, weights []int32) {
	scale := float64(src) / float64(dst)
	f := math.Max(scale, 1)
	support := 2 * f
	n = min(src, int(math.Ceil(2*support))+2)
	starts = make([]int, dst)
	weights = make([]int32, dst*n)
	fw := make([]float64, n)
	for i := 0; i < dst; i++ {
		center := (float64(i) + 0.5) * scale
		left := int(math.Floor(center - support))
		right := int(math.Ceil(center + support))
		start := min(max(left, 0), src-n)
		starts[i] = start
		clear(fw)
		sum := 0.0
		for j := left; j < right; j++ {
			k := catmullRom((float64(j) + 0.5 - center) / f)
			if k == 0 {
				continue
			}
			idx := min(max(j, 0), src-1) - start
			idx = min(max(idx, 0), n-1)
			fw[idx] += k
			sum += k
		}
		w := weights[i*n : (i+1)*n]
		total, big := int32(0), 0
		for k := range fw {
			w[k] = int32(math.Round(fw[k] / sum * (1 << weightBits)))
			total += w[k]
			if w[k] > w[big] {
				big = k
			}
		}
		w[big] += 1<<weightBits - total // rounding goes to the heaviest tap: flat stays flat
	}
	return starts, n, weights
}

// trimTaps drops the taps that carry no weight for any output: the window above is sized for
// the worst rounding, and a reduction by 1.26 (a 12 MP photo's half-size decoding to 1600 px)
// needs 6 of its 8. Each output's start moves to its first weighted input, or back from the
// edge so that every window stays inside the source.
func trimTaps(src int, starts []int, n int, weights []int32) ([]int, int, []int32) {
	firsts, lasts := make([]int, len(starts)), make([]int, len(starts))
	trimmed := 1
	for i := range starts {
		w := weights[i*n : (i+1)*n]
		f, l := 0, 0
		for k := range w {
			if w[k] != 0 {
				l = k
			}
		}
		for f < l && w[f] == 0 {
			f++
		}
		firsts[i], lasts[i] = f, l
		trimmed = max(trimmed, l-f+1)
	}
	if trimmed >= n {
		return starts, n, weights
	}
	out := make([]int32, len(starts)*trimmed)
	for i := range starts {
		from := starts[i] + firsts[i]
		s := min(from, src-trimmed)
		copy(out[i*trimmed+from-s:], weights[i*n+firsts[i]:i*n+lasts[i]+1])
		starts[i] = s
	}
	return starts, trimmed, out
}

// clampByte rounds a fixed-point sum back to a byte.
func clampByte(v int32) byte {
	v = (v + 1<<(weightBits-1)) >> weightBits
	return byte(min(max(v, 0), 255))
}

// resamplePlane scales a w×h plane (rows stride bytes apart) to dw×dh: rows first, then columns.
func resamplePlane(p []byte, w, h, stride, dw, dh int) []byte {
	out := make([]byte, dw*dh)
	if w <= 0 || h <= 0 || dw <= 0 || dh <= 0 {
		return out
	}
	tmp := make([]byte, dw*h)
	if dw == w {
		for y := 0; y < h; y++ {
			copy(tmp[y*dw:(y+1)*dw], p[y*stride:y*stride+w])
		}
	} else {
		starts, n, weights := kernelTaps(w, dw)
		for y := 0; y < h; y++ {
			row := p[y*stride : y*stride+w]
			dst := tmp[y*dw : (y+1)*dw]
			for x := range dst {
				s := starts[x]
				src := row[s : s+n : s+n]
				wt := weights[x*n : x*n+n : x*n+n]
				wt = wt[:len(src)] // one bounds check here, none in the loop
				var acc int32
				for k, v := range src {
					acc += wt[k] * int32(v)
				}
				dst[x] = clampByte(acc)
			}
		}
	}
	if dh == h {
		copy(out, tmp)
		return out
	}
	starts, n, weights := kernelTaps(h, dh)
	acc := make([]int32, dw)
	for y := 0; y < dh; y++ {
		clear(acc)
		for k := 0; k < n; k++ {
			wt := weights[y*n+k]
			if wt == 0 {
				continue
			}
			row := tmp[(starts[y]+k)*dw : (starts[y]+k+1)*dw]
			acc := acc[:len(row)] // one bounds check here, none in the loop
			for x, v := range row {
				acc[x] += wt * int32(v)
			}
		}
		dst := out[y*dw : (y+1)*dw]
		for x, v := range acc {
			dst[x] = clampByte(v)
		}
	}
	return out
}
