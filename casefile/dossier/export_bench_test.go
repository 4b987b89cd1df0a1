package dossier

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"recoverydesk/casefile"
	"recoverydesk/casefile/evidence"
	"recoverydesk/casefile/sample"
	"strconv"
	"strings"
	"testing"
	"time"
)

// cameraPhoto is a 12-megapixel JPEG with sensor-like noise, so that it weighs what a phone's
// photo weighs (a flat synthetic picture would compress to almost nothing).
func cameraPhoto(seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	img := image.NewRGBA(image.Rect(0, 0, 4032, 3024))
	base := color.RGBA{uint8(60 + r.IntN(120)), uint8(60 + r.IntN(120)), uint8(60 + r.IntN(120)), 255}
	for i := 0; i < len(img.Pix); i += 4 {
		n := uint8(r.IntN(48))
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = base.R+n, base.G+n, base.B+n, 255
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92})
	return buf.Bytes()
}

// BenchmarkExportEightPhotos exports a case with eight 12 MP photos and a PDF receipt. Preparing
// the photos happens when they are attached and is reported apart; the export only assembles.
// BENCH_PHOTOS_DIR, if set, receives the photos for comparison with other tools.
func BenchmarkExportEightPhotos(b *testing.B) {
	c := sample.ReadyCase()
	c.Number = "2026-00042"
	c.Attachments = nil
	var prep time.Duration
	var srcBytes int
	dir := os.Getenv("BENCH_PHOTOS_DIR")
	for i := 0; i < 8; i++ {
		raw := cameraPhoto(uint64(i))
		srcBytes += len(raw)
		if dir != "" {
			os.WriteFile(filepath.Join(dir, "photo"+strconv.Itoa(i)+".jpg"), raw, 0o600)
		}
		t0 := time.Now()
		kind := []casefile.AttachmentKind{casefile.AttachBox, casefile.AttachIMEIScreen, casefile.AttachDevice, casefile.AttachLockScreen}[i%4]
		a, err := evidence.Prepare(kind, "IMG_"+strconv.Itoa(1000+i)+".jpg", raw)
		if err != nil {
			b.Fatal(err)
		}
		prep += time.Since(t0)
		a.SHA256 = strings.Repeat("ab", 32)
		c.Attachments = append(c.Attachments, a)
	}
	receipt := []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
	c.Attachments = append(c.Attachments, casefile.Attachment{Kind: casefile.AttachReceipt, Name: "receipt.pdf", MediaType: casefile.MediaPDF, Data: receipt, Size: int64(len(receipt))})
	o := dossierOptions("en")
	var size int
	b.ResetTimer()
	for b.Loop() {
		res, err := Assemble(c, o, true, "dossier.pdf")
		if err != nil {
			b.Fatal(err)
		}
		size = len(res.PDF)
	}
	b.ReportMetric(float64(size)/(1<<20), "pdf-MB")
	b.ReportMetric(float64(srcBytes)/(1<<20), "photos-MB")
	b.ReportMetric(float64(prep.Milliseconds())/8, "prepare-ms/photo")
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// peakRSSMB is the process's peak resident memory (Linux), 0 elsewhere.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}
