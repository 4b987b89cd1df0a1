package main

import (
	"net"
	"testing"
)

// TestXAnswers: a display answers on its socket file or, where a desktop offers only that, on
// Linux's abstract socket of the same name; a number nobody listens on does not.
func TestXAnswers(t *testing.T) {
	l, err := net.Listen("unix", "@/tmp/.X11-unix/X4321")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	for _, tt := range []struct {
		display string
		want    bool
	}{
		{":4321", true}, {":4321.0", true}, {"unix:4321", true}, {":4322", false}, {"", false}, {":x", false},
	} {
		if got := xAnswers(tt.display); got != tt.want {
			t.Errorf("xAnswers(%q) = %v, want %v", tt.display, got, tt.want)
		}
	}
}
