package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// topFirst lays out a bar of actions or filters above the content, as container.NewBorder
// does, but with the bar first among the children. Tab follows the children's order, and
// NewBorder puts the content first: Tab in a fresh window would then skip the bar a person
// sees at the top and land in the middle of the content.
func topFirst(top, bottom, content fyne.CanvasObject) *fyne.Container {
	objs := []fyne.CanvasObject{top, content}
	if bottom != nil {
		objs = append(objs, bottom)
	}
	return container.New(layout.NewBorderLayout(top, bottom, nil, nil), objs...)
}
