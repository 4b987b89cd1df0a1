//go:build !linux

package postgres

import "os/exec"

// dieWithUs does nothing here: only Linux lets a child be told of its parent's death this way.
func dieWithUs(*exec.Cmd) (release func()) { return func() {} }
