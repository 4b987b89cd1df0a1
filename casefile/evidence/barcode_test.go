package evidence

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/image/draw"
	"golang.org/x/image/math/f64"

	"recoverydesk/casefile"
)

// The codes in testdata/codes were made with zint, an encoder independent of the reader:
//
//	zint -b 20 -d 861234567890127 -o imei1.png   (Code 128; imei2, imeiX, serial alike)
//	zint -b 58 -d 't=20240212T1530&s=14500.00&fn=9289000100123456&i=4711&fp=3522111111&n=1' -o fiscal.png
//	zint -b 71 -d 861234567890127 -o dm.png      (DataMatrix)
//	zint -b 13 -d 690123456789 -o ean.png        (EAN-13)
const (
	imei1     = "861234567890127"
	imei2     = "861234567890135"
	imeiX     = "861234567890275"
	serialNo  = "36133/A1B2C3D4"
	fiscalQR  = "t=20240212T1530&s=14500.00&fn=9289000100123456&i=4711&fp=3522111111&n=1"
	photoW    = 4032
	photoH    = 3024
	eanNumber = "6901234567892"
)

func loadCode(t testing.TB, name string) *image.Gray {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "codes", name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, image.Point{}, draw.Src)
	return g
}

// label stacks codes on a white sticker, as a box label prints IMEI 1, IMEI 2 and the serial.
func label(t testing.TB, names ...string) *image.Gray {
	w, h := 0, 40
	var codes []*image.Gray
	for _, n := range names {
		c := loadCode(t, n)
		codes = append(codes, c)
		w = max(w, c.Rect.Dx())
		h += c.Rect.Dy() + 30
	}
	out := image.NewGray(image.Rect(0, 0, w+80, h))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	y := 30
	for _, c := range codes {
		draw.Draw(out, c.Bounds().Add(image.Pt(40, y)), c, image.Point{}, draw.Src)
		y += c.Rect.Dy() + 30
	}
	return out
}

// photo places a sticker on a box and photographs it: scaled, turned by degrees, with a soft
// focus and sensor noise, saved as a w×h colour camera JPEG (4:2:0, as phones write them).
func photo(t testing.TB, sticker *image.Gray, scale, degrees float64, seed int64, w, h int) []byte {
	t.Helper()
	g := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ { // a cardboard gradient, darker at the bottom
		v := uint8(190 - 40*y/h)
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		for x := range row {
			row[x] = v
		}
	}
	th := degrees * math.Pi / 180
	sw, sh := float64(sticker.Rect.Dx()), float64(sticker.Rect.Dy())
	cos, sin := math.Cos(th)*scale, math.Sin(th)*scale
	// The sticker's centre goes to the photo's centre.
	m := f64.Aff3{cos, -sin, float64(w)/2 - (cos*sw/2 - sin*sh/2), sin, cos, float64(h)/2 - (sin*sw/2 + cos*sh/2)}
	draw.BiLinear.Transform(g, m, sticker, sticker.Bounds(), draw.Src, nil)
	// Soft focus (a 3×3 box blur) and noise, written straight into the luma plane.
	ycc := image.NewYCbCr(g.Rect, image.YCbCrSubsampleRatio420)
	r := rand.New(rand.NewSource(seed))
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			s := 0
			for dy := -1; dy <= 1; dy++ {
				o := (y+dy)*g.Stride + x
				s += int(g.Pix[o-1]) + int(g.Pix[o]) + int(g.Pix[o+1])
			}
			ycc.Y[y*ycc.YStride+x] = uint8(min(255, max(0, s/9+r.Intn(31)-15)))
		}
	}
	for i := range ycc.Cb { // a brownish cardboard tint
		ycc.Cb[i], ycc.Cr[i] = 120, 134
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, ycc, &jpeg.Options{Quality: 88}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func texts(codes []casefile.Barcode) map[string]string {
	out := map[string]string{}
	for _, c := range codes {
		out[c.Text] = c.Format
	}
	return out
}

func TestReadBarcodesFromPhotos(t *testing.T) {
	tests := []struct {
		name    string
		kind    casefile.AttachmentKind
		sticker []string
		scale   float64
		degrees float64
		w, h    int
		want    map[string]string
	}{
		// 12 MP, as a phone photographs a box: a bar of the IMEI's code is about 4.5 pixels.
		{"box label, a few degrees off", casefile.AttachBox, []string{"imei1", "imei2", "serial"}, 2.3, 3, photoW, photoH,
			map[string]string{imei1: "CODE_128", imei2: "CODE_128", serialNo: "CODE_128"}},
		{"label photographed sideways", casefile.AttachBox, []string{"imei1", "ean"}, 2.3, 92, photoW, photoH,
			map[string]string{imei1: "CODE_128", eanNumber: "EAN_13"}},
		// Smaller photos for the rest, to keep the suite quick.
		{"box label of another phone, the other way", casefile.AttachBox, []string{"imeiX", "imei2"}, 1.2, -4, 2000, 1500,
			map[string]string{imeiX: "CODE_128", imei2: "CODE_128"}},
		{"label upside down", casefile.AttachBox, []string{"imei1"}, 1.2, 178, 2000, 1500,
			map[string]string{imei1: "CODE_128"}},
		{"receipt with a fiscal QR code", casefile.AttachReceipt, []string{"fiscal"}, 4, 5, 2000, 1500,
			map[string]string{fiscalQR: "QR_CODE"}},
		{"*#06# screen with a DataMatrix", casefile.AttachIMEIScreen, []string{"dm"}, 5, 2, 2000, 1500,
			map[string]string{imei1: "DATA_MATRIX"}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := photo(t, label(t, tt.sticker...), tt.scale, tt.degrees, int64(i), tt.w, tt.h)
			a, err := Prepare(tt.kind, "photo.jpg", data)
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(a.Barcodes); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("read %v, want %v", got, tt.want)
			}
			if max(a.Width, a.Height) != min(RenditionLongSide, tt.w) {
				t.Errorf("the rendition is %d px wide, want %d", a.Width, RenditionLongSide)
			}
		})
	}
}

func TestBarcodesDriveTheChecks(t *testing.T) {
	box, err := Prepare(casefile.AttachBox, "box.jpg", photo(t, label(t, "imei1", "imei2", "serial"), 1.2, 3, 7, 2000, 1500))
	if err != nil {
		t.Fatal(err)
	}
	receipt, err := Prepare(casefile.AttachReceipt, "receipt.jpg", photo(t, label(t, "fiscal"), 4, -3, 8, 2000, 1500))
	if err != nil {
		t.Fatal(err)
	}
	if receipt.FiscalReceipt == nil || receipt.FiscalReceipt.Sum != "14500.00" || receipt.FiscalReceipt.FN != "9289000100123456" {
		t.Fatalf("the fiscal receipt = %+v", receipt.FiscalReceipt)
	}
	c := &casefile.Case{Attachments: []casefile.Attachment{box, receipt}}
	c.Device.IMEI1, c.Device.IMEI2, c.Device.Serial = imei1, imeiX, "A1B2C3D4"
	c.Purchase.Date, c.Purchase.Price = "2024-02-12", "14 500"
	got := map[string]string{}
	for _, ch := range casefile.EvidenceChecks(c) {
		got[ch.Field] = ch.Result + " " + ch.Found
	}
	want := map[string]string{"imei1": "match " + imei1, "imei2": "mismatch " + imei2, "serial": "match A1B2C3D4",
		"purchase.date": "match 2024-02-12", "purchase.price": "match 14500.00"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("checks = %v, want %v", got, want)
	}
}

func TestScreenshotAndNoCodes(t *testing.T) {
	// A *#06# screenshot: PNG, the phone's width, codes at the screen's own scale.
	shot := image.NewRGBA(image.Rect(0, 0, 1080, 2400))
	draw.Draw(shot, shot.Bounds(), image.NewUniform(color.RGBA{250, 250, 250, 255}), image.Point{}, draw.Src)
	l := label(t, "imei1", "imei2")
	draw.BiLinear.Scale(shot, image.Rect(60, 600, 60+l.Rect.Dx()*3, 600+l.Rect.Dy()*3), l, l.Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	if err := png.Encode(&buf, shot); err != nil {
		t.Fatal(err)
	}
	a, err := Prepare(casefile.AttachIMEIScreen, "Screenshot_2024.png", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := casefile.IMEIsIn(a.Barcodes); !reflect.DeepEqual(got, []string{imei1, imei2}) {
		t.Errorf("IMEIs read from the screenshot = %v", got)
	}
	// The same picture as an identity document is not read: its codes are not the device's.
	if a, _ := Prepare(casefile.AttachIDDocument, "passport.png", buf.Bytes()); len(a.Barcodes) != 0 {
		t.Errorf("an identity document's codes were read: %v", a.Barcodes)
	}
	// A photo with no code, and pure noise, give none.
	plain := photo(t, image.NewGray(image.Rect(0, 0, 10, 10)), 1, 0, 3, 2000, 1500)
	noise := image.NewGray(image.Rect(0, 0, 2000, 1500))
	rand.New(rand.NewSource(1)).Read(noise.Pix)
	buf.Reset()
	_ = png.Encode(&buf, noise)
	for name, data := range map[string][]byte{"plain.jpg": plain, "noise.png": buf.Bytes()} {
		a, err := Prepare(casefile.AttachBox, name, data)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Barcodes) != 0 {
			t.Errorf("%s: codes invented: %v", name, a.Barcodes)
		}
	}
}

func TestReadBarcodesSurvivesOddPictures(t *testing.T) {
	for _, g := range []*image.Gray{nil, image.NewGray(image.Rect(0, 0, 1, 1)), image.NewGray(image.Rect(5, 7, 300, 90))} {
		if got := ReadBarcodes(g); len(got) != 0 {
			t.Errorf("codes in an empty picture: %v", got)
		}
	}
}

// BenchmarkReadBarcodes12MP is the cost a box-label photo adds to its preparation: reading the
// codes of a 12 MP label photo (three Code 128 codes), from the gray picture on.
func BenchmarkReadBarcodes12MP(b *testing.B) {
	data := photo(b, label(b, "imei1", "imei2", "serial"), 2.3, 3, 1, photoW, photoH)
	src, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	g := grayForCodes(src)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if n := len(ReadBarcodes(g)); n != 3 {
			b.Fatalf("%d codes", n)
		}
	}
}
