package casefile

import (
	"errors"
	"strings"
	"testing"
)

func TestParseIMEI(t *testing.T) {
	tests := []struct {
		in         string
		wantDigits string
		wantKind   IMEIKind
		wantCode   string
		suggestion string
	}{
		{in: "490154203237518", wantDigits: "490154203237518", wantKind: KindIMEI},
		{in: "490154203237519", wantCode: "bad_check_digit", suggestion: "490154203237518"},
		{in: "35-209900-176148-1", wantDigits: "352099001761481", wantKind: KindIMEI},
		{in: "35-417803-685978-2", wantCode: "bad_check_digit", suggestion: "354178036859789"},
		{in: "35686800-004141-20", wantDigits: "356868000041418", wantKind: KindIMEISV},
		{in: "49015420323751", wantCode: "missing_check_digit", suggestion: "490154203237518"},
		{in: "000000000000000", wantCode: "null_imei"},
		{in: "00000000000000", wantCode: "null_imei"},
		{in: "0000000000000000", wantCode: "null_imei"},
		{in: "000000000000001", wantCode: "null_imei"},
		{in: " 4901 5420 3237 518 ", wantDigits: "490154203237518", wantKind: KindIMEI},
		{in: "49/0154/2032/37518", wantDigits: "490154203237518", wantKind: KindIMEI},
		{in: "", wantCode: "empty"},
		{in: "   ", wantCode: "empty"},
		{in: "4901542032", wantCode: "too_short"},
		{in: "4901542032375181234", wantCode: "too_long"},
		{in: "49015420323751O", wantCode: "not_digits"},
		{in: "490154203237518\x00", wantCode: "not_digits"},
		{in: "\xff490154203237518", wantCode: "not_digits"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseIMEI(tt.in)
			if tt.wantCode != "" {
				var ie *IMEIError
				if !errors.As(err, &ie) {
					t.Fatalf("ParseIMEI(%q) error = %v, want code %s", tt.in, err, tt.wantCode)
				}
				if ie.Code != tt.wantCode || ie.Suggestion != tt.suggestion {
					t.Fatalf("ParseIMEI(%q) = code %q suggestion %q, want %q %q", tt.in, ie.Code, ie.Suggestion, tt.wantCode, tt.suggestion)
				}
				if tt.suggestion != "" && !strings.Contains(ie.Message, tt.suggestion) {
					t.Errorf("message %q does not name the suggestion", ie.Message)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseIMEI(%q): %v", tt.in, err)
			}
			if got.Digits != tt.wantDigits || got.Kind != tt.wantKind || got.TAC() != tt.wantDigits[:8] {
				t.Fatalf("ParseIMEI(%q) = %+v, want %s %s", tt.in, got, tt.wantDigits, tt.wantKind)
			}
		})
	}
}

func TestIMEI_Grouped(t *testing.T) {
	im, err := ParseIMEI("490154203237518")
	if err != nil {
		t.Fatal(err)
	}
	if got := im.Grouped(); got != "49015420 323751 8" {
		t.Fatalf("Grouped() = %q", got)
	}
	if im.Serial() != "323751" {
		t.Fatalf("Serial() = %q", im.Serial())
	}
}

func TestLuhnDigit(t *testing.T) {
	for in, want := range map[string]byte{"49015420323751": '8', "35209900176148": '1', "35417803685978": '9', "7992739871": '3'} {
		if got := LuhnDigit(in); got != want {
			t.Errorf("LuhnDigit(%s) = %c, want %c", in, got, want)
		}
	}
}

func FuzzParseIMEI(f *testing.F) {
	for _, s := range []string{"490154203237518", "35-209900-176148-1", "35686800-004141-20", "49015420323751", "000000000000000", "", "абв", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		im, err := ParseIMEI(s)
		if err != nil {
			var ie *IMEIError
			if !errors.As(err, &ie) || ie.Message == "" || ie.Code == "" {
				t.Fatalf("ParseIMEI(%q) gave an unexplained error %v", s, err)
			}
			if ie.Suggestion != "" {
				if _, err := ParseIMEI(ie.Suggestion); err != nil {
					t.Fatalf("suggestion %q for %q is itself invalid: %v", ie.Suggestion, s, err)
				}
			}
			return
		}
		if len(im.Digits) != 15 || LuhnDigit(im.Digits[:14]) != im.Digits[14] || isNull(im.Digits) {
			t.Fatalf("ParseIMEI(%q) accepted %q", s, im.Digits)
		}
		again, err := ParseIMEI(im.Digits)
		if err != nil || again.Digits != im.Digits {
			t.Fatalf("canonical form %q does not round-trip", im.Digits)
		}
	})
}
