package casefile_test

import (
	"reflect"
	"strings"
	"testing"

	"recoverydesk/casefile"
)

const (
	imeiA = "861234567890127"
	imeiB = "861234567890135"
	imeiX = "861234567890275"
	imeiY = "861234567890192"
)

func code128(texts ...string) []casefile.Barcode {
	var out []casefile.Barcode
	for _, t := range texts {
		out = append(out, casefile.Barcode{Format: "CODE_128", Text: t})
	}
	return out
}

func TestEvidenceChecks(t *testing.T) {
	fiscal := casefile.Barcode{Format: "QR_CODE", Text: "t=20240212T1530&s=14500.00&fn=9289000100123456&i=4711&fp=3522111111&n=1"}
	tests := []struct {
		name      string
		imei1     string
		imei2     string
		serial    string
		date      string
		price     string
		kind      casefile.AttachmentKind
		codes     []casefile.Barcode
		want      []string // field=result:found
		mismatchy bool
	}{
		{"both IMEIs on the label", imeiA, imeiB, "", "", "", casefile.AttachBox, code128(imeiA, imeiB, "36133/A1B2C3D4"),
			[]string{"imei1=match:" + imeiA, "imei2=match:" + imeiB}, false},
		{"fields swapped still match", imeiB, imeiA, "", "", "", casefile.AttachBox, code128(imeiA, imeiB),
			[]string{"imei1=match:" + imeiB, "imei2=match:" + imeiA}, false},
		{"IMEI 1 mistyped", imeiX, imeiB, "", "", "", casefile.AttachBox, code128(imeiA, imeiB),
			[]string{"imei1=mismatch:" + imeiA, "imei2=match:" + imeiB}, true},
		{"another phone's box", imeiA, imeiB, "", "", "", casefile.AttachBox, code128(imeiX, imeiY),
			[]string{"imei1=mismatch:" + imeiX, "imei2=mismatch:" + imeiY}, true},
		{"a receipt with IMEI 1 only", imeiA, imeiB, "", "", "", casefile.AttachReceipt, code128("IMEI " + imeiA),
			[]string{"imei1=match:" + imeiA}, false},
		{"a label with prefixes and spaces", imeiA, "", "", "", "", casefile.AttachIMEIScreen, code128("IMEI1:"+imeiA, "MEID 99000000000000"),
			[]string{"imei1=match:" + imeiA}, false},
		{"16 digits are no IMEI", imeiA, "", "", "", "", casefile.AttachBox, code128("9" + imeiX),
			nil, false},
		{"a Luhn-invalid number is ignored", imeiA, "", "", "", "", casefile.AttachBox, code128("861234567890128"),
			nil, false},
		{"empty IMEI is not compared", "", "", "", "", "", casefile.AttachBox, code128(imeiA),
			nil, false},
		{"a device photo is not evidence of numbers", imeiA, "", "", "", "", casefile.AttachDevice, code128(imeiX),
			nil, false},
		{"serial matches", "", "", "a1b2 c3d4", "", "", casefile.AttachBox, code128(imeiA, "SN:36133/A1B2C3D4"),
			[]string{"serial=match:A1B2C3D4"}, false},
		{"a two-character serial is not compared", "", "", "A1", "", "", casefile.AttachBox, code128(imeiA, "SN:36133/A1B2C3D4"),
			nil, false},
		{"serial differs", "", "", "ZZ99ZZ99", "", "", casefile.AttachBox, code128(imeiA, "36133/A1B2C3D4"),
			[]string{"serial=mismatch:36133/A1B2C3D4"}, false},
		{"fiscal QR agrees", "", "", "", "2024-02-12", "14 500 ₽", casefile.AttachReceipt, []casefile.Barcode{fiscal},
			[]string{"purchase.date=match:2024-02-12", "purchase.price=match:14500.00"}, false},
		{"fiscal QR disagrees", "", "", "", "2024-02-21", "15000,00", casefile.AttachReceipt, []casefile.Barcode{fiscal},
			[]string{"purchase.date=mismatch:2024-02-12", "purchase.price=mismatch:14500.00"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &casefile.Case{}
			c.Device.IMEI1, c.Device.IMEI2, c.Device.Serial = tt.imei1, tt.imei2, tt.serial
			c.Purchase.Date, c.Purchase.Price = tt.date, tt.price
			a := casefile.Attachment{Kind: tt.kind, Name: "label.jpg", Barcodes: tt.codes}
			a.Derive()
			c.Attachments = []casefile.Attachment{a}
			var got []string
			for _, ch := range casefile.EvidenceChecks(c) {
				if ch.Attachment != "label.jpg" || ch.Kind != tt.kind {
					t.Errorf("check names %s (%s), not the attachment", ch.Attachment, ch.Kind)
				}
				got = append(got, ch.Field+"="+ch.Result+":"+ch.Found)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("checks = %v, want %v", got, tt.want)
			}
			if has(casefile.Readiness(c), casefile.MissIMEIBoxMismatch) != tt.mismatchy {
				t.Errorf("imei_box_mismatch in readiness = %v, want %v", !tt.mismatchy, tt.mismatchy)
			}
			c.Verification.MismatchNote = "The main board was replaced at an authorised centre in 2025."
			if has(casefile.Readiness(c), casefile.MissIMEIBoxMismatch) {
				t.Error("a written reason does not settle the mismatch")
			}
		})
	}
}

func has(ms []casefile.Missing, code string) bool {
	for _, m := range ms {
		if m.Code == code {
			return true
		}
	}
	return false
}

func TestMismatchSentenceNamesBothNumbers(t *testing.T) {
	c := &casefile.Case{}
	c.Device.IMEI1 = imeiX
	c.Attachments = []casefile.Attachment{{Kind: casefile.AttachBox, Name: "box.jpg", Barcodes: code128(imeiA)}}
	var msg string
	for _, m := range casefile.Readiness(c) {
		if m.Code == casefile.MissIMEIBoxMismatch {
			msg = m.Message
		}
	}
	for _, want := range []string{"box.jpg", imeiA, imeiX, "box label"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q does not name %q", msg, want)
		}
	}
}

func TestParseFiscalQR(t *testing.T) {
	tests := []struct {
		text string
		want casefile.FiscalReceipt
		ok   bool
	}{
		{"t=20240212T1530&s=14500.00&fn=9289000100123456&i=4711&fp=3522111111&n=1",
			casefile.FiscalReceipt{Date: "2024-02-12T15:30", Sum: "14500.00", FN: "9289000100123456", FD: "4711", FP: "3522111111"}, true},
		{"t=20231231T235959&s=999&fn=1&i=2&fp=3&n=1",
			casefile.FiscalReceipt{Date: "2023-12-31T23:59", Sum: "999.00", FN: "1", FD: "2", FP: "3"}, true},
		{" s=10.5&t=20230101T0000&fn=1&i=2&fp=3 ", casefile.FiscalReceipt{Date: "2023-01-01T00:00", Sum: "10.50", FN: "1", FD: "2", FP: "3"}, true},
		{"https://shop.example/loyalty?id=5", casefile.FiscalReceipt{}, false},
		{"t=2024-02-12&s=1&fn=1&i=2&fp=3", casefile.FiscalReceipt{}, false},
		{"t=20240212T1530&s=abc&fn=1&i=2&fp=3", casefile.FiscalReceipt{}, false},
		{"t=20240212T1530&s=1&fn=1&i=2", casefile.FiscalReceipt{}, false},
		{"%zz", casefile.FiscalReceipt{}, false},
	}
	for _, tt := range tests {
		got, ok := casefile.ParseFiscalQR(tt.text)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseFiscalQR(%q) = %+v, %v; want %+v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestKopecks(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"14500", 1450000, true}, {"14 500", 1450000, true}, {"14\u00a0500,00 ₽", 1450000, true},
		{"14,500.00", 1450000, true}, {"14.500,5", 1450050, true}, {"14500 руб.", 1450000, true},
		{"19 990 р.", 1999000, true}, {"0,99", 99, true}, {"", 0, false}, {"about 15k", 0, false},
		{"12-500", 0, false}, {"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, ok := casefile.Kopecks(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Kopecks(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
