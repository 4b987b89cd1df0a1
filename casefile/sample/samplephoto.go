package sample

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"recoverydesk/casefile"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// Photo draws a stand-in for a photo of evidence: a box label, a *#06# screen or a
// receipt carrying the case's IMEIs, at the given size, as a JPEG. It lets the demo and the
// tests exercise the real photo path without shipping anyone's pictures.
func Photo(kind casefile.AttachmentKind, c *casefile.Case, width, height int) []byte {
	bg, ink := color.RGBA{236, 232, 222, 255}, color.RGBA{20, 20, 20, 255}
	var lines []string
	switch kind {
	case casefile.AttachIMEIScreen:
		bg, ink = color.RGBA{18, 18, 24, 255}, color.RGBA{235, 235, 235, 255}
		lines = []string{"IMEI", "IMEI1: " + c.Device.IMEI1, "IMEI2: " + c.Device.IMEI2, "", "OK"}
	case casefile.AttachReceipt:
		bg = color.RGBA{252, 252, 248, 255}
		lines = []string{"SALES RECEIPT " + c.Purchase.ReceiptNumber, c.Purchase.Date, c.Device.Model, "IMEI " + c.Device.IMEI1, "TOTAL " + c.Purchase.Price}
	default:
		lines = []string{c.Device.Model, "IMEI1 " + c.Device.IMEI1, "IMEI2 " + c.Device.IMEI2, "S/N " + c.Device.Serial}
	}
	// Draw the text small with the built-in bitmap font, then scale it up to the photo size.
	small := image.NewRGBA(image.Rect(0, 0, 320, 240))
	xdraw.Draw(small, small.Bounds(), image.NewUniform(bg), image.Point{}, xdraw.Src)
	if kind == casefile.AttachBox {
		xdraw.Draw(small, image.Rect(30, 40, 290, 200), image.NewUniform(color.White), image.Point{}, xdraw.Src)
	}
	d := &font.Drawer{Dst: small, Src: image.NewUniform(ink), Face: basicfont.Face7x13}
	for i, l := range lines {
		d.Dot = fixed.P(40, 70+i*22)
		d.DrawString(l)
	}
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	xdraw.ApproxBiLinear.Scale(img, img.Bounds(), small, small.Bounds(), xdraw.Src, nil)
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
	return buf.Bytes()
}
