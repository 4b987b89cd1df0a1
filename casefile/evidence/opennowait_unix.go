//go:build unix

package evidence

import (
	"os"
	"syscall"
)

// openNoWait opens for reading without waiting for a writer, should the path be a pipe by now.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
