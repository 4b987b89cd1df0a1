package dossier

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"recoverydesk/casefile"
	"strings"
	"time"
)

// EmailFile is one attachment of the e-mail draft.
type EmailFile struct {
	Name      string
	MediaType string
	Data      []byte
}

// EmailOptions say who sends the draft and when it was made.
type EmailOptions struct {
	Settings casefile.Settings
	At       time.Time
}

// EmailSubject names the case, the model and the IMEI, so support can find the thread again.
func EmailSubject(c *casefile.Case) string {
	imei := c.Device.IMEI1
	if im, err := casefile.ParseIMEI(imei); err == nil {
		imei = im.Digits
	}
	return fmt.Sprintf("Mi Account unlock request, case %s: %s, IMEI %s", c.Number, c.Device.DisplayName(), imei)
}

// EmailBody is the short English letter that carries the dossier: support asks for every fact
// in the first message, so the key ones are in the text as well as in the PDF.
func EmailBody(c *casefile.Case, s casefile.Settings) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("Dear Xiaomi support team,")
	w("")
	w("On behalf of our customer we ask you to restore access to a device locked by a Mi Account.")
	w("The customer is the owner of the device; the attached dossier holds the proof of purchase,")
	w("photos of the box label and of the device's IMEI screen, and our technician's verification.")
	w("")
	w("Case:            %s", c.Number)
	w("Device:          %s", c.Device.DisplayName())
	w("IMEI 1:          %s", c.Device.IMEI1)
	if c.Device.IMEI2 != "" {
		w("IMEI 2:          %s", c.Device.IMEI2)
	}
	if c.Device.Serial != "" {
		w("Serial number:   %s", c.Device.Serial)
	}
	if c.Device.LockScreenText != "" {
		w("Lock screen:     %s", c.Device.LockScreenText)
	}
	w("Owner:           %s", c.Customer.Name)
	if c.Purchase.Date != "" || c.Purchase.Seller != "" {
		w("Purchased:       %s %s (%s)", c.Purchase.Date, c.Purchase.Seller, tr("en", string(c.Purchase.Channel)))
	}
	if c.Purchase.ReceiptNumber != "" {
		w("Receipt number:  %s", c.Purchase.ReceiptNumber)
	}
	w("")
	for _, l := range verificationLines(c) {
		w("%s", l)
	}
	if l := declaredLine(c); l != "" {
		w("%s", l)
	}
	w("")
	w("Please reply to this address; we will pass any question to the customer at once.")
	w("")
	w("Kind regards,")
	for _, l := range nonEmpty(s.Technician, s.CenterName, s.CenterAddress, s.CenterPhone, s.CenterEmail) {
		w("%s", l)
	}
	return b.String()
}

// WriteEmail writes an RFC 5322 message (.eml) with the letter and the files attached, marked
// as unsent so that mail clients open it as a draft ready to send.
func WriteEmail(out io.Writer, c *casefile.Case, o EmailOptions, files []EmailFile) error {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	// A boundary from the content keeps the output the same for the same case and time.
	sum := sha256.Sum256([]byte(c.Number + o.At.String()))
	if err := mw.SetBoundary(fmt.Sprintf("recoverydesk-%x", sum[:12])); err != nil {
		return err
	}
	var head bytes.Buffer
	hw := func(k, v string) { fmt.Fprintf(&head, "%s: %s\r\n", k, v) }
	from := o.Settings.CenterEmail
	if from != "" {
		hw("From", (&mailAddress{name: o.Settings.CenterName, addr: from}).String())
		hw("Reply-To", from)
	}
	hw("To", o.Settings.SupportAddress(c.SupportRegion))
	hw("Subject", mime.QEncoding.Encode("utf-8", EmailSubject(c)))
	hw("Date", o.At.Format(time.RFC1123Z))
	hw("Message-ID", fmt.Sprintf("<%s.%x@recoverydesk.invalid>", c.Number, sum[:6]))
	hw("X-Unsent", "1")
	hw("MIME-Version", "1.0")
	hw("Content-Type", "multipart/mixed; boundary="+mw.Boundary())
	head.WriteString("\r\n")

	tp, err := mw.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {"text/plain; charset=utf-8"},
		"Content-Transfer-Encoding": {"quoted-printable"},
	})
	if err != nil {
		return err
	}
	qp := quotedprintable.NewWriter(tp)
	io.WriteString(qp, strings.ReplaceAll(EmailBody(c, o.Settings), "\n", "\r\n"))
	qp.Close()
	for _, f := range files {
		part, err := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {mime.FormatMediaType(f.MediaType, map[string]string{"name": f.Name})},
			"Content-Disposition":       {mime.FormatMediaType("attachment", map[string]string{"filename": f.Name})},
			"Content-Transfer-Encoding": {"base64"},
		})
		if err != nil {
			return err
		}
		enc := base64.StdEncoding.EncodeToString(f.Data)
		for len(enc) > 76 {
			io.WriteString(part, enc[:76]+"\r\n")
			enc = enc[76:]
		}
		io.WriteString(part, enc+"\r\n")
	}
	if err := mw.Close(); err != nil {
		return err
	}
	if _, err := out.Write(head.Bytes()); err != nil {
		return err
	}
	_, err = out.Write(buf.Bytes())
	return err
}

type mailAddress struct{ name, addr string }

func (a *mailAddress) String() string {
	if a.name == "" {
		return "<" + a.addr + ">"
	}
	return mime.QEncoding.Encode("utf-8", a.name) + " <" + a.addr + ">"
}
