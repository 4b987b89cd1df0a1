package casefile

import "testing"

func TestSettings_ForBranch(t *testing.T) {
	center := Settings{CenterName: "Мобильный мастер", CenterAddress: "Главная, 1", CenterPhone: "+7 495 000-00-00", CenterEmail: "desk@example.com"}
	tests := []struct {
		name string
		s    Settings
		b    Branch
		want Settings
	}{
		{"no branch changes nothing", center, Branch{}, center},
		{"the branch's contacts and name beside the center's", center,
			Branch{Code: "SPB", Name: "Санкт-Петербург", Address: "Невский, 2", Phone: "+7 812 000-00-00", Email: "spb@example.com"},
			Settings{CenterName: "Мобильный мастер — Санкт-Петербург", CenterAddress: "Невский, 2", CenterPhone: "+7 812 000-00-00", CenterEmail: "spb@example.com"}},
		{"what the branch lacks stays the center's", center, Branch{Code: "MSK-1", Name: "Москва", Phone: "+7 495 111-11-11"},
			Settings{CenterName: "Мобильный мастер — Москва", CenterAddress: "Главная, 1", CenterPhone: "+7 495 111-11-11", CenterEmail: "desk@example.com"}},
		{"no center name: the branch's", Settings{}, Branch{Code: "A", Name: "Desk A"}, Settings{CenterName: "Desk A"}},
		{"the same name is not doubled", center, Branch{Code: "MAIN", Name: "Мобильный мастер"}, center},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.s.ForBranch(tt.b)
			if got.CenterName != tt.want.CenterName || got.CenterAddress != tt.want.CenterAddress ||
				got.CenterPhone != tt.want.CenterPhone || got.CenterEmail != tt.want.CenterEmail {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	if FindBranch([]Branch{{Code: "A"}, {Code: "B", Name: "b"}}, "B").Name != "b" || FindBranch(nil, "B") != (Branch{}) {
		t.Error("FindBranch")
	}
}
