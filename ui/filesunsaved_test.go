package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
)

// Files belong to a saved case: on a new case that cannot be saved yet (no customer name), each
// way of adding a file says so at once, before a file is picked and its kind asked, and nothing
// is saved by asking.
func TestEvidence_UnsavableCaseSaysSoBeforeAFileIsPicked(t *testing.T) {
	for _, tt := range []struct {
		name string
		add  func(f *CaseForm)
	}{
		{"Add file…", func(f *CaseForm) { f.evidence.Add("") }},
		{"a typed path", func(f *CaseForm) { f.evidence.addPath("/etc/hostname") }},
		{"files dropped on the window", func(f *CaseForm) {
			f.evidence.AddURIs([]fyne.URI{storage.NewFileURI("/etc/hostname")})
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, s := newTestApp(t)
			f := a.NewCase()
			tt.add(f)
			top := f.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("nothing was said")
			}
			said := plainText(test.RenderObjectToMarkup(top))
			if !strings.Contains(said, "Files are kept with a saved case") {
				t.Errorf("said %q, want why no file can be added yet", said)
			}
			if n, err := s.Count(a.ctx, casefile.Query{}); err != nil || n != 0 {
				t.Errorf("%d cases stored (%v), want none", n, err)
			}
		})
	}
}
