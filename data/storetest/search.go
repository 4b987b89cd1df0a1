package storetest

import (
	"errors"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

func errorsIs(err, target error) bool { return errors.Is(err, target) }

func testSearch(t *testing.T, newStore func(t *testing.T) data.Store) {
	s := newStore(t)
	people := []struct{ name, phone, email, imei string }{
		{"Иванов Иван Петрович", "+7 912 345-67-89", "ivanov@example.com", "490154203237518"},
		{"Алёна Смирнова", "8 (903) 111 22 33", "alena@example.ru", "352099001761481"},
		{"John O'Brien", "+44 20 7946 0958", "john_100%@example.com", ""},
	}
	for _, p := range people {
		c := &casefile.Case{Customer: casefile.Customer{Name: p.name, Phone: p.phone, Email: p.email}, Device: casefile.Device{Model: "Redmi Note 12", IMEI1: p.imei}}
		if err := s.CreateCase(ctx, c, "anna"); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"иванов", []string{"2026-00001"}},
		{"ИВАНОВ", []string{"2026-00001"}},
		{"иван петр", []string{"2026-00001"}},
		{"алена", []string{"2026-00002"}},
		{"Алёна", []string{"2026-00002"}},
		{"8 912 345 67 89", []string{"2026-00001"}},
		{"+7(903)111-22-33", []string{"2026-00002"}},
		{"1112233", []string{"2026-00002"}},
		{"3237", []string{"2026-00001"}},
		{"35-209900", []string{"2026-00002"}},
		{"2026-00003", []string{"2026-00003"}},
		{"00003", []string{"2026-00003"}},
		{"o'brien", []string{"2026-00003"}},
		{"100%", []string{"2026-00003"}},
		{"_", []string{"2026-00003"}},
		{"EXAMPLE.RU", []string{"2026-00002"}},
		{"redmi", []string{"2026-00003", "2026-00002", "2026-00001"}},
		{"'; DROP TABLE cases; --", nil},
		{"петров", []string{"2026-00001"}},
		{`ив"ан`, nil},
		{"ив", []string{"2026-00001"}},
		{"сидоров", nil},
		{"", []string{"2026-00003", "2026-00002", "2026-00001"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got, err := s.Search(ctx, casefile.Query{Text: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			var nums []string
			for _, r := range got {
				nums = append(nums, r.Number)
			}
			if len(nums) != len(tt.want) {
				t.Fatalf("Search(%q) = %v, want %v", tt.q, nums, tt.want)
			}
			for i := range nums {
				if nums[i] != tt.want[i] {
					t.Fatalf("Search(%q) = %v, want %v", tt.q, nums, tt.want)
				}
			}
			if n, _ := s.Count(ctx, casefile.Query{Text: tt.q}); n != len(tt.want) {
				t.Fatalf("Count(%q) = %d", tt.q, n)
			}
		})
	}
}

func testSearchStatusAndSort(t *testing.T, newStore func(t *testing.T) data.Store) {
	s := newStore(t)
	for i := 0; i < 3; i++ {
		s.CreateCase(ctx, sampleCase(), "anna")
	}
	s.ChangeStatus(ctx, "2026-00001", casefile.StatusSelfService, "", nil, "anna")
	got, _ := s.Search(ctx, casefile.Query{Status: casefile.StatusIntake, Sort: casefile.SortWaitingLongest})
	if len(got) != 2 || got[0].Number != "2026-00002" {
		t.Fatalf("intake waiting longest = %+v", got)
	}
	got, _ = s.Search(ctx, casefile.Query{Sort: casefile.SortOldest, Limit: 1, Offset: 1})
	if len(got) != 1 || got[0].Number != "2026-00002" {
		t.Fatalf("oldest page 2 = %+v", got)
	}
}

func testCasesWithIMEI(t *testing.T, newStore func(t *testing.T) data.Store) {
	s := newStore(t)
	a, b, c := sampleCase(), sampleCase(), sampleCase()
	b.Device.IMEI1, b.Device.IMEI2 = "352099001761481", ""
	c.Device.IMEI1, c.Device.IMEI2 = "354178036859789", ""
	for _, x := range []*casefile.Case{a, b, c} {
		s.CreateCase(ctx, x, "anna")
	}
	got, err := s.CasesWithIMEI(ctx, "35-209900-176148-1", a.Number)
	if err != nil || len(got) != 1 || got[0].Number != b.Number {
		t.Fatalf("CasesWithIMEI = %+v, %v", got, err)
	}
	if got, _ := s.CasesWithIMEI(ctx, "not an imei", ""); len(got) != 0 {
		t.Fatalf("an invalid IMEI matched %v", got)
	}
}

// testCountFollowsChanges: the count agrees with the list after every kind of change (a new
// case, an edit of the name, a status change), and a capped count says "more than" without
// counting everything.
func testCountFollowsChanges(t *testing.T, newStore func(t *testing.T) data.Store) {
	s := newStore(t)
	for i := 0; i < 5; i++ {
		if err := s.CreateCase(ctx, sampleCase(), "anna"); err != nil {
			t.Fatal(err)
		}
	}
	count := func(q casefile.Query) int {
		t.Helper()
		n, err := s.Count(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, tt := range []struct {
		limit, want int
	}{{0, 5}, {2, 3}, {4, 5}, {5, 5}, {10, 5}} {
		if n := count(casefile.Query{Text: "иванов", CountLimit: tt.limit}); n != tt.want {
			t.Errorf("Count(иванов, limit %d) = %d, want %d", tt.limit, n, tt.want)
		}
		if n := count(casefile.Query{CountLimit: tt.limit}); n != tt.want {
			t.Errorf("Count(all, limit %d) = %d, want %d", tt.limit, n, tt.want)
		}
	}
	c, err := s.Case(ctx, "2026-00003")
	if err != nil {
		t.Fatal(err)
	}
	c.Customer.Name = "Сидорова Алёна"
	if err := s.SaveCase(ctx, c, "anna"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ChangeStatus(ctx, "2026-00004", casefile.StatusSelfService, "", nil, "anna"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    casefile.Query
		want int
	}{
		{casefile.Query{Text: "иванов"}, 4},
		{casefile.Query{Text: "сидорова"}, 1},
		{casefile.Query{Text: "алена сидорова"}, 1},
		{casefile.Query{Status: casefile.StatusSelfService}, 1},
		{casefile.Query{Status: casefile.StatusSelfService, Text: "иванов"}, 1},
		{casefile.Query{Status: casefile.StatusIntake, Text: "иванов"}, 3},
		{casefile.Query{Status: casefile.StatusIntake, Text: "иванов", CountLimit: 1}, 2},
	} {
		got, err := s.Search(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if tt.q.CountLimit == 0 && len(got) != tt.want {
			t.Errorf("Search(%+v) = %d cases, want %d", tt.q, len(got), tt.want)
		}
		if n := count(tt.q); n != tt.want {
			t.Errorf("Count(%+v) = %d, want %d", tt.q, n, tt.want)
		}
	}
	// An engine that answers the list's page and count in one question answers as both would.
	p, ok := s.(data.Pager)
	if !ok {
		return
	}
	for _, q := range []casefile.Query{
		{Text: "иванов", CountLimit: 1000, Limit: 200},
		{Text: "иванов", CountLimit: 2, Limit: 2},
		{Text: "иванов", CountLimit: 3, Limit: 200, Sort: casefile.SortOldest},
		{Text: "сидорова", CountLimit: 1000, Limit: 200},
		{Text: "никого нет", CountLimit: 1000, Limit: 200},
		{Text: "иванов", Status: casefile.StatusIntake, CountLimit: 1000, Limit: 1, Sort: casefile.SortWaitingLongest},
		{CountLimit: 1000, Limit: 200},
	} {
		rows, n, err := p.SearchPage(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := s.Search(ctx, q)
		exact := q
		exact.CountLimit = 0
		all := count(exact)
		if len(rows) != len(want) || n != min(all, q.CountLimit+1) {
			t.Errorf("SearchPage(%+v) = %d rows, count %d; want %d rows, count %d", q, len(rows), n, len(want), min(all, q.CountLimit+1))
			continue
		}
		for i := range rows {
			if rows[i].Number != want[i].Number {
				t.Errorf("SearchPage(%+v) row %d = %s, Search has %s", q, i, rows[i].Number, want[i].Number)
			}
		}
	}
}
