package ui

import (
	"log"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// draftDelay is how long after the last keystroke the typing is written to disk: long enough
// not to write on every key, short enough that a crash loses a few seconds at most.
const draftDelay = 2 * time.Second

// formDraft is a case window's link to its draft on disk.
type formDraft struct {
	key   string
	timer *time.Timer
	// mu orders the writes and removals done in the background; gen is the newest one asked
	// for, so that an older write finishing late never brings back a removed draft.
	mu     sync.Mutex
	gen    int64
	closed bool
}

// draftKey names this window's draft: the case's number, or a new case's start time.
func (f *CaseForm) draftKey() string {
	if f.draft.key == "" {
		if f.c.Number != "" {
			f.draft.key = "case-" + f.c.Number
		} else {
			f.draft.key = "new-" + strconv.FormatInt(f.app.now().UnixNano(), 10)
		}
	}
	return f.draft.key
}

// scheduleDraft (re)starts the timer that writes the draft after the typing pauses.
func (f *CaseForm) scheduleDraft() {
	if f.app.drafts.dir == "" || f.draft.closed || f.app.inline {
		return // tests with inline work call writeDraft themselves, on their own goroutine
	}
	if f.draft.timer != nil {
		f.draft.timer.Stop()
	}
	f.draft.timer = time.AfterFunc(draftDelay, func() { fyne.Do(f.writeDraft) })
}

// writeDraft keeps the unsaved typing on disk, or removes the draft when nothing is unsaved.
// It collects the widgets on the UI thread and writes in the background.
func (f *CaseForm) writeDraft() {
	if f.draft.closed {
		return
	}
	if !f.Dirty() {
		f.removeDraft(false)
		return
	}
	typed := *f.collect()
	typed.Attachments, typed.History = nil, nil
	d := Draft{Key: f.draftKey(), Number: f.c.Number, Version: f.c.Version, At: f.app.now(), Case: typed}
	f.draftOp(func() error { return f.app.drafts.Save(d) })
}

// removeDraft deletes the window's draft: the case was saved or its typing discarded. forget
// also drops the key, because a new case that was just saved has a number now.
func (f *CaseForm) removeDraft(forget bool) {
	if f.draft.timer != nil {
		f.draft.timer.Stop()
	}
	key := f.draft.key
	if forget {
		f.draft.key = ""
	}
	if key == "" {
		return
	}
	f.draftOp(func() error { return f.app.drafts.Remove(key) })
}

func (f *CaseForm) draftOp(op func() error) {
	f.draft.mu.Lock()
	f.draft.gen++
	gen := f.draft.gen
	f.draft.mu.Unlock()
	f.app.background(func() {
		f.draft.mu.Lock()
		defer f.draft.mu.Unlock()
		if gen != f.draft.gen {
			return // a newer write or removal follows
		}
		if err := op(); err != nil {
			log.Printf("case draft: %v", err) // paths and I/O errors only: no typing reaches the log
		}
	})
}

// closeDraft stops writing once the window is closed; a window closed without saving
// discards its typing, so its draft goes too.
func (f *CaseForm) closeDraft() {
	f.removeDraft(false)
	f.draft.closed = true
}

// loadTyped puts a draft's typing into the form over base, the stored case (or an empty new
// one), so that the form counts it as unsaved and a save goes through the usual checks.
func (f *CaseForm) loadTyped(base *casefile.Case, typed casefile.Case) {
	typed.ID, typed.Number, typed.Status, typed.Version = base.ID, base.Number, base.Status, base.Version
	typed.Attachments, typed.History = base.Attachments, base.History
	typed.CreatedAt, typed.CreatedBy, typed.UpdatedAt, typed.StatusSince = base.CreatedAt, base.CreatedBy, base.UpdatedAt, base.StatusSince
	f.load(&typed)
	f.c = base
	f.changed()
}

// offerDrafts asks, one draft at a time, whether to bring back typing that a crash left.
func (a *App) offerDrafts() {
	drafts := a.drafts.List()
	var next func(i int)
	next = func(i int) {
		if i >= len(drafts) {
			return
		}
		d := drafts[i]
		q := Tf("Restore the unsaved new case from {{.At}}?", map[string]any{"At": d.At.Local().Format("15:04")})
		if d.Number != "" {
			q = Tf("Restore the unsaved case {{.N}} from {{.At}}?", map[string]any{"N": d.Number, "At": d.At.Local().Format("15:04")})
		}
		if d.At.Local().YearDay() != a.now().YearDay() {
			q += " (" + d.At.Local().Format("2006-01-02") + ")"
		}
		var dlg dialog.Dialog
		restore := &widget.Button{Text: T("Restore"), Importance: widget.HighImportance}
		discard := &widget.Button{Text: T("Discard"), Importance: widget.DangerImportance}
		restore.OnTapped = func() { dlg.Hide(); a.restoreDraft(d); next(i + 1) }
		discard.OnTapped = func() {
			dlg.Hide()
			a.background(func() {
				if err := a.drafts.Remove(d.Key); err != nil {
					log.Printf("case draft: %v", err)
				}
			})
			next(i + 1)
		}
		msg := widget.NewLabel(q)
		msg.Wrapping = fyne.TextWrapWord
		dlg = dialog.NewCustomWithoutButtons(T("Unsaved typing found"), container.NewVBox(msg, container.NewHBox(restore, discard)), a.main)
		dlg.Resize(fyne.NewSize(460, 160))
		dlg.Show()
		// Space on the focused button restores, so the keyboard alone answers.
		a.main.Canvas().Focus(restore)
	}
	next(0)
}

// restoreDraft opens the draft's case with the typing put back.
func (a *App) restoreDraft(d Draft) {
	if d.Number == "" {
		base := &casefile.Case{Status: casefile.StatusIntake, SupportRegion: a.newCaseRegion()}
		f := newCaseForm(a, base)
		f.draft.key = d.Key
		f.loadTyped(base, d.Case)
		f.Show()
		return
	}
	a.background(func() {
		base, err := a.store.Case(a.ctx, d.Number)
		fyne.Do(func() {
			if err != nil {
				a.showError(a.main, T("The case could not be opened."), err)
				return
			}
			f := newCaseForm(a, base)
			f.draft.key = d.Key
			f.loadTyped(base, d.Case)
			f.Show()
		})
	})
}
