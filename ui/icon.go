package ui

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// appIcon is the window and taskbar icon (the same picture as Icon.png for packaging).
var appIcon = fyne.NewStaticResource("recoverydesk.png", iconPNG)
