package casefile

import (
	"bytes"
	"testing"
)

// FuzzDecodeImport: any bytes either decode into cases that validate, or are refused with an
// error that names what is wrong; never a panic, never a half-valid case.
func FuzzDecodeImport(f *testing.F) {
	for _, s := range []string{
		`{"customer":{"name":"Иванов"}}`,
		`[{"customer":{"name":"A"},"device":{"imei1":"490154203237518"}},{"customer":{"name":"B"}}]`,
		`{"customer":{"name":"A","consent":"yes"}}`,
		`{"customer":{"name":"A"},"attachments":[{"kind":"box","path":"../../etc/passwd"}]}`,
		`[`, `null`, "\xef\xbb\xbf{}", `{"customer":{"name":"\u0000"}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		cases, err := DecodeImport(bytes.NewReader(b))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		for _, c := range cases {
			if err := c.Validate(); err != nil {
				t.Fatalf("a decoded case does not validate: %v", err)
			}
			if c.Number != "" || c.Status != "" {
				t.Fatal("an import set the number or status")
			}
		}
	})
}
