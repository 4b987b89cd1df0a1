package casefile

import (
	"net/url"
	"regexp"
	"strings"
)

// FiscalReceipt is what the QR code of a Russian fiscal receipt (54-FZ) states: when, how much,
// and the three numbers by which the tax service's receipt check finds it.
type FiscalReceipt struct {
	// Date is the moment of sale, YYYY-MM-DDTHH:MM, in the shop's local time as printed.
	Date string `json:"date"`
	// Sum is the total in roubles with kopecks, "14500.00".
	Sum string `json:"sum"`
	// FN is the fiscal drive's number, FD the document's number, FP its fiscal sign.
	FN string `json:"fn"`
	FD string `json:"fd"`
	FP string `json:"fp"`
}

var (
	fiscalTime = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?$`)
	fiscalSum  = regexp.MustCompile(`^\d{1,12}(\.\d{1,2})?$`)
	fiscalNum  = regexp.MustCompile(`^\d{1,20}$`)
)

// ParseFiscalQR reads the text of a fiscal receipt's QR code
// (t=20240212T1530&s=14500.00&fn=…&i=…&fp=…&n=1). It reports false for any other text, so a
// shop's link or a loyalty code is never taken for a receipt.
func ParseFiscalQR(text string) (FiscalReceipt, bool) {
	q, err := url.ParseQuery(strings.TrimSpace(text))
	if err != nil {
		return FiscalReceipt{}, false
	}
	t, s := q.Get("t"), q.Get("s")
	fn, fd, fp := q.Get("fn"), q.Get("i"), q.Get("fp")
	m := fiscalTime.FindStringSubmatch(t)
	if m == nil || !fiscalSum.MatchString(s) || !fiscalNum.MatchString(fn) || !fiscalNum.MatchString(fd) || !fiscalNum.MatchString(fp) {
		return FiscalReceipt{}, false
	}
	if !strings.Contains(s, ".") {
		s += ".00"
	} else if len(s)-strings.IndexByte(s, '.') == 2 {
		s += "0"
	}
	return FiscalReceipt{Date: m[1] + "-" + m[2] + "-" + m[3] + "T" + m[4] + ":" + m[5], Sum: s, FN: fn, FD: fd, FP: fp}, true
}

// Day is the receipt's calendar date, YYYY-MM-DD, as the purchase date field holds it.
func (f FiscalReceipt) Day() string { return f.Date[:10] }
