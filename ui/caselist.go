package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// pageSize is how many rows one query fetches; the list asks only for the pages it shows,
// so 100,000 cases scroll as smoothly as 100.
const pageSize = 200

// searchDelay lets a technician finish a burst of typing before the list asks the database.
const searchDelay = 150 * time.Millisecond

// CaseList is the main screen: every case, searchable, filterable and sortable.
type CaseList struct {
	widget.BaseWidget
	app *App

	search  *FormEntry
	status  *widget.Select
	sort    *widget.Select
	list    *caseRows
	count   *widget.Label
	empty   *widget.Label // instead of the rows when there are none
	content fyne.CanvasObject

	mu    sync.Mutex
	query casefile.Query
	total int
	pages map[int][]casefile.Summary
	gen   int // bumps with every new query, so a late answer to an old one is dropped
	timer *time.Timer
	now   func() time.Time
}

// NewCaseList builds the list screen.
func NewCaseList(a *App) *CaseList {
	l := &CaseList{app: a, pages: map[int][]casefile.Summary{}, now: a.now, query: casefile.Query{Sort: casefile.SortNewest}}
	l.search = NewFormEntry()
	l.search.SetPlaceHolder(T("Search: name, phone, e-mail, IMEI or case number (Ctrl+F)"))
	l.search.OnChanged = func(string) { l.scheduleSearch() }
	// Enter or Down takes the technician from the search to the rows it found.
	l.search.OnSubmitted = func(string) { l.focusRows() }
	l.search.OnKey = func(k *fyne.KeyEvent) bool {
		if k.Name == fyne.KeyDown {
			l.focusRows()
			return true
		}
		return false
	}
	statuses := []string{T("All statuses")}
	for _, s := range casefile.Statuses {
		statuses = append(statuses, statusName(s))
	}
	l.status = widget.NewSelect(statuses, func(string) { l.reload() })
	l.status.SetSelectedIndex(0)
	l.sort = widget.NewSelect([]string{T("Newest first"), T("Oldest first"), T("Waiting longest")}, func(string) { l.reload() })
	l.sort.SetSelectedIndex(0)
	l.count = widget.NewLabel("")
	l.list = newCaseRows(l.length, l.createRow, l.updateRow)
	l.empty = &widget.Label{Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	l.empty.Hide()
	l.list.OnSelected = func(id widget.ListItemID) {
		if r, ok := l.row(id); ok {
			l.list.UnselectAll()
			a.showCase(r.Number)
		}
	}
	newBtn := &widget.Button{Text: T("New case"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: func() { a.NewCase() }}
	settingsBtn := &widget.Button{Text: T("Settings"), Icon: theme.SettingsIcon(), OnTapped: func() { a.ShowSettings() }}
	overviewBtn := &widget.Button{Text: T("Overview"), Icon: theme.GridIcon(), OnTapped: func() { a.ShowOverview() }}
	if !a.role().Reviews() {
		// The menu still lists them, and says who may open them.
		overviewBtn.Hide()
		settingsBtn.Hide()
	}
	top := container.NewBorder(nil, nil, nil, container.NewHBox(fitOptions(l.status), fitOptions(l.sort), newBtn, overviewBtn, settingsBtn), l.search)
	header := container.NewGridWithColumns(1, l.rowLayout(
		boldLabel(T("Case")), boldLabel(T("Customer")), boldLabel(T("Model")), boldLabel(T("Status")), boldLabel(T("Days"))))
	bottom := fyne.CanvasObject(l.count)
	if who := a.whoLine(); who != "" {
		bottom = container.NewBorder(nil, nil, l.count, nil, &widget.Label{Text: who, Alignment: fyne.TextAlignTrailing, Truncation: fyne.TextTruncateEllipsis})
	}
	l.content = container.NewBorder(container.NewVBox(top, header), bottom, nil, nil,
		container.NewStack(l.list, container.NewVBox(l.empty)))
	l.ExtendBaseWidget(l)
	return l
}

// CreateRenderer draws the screen.
func (l *CaseList) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(l.content) }

func boldLabel(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
}

// rowLayout gives the columns their share: number, customer, model, status, days. The number
// is how a case is found and told on the phone: it is never cut, however narrow the window,
// a sixth digit included; in a manager's list on a shared database it carries the branch
// ("2026-00042 · MSK-1").
func (l *CaseList) rowLayout(cells ...fyne.CanvasObject) fyne.CanvasObject {
	return rowLayout(l.showsBranch(), cells...)
}

func rowLayout(withBranch bool, cells ...fyne.CanvasObject) fyne.CanvasObject {
	sample := "2026-000000" // room for a sixth digit: a year past 99,999 cases
	if withBranch {
		sample += " · MSK-10"
	}
	// What a label needs to show it whole, its insets included, and a little more: a label cut
	// to exactly its text's width rounds to an ellipsis.
	number := widget.NewLabel(sample).MinSize().Width + theme.Padding()
	return container.New(&columns{weights: []float32{1.1, 3, 2, 2, 0.7}, firstMin: number}, cells...)
}

// showsBranch: a manager's list holds every branch, so each case's branch stands beside its
// number; a technician's holds their own branch alone.
func (l *CaseList) showsBranch() bool { return l.app.opts.Identity != nil && l.app.role().Reviews() }

func (l *CaseList) createRow() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	cells := make([]fyne.CanvasObject, 5)
	for i := range cells {
		cells[i] = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	}
	return container.NewStack(bg, l.rowLayout(cells...))
}

func (l *CaseList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Rectangle)
	cells := stack.Objects[1].(*fyne.Container).Objects
	r, ok := l.row(id)
	if !ok {
		for _, c := range cells {
			c.(*widget.Label).SetText("…")
		}
		return
	}
	days := r.DaysInStatus(l.now())
	overdue := r.Status.WaitsOnSupport() && days > l.app.Settings().WaitingDays
	texts := []string{r.Number, r.Customer, r.Model, statusName(r.Status), fmt.Sprint(days)}
	if r.Branch != "" && l.showsBranch() {
		texts[0] += " · " + r.Branch
	}
	if overdue {
		texts[3] = "⚠ " + texts[3]
		bg.FillColor = color.NRGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0x30}
	} else {
		bg.FillColor = color.Transparent
	}
	bg.Refresh()
	for i, c := range cells {
		lbl := c.(*widget.Label)
		lbl.TextStyle.Bold = overdue && (i == 3 || i == 4)
		lbl.SetText(texts[i])
	}
}

func (l *CaseList) length() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total
}

// row returns one row, fetching its page on first sight. A page is a single indexed query of
// a few milliseconds, so it is fetched in place rather than shown empty and filled later.
func (l *CaseList) row(id int) (casefile.Summary, bool) {
	l.mu.Lock()
	q, page := l.query, id/pageSize
	rows, ok := l.pages[page]
	l.mu.Unlock()
	if !ok {
		q.Limit, q.Offset = pageSize, page*pageSize
		fetched, err := l.app.store.Search(l.app.ctx, q)
		if err != nil {
			return casefile.Summary{}, false
		}
		l.mu.Lock()
		if l.query == (casefile.Query{Text: q.Text, Status: q.Status, Sort: q.Sort}) {
			l.pages[page] = fetched
		}
		l.mu.Unlock()
		rows = fetched
	}
	if i := id % pageSize; i < len(rows) {
		return rows[i], true
	}
	return casefile.Summary{}, false
}

func (l *CaseList) currentQuery() casefile.Query {
	q := casefile.Query{Text: l.search.Text, Sort: casefile.SortNewest}
	if i := l.status.SelectedIndex(); i > 0 {
		q.Status = casefile.Statuses[i-1]
	}
	switch l.sort.SelectedIndex() {
	case 1:
		q.Sort = casefile.SortOldest
	case 2:
		q.Sort = casefile.SortWaitingLongest
	}
	return q
}

func (l *CaseList) scheduleSearch() {
	if l.app.inline {
		l.reload()
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.timer != nil && l.timer.Stop() {
		l.app.bg.Done() // the stopped search never runs
	}
	l.app.bg.Add(1)
	l.timer = time.AfterFunc(searchDelay, func() {
		defer l.app.bg.Done()
		fyne.Do(l.reload)
	})
}

// Refresh reloads the list from the database, keeping the search and filters.
func (l *CaseList) Refresh() {
	if l.search != nil {
		l.reload()
	}
	l.BaseWidget.Refresh()
}

// firstPage reads the list's first page (pq) and its count (cq): in one question where the
// store can answer both from one reading of its index, else side by side, each on a connection
// of its own, so that a keystroke costs the slower of the two, not both.
func firstPage(ctx context.Context, s Store, pq, cq casefile.Query) ([]casefile.Summary, int, error) {
	if p, ok := s.(Pager); ok && cq.CountLimit > 0 {
		pq.CountLimit = cq.CountLimit
		return p.SearchPage(ctx, pq)
	}
	var (
		total    int
		countErr error
		counted  = make(chan struct{})
	)
	go func() {
		defer close(counted)
		total, countErr = s.Count(ctx, cq)
	}()
	first, err := s.Search(ctx, pq)
	<-counted
	if err == nil {
		err = countErr
	}
	return first, total, err
}

// searchCountLimit is how many matches of a typed search the list counts before it says "more
// than"; the list still scrolls through that many. A variable so that tests need not seed a
// thousand cases.
var searchCountLimit = casefile.SearchCountLimit

// reload runs the query off the UI thread and shows the answer when it comes.
func (l *CaseList) reload() {
	if l.list == nil || l.sort == nil || l.status == nil {
		return
	}
	q := l.currentQuery()
	l.mu.Lock()
	l.gen++
	gen := l.gen
	l.mu.Unlock()
	l.app.background(func() {
		// While a name is being typed, a common one matches thousands of cases: counting them all
		// would cost each keystroke more than the list can usefully say.
		cq := q
		if strings.TrimSpace(q.Text) != "" {
			cq.CountLimit = searchCountLimit
		}
		pq := q
		pq.Limit = pageSize
		first, total, err := firstPage(l.app.ctx, l.app.store, pq, cq)
		more := cq.CountLimit > 0 && total > cq.CountLimit
		if more {
			total = cq.CountLimit
		}
		fyne.Do(func() {
			l.mu.Lock()
			if gen != l.gen {
				l.mu.Unlock()
				return
			}
			if err != nil {
				l.mu.Unlock()
				l.count.SetText(T("The cases could not be read; try again."))
				return
			}
			l.query, l.total = q, total
			l.pages = map[int][]casefile.Summary{0: first}
			l.mu.Unlock()
			if more {
				l.count.SetText(Tf("More than {{.Count}} cases: type more to narrow the search", map[string]any{"Count": total}))
			} else {
				l.count.SetText(casesText(total))
			}
			l.showEmpty(total, q)
			l.app.main.SetTitle(fmt.Sprintf("RecoveryDesk — %s", l.count.Text))
			l.list.Refresh()
			l.list.ScrollToTop()
		})
	})
}

// casesText is how many cases there are: "1 case", "2 cases" ("Дел: 1" in Russian, where the
// count comes after a word that needs no agreement).
func casesText(n int) string {
	if n == 1 {
		return Tf("{{.Count}} case", map[string]any{"Count": n})
	}
	return Tf("{{.Count}} cases", map[string]any{"Count": n})
}

// Total is the number of cases the list shows.
func (l *CaseList) Total() int { return l.length() }

// Row returns the summary shown at a row.
func (l *CaseList) Row(i int) (casefile.Summary, bool) { return l.row(i) }

// SearchEntry is the search box.
func (l *CaseList) SearchEntry() *FormEntry { return l.search }

// StatusFilter is the status filter.
func (l *CaseList) StatusFilter() *widget.Select { return l.status }

// columns lays cells out side by side in proportion to their weights; the first is at least
// firstMin wide, the others sharing what is left in the same proportions.
type columns struct {
	weights  []float32
	firstMin float32
}

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var sum float32
	for _, w := range c.weights {
		sum += w
	}
	widths := make([]float32, len(objs))
	for i := range objs {
		widths[i] = size.Width * c.weights[i%len(c.weights)] / sum
	}
	if len(objs) > 1 && widths[0] < c.firstMin {
		rest := max(0, size.Width-c.firstMin)
		widths[0] = min(c.firstMin, size.Width)
		for i := 1; i < len(objs); i++ {
			widths[i] = rest * c.weights[i%len(c.weights)] / (sum - c.weights[0])
		}
	}
	x := float32(0)
	for i, o := range objs {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(widths[i], size.Height))
		x += widths[i]
	}
}

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(objs))*40, h)
}

var _ fyne.Layout = (*columns)(nil)
