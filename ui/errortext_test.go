package ui

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
	"recoverydesk/casefile/dossier"
)

// TestShowError_StoreRefusalsInRussian: what a store or the domain refuses is said in the
// window's language, never as the engine's English sentence: a full disk (not "try again,
// restart"), a role, a damaged file, a case gone, a refused status change, a refused file and
// an incomplete dossier.
func TestShowError_StoreRefusalsInRussian(t *testing.T) {
	setLanguage("ru")
	t.Cleanup(func() { setLanguage("en") })
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"disk full", fmt.Errorf("save 2026-00001: %w", &os.PathError{Op: "write", Path: "cases.db", Err: syscall.ENOSPC}), "Диск заполнен"},
		{"sqlite full", fmt.Errorf("save: database or disk is full"), "Диск заполнен"},
		{"forbidden", fmt.Errorf("purge: %w", casefile.ErrForbidden), "Ваша роль этого не позволяет"},
		{"damaged", fmt.Errorf("attachment 7: %w", casefile.ErrDamaged), "Сохранённый файл повреждён"},
		{"gone", fmt.Errorf("case 2026-00001: %w", casefile.ErrNotFound), "Этого больше нет в базе"},
		{"status", &casefile.TransitionError{From: casefile.StatusClosed, To: casefile.StatusIntake}, "Такой переход из текущего статуса невозможен"},
		{"note", &casefile.TransitionError{From: casefile.StatusSubmitted, To: casefile.StatusRejected, Reason: "moving a case to rejected needs a note saying why"}, "Напишите, почему"},
		{"file", &casefile.EvidenceError{Name: "box.jpg", Code: "empty", Reason: "the file is empty"}, "box.jpg: Файл пустой"},
		{"dossier", &dossier.NotReadyError{Missing: []casefile.Missing{{Code: casefile.MissBoxPhoto, Message: "attach a photo of the box"}}}, "Досье ещё не готово"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := newTestApp(t)
			a.showError(a.main, T("The case was not saved."), tt.err)
			text := shownError(t, a)
			if !strings.Contains(text, tt.want) {
				t.Errorf("the message says %q, want %q in it", text, tt.want)
			}
			if english := tt.err.Error(); strings.Contains(text, english) {
				t.Errorf("the message carries the English %q", english)
			}
		})
	}
}

// shownError is the text of the message showError put over the main window.
func shownError(t *testing.T, a *App) string {
	t.Helper()
	top := a.main.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no message shown")
	}
	var text string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text
		}
	}
	return text
}
