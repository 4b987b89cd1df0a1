package postgres

import (
	"os"
	"os/exec"
	"unsafe"

	"golang.org/x/sys/windows"
)

// tie puts a client tool in a job object that Windows ends, with every process in it, when its
// last handle closes. This process holds the only handle (not inherited), so when it dies, by
// a kill or a crash, pg_restore dies with it instead of going on to commit a restore that
// nobody is waiting for: what Linux's parent-death signal does.
type tie struct{ job windows.Handle }

// dieWithUs prepares the tie; the child joins the job as soon as it has started.
func dieWithUs(*exec.Cmd) *tie { return &tie{} }

// started puts the child in a new job that ends with this process. Where Windows refuses (an
// old system that forbids nested jobs), the child runs untied, as it did before: the restore
// is still one transaction, all or nothing.
func (t *tie) started(p *os.Process) {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return
	}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{
		BasicLimitInformation: windows.JOBOBJECT_BASIC_LIMIT_INFORMATION{LimitFlags: windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE},
	}
	if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		windows.CloseHandle(job)
		return
	}
	h, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(p.Pid))
	if err != nil {
		windows.CloseHandle(job)
		return
	}
	defer windows.CloseHandle(h)
	if err := windows.AssignProcessToJobObject(job, h); err != nil {
		windows.CloseHandle(job)
		return
	}
	t.job = job
}

// release closes the job once the child has ended (closing it earlier would end the child).
func (t *tie) release() {
	if t.job != 0 {
		windows.CloseHandle(t.job)
		t.job = 0
	}
}
