package casefile_test

import (
	"testing"
	"time"

	"recoverydesk/casefile"
)

func TestNumberYear_TheCentersCalendar(t *testing.T) {
	moscow, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	time.Local = moscow
	newYearNight := time.Date(2026, 12, 31, 22, 30, 0, 0, time.UTC) // 01:30 on 1 January in Moscow
	if y := casefile.NumberYear(newYearNight); y != 2027 {
		t.Errorf("a case opened at 01:30 on 1 January in Moscow is numbered in %d", y)
	}
	time.Local = time.UTC
	if y := casefile.NumberYear(newYearNight); y != 2026 {
		t.Errorf("in UTC the same instant is still %d", y)
	}
	for seq, want := range map[int]string{42: "2027-00042", 99999: "2027-99999", 100000: "2027-100000"} {
		if got := casefile.FormatNumber(2027, seq); got != want {
			t.Errorf("FormatNumber(2027, %d) = %s, want %s", seq, got, want)
		}
	}
}
