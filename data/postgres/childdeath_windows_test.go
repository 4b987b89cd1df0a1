package postgres

import (
	"os"
	"os/exec"
	"testing"
	"time"
)

// TestTie_ChildEndsWithItsJob: a tied client tool ends when the job's last handle closes, which
// is what happens to it when this process is killed half-way through a restore.
func TestTie_ChildEndsWithItsJob(t *testing.T) {
	if os.Getenv("RECOVERYDESK_TIE_CHILD") == "1" {
		time.Sleep(time.Minute) // a pg_restore that would go on alone
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestTie_ChildEndsWithItsJob$")
	cmd.Env = append(os.Environ(), "RECOVERYDESK_TIE_CHILD=1")
	tie := dieWithUs(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tie.started(cmd.Process)
	if tie.job == 0 {
		cmd.Process.Kill()
		t.Fatal("the child could not be put in a job")
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tie.release() // as the handle closes when this process dies
	// The child sleeps a minute; ended with its job it is gone at once (with the exit code 0
	// that a job's end gives, so only the time tells).
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the child outlived its job by 20 seconds")
	}
}
