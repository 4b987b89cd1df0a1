package sqlite_test

import (
	"path/filepath"
	"testing"
	"time"

	"recoverydesk/data"
	"recoverydesk/data/sqlite"
	"recoverydesk/data/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) data.Store {
		s, err := sqlite.Open(filepath.Join(t.TempDir(), "cases.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		clock := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
		return s
	})
}
