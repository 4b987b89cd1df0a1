package evidence

import (
	"os"
	"testing"
)

// notFiles names what a person could pick on Windows that is not a regular file: the NUL
// device. Windows keeps its named pipes outside the file system (\\.\pipe\), where no file
// dialog reaches.
func notFiles(*testing.T, string) []string { return []string{os.DevNull} }
