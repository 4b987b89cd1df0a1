//go:build !linux && !windows

package postgres

import (
	"os"
	"os/exec"
)

// tie does nothing here: only Linux (a parent-death signal) and Windows (a job object) let a
// child be ended with its parent this way.
type tie struct{}

func dieWithUs(*exec.Cmd) *tie   { return &tie{} }
func (*tie) started(*os.Process) {}
func (*tie) release()            {}
