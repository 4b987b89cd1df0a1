package dossier

import (
	"recoverydesk/casefile"
	"strings"
	"testing"
	"time"
)

// declarationsPart is the dossier's text from its declarations to the signatures.
func declarationsPart(t *testing.T, c *casefile.Case, lang string) string {
	t.Helper()
	o := dossierOptions(lang)
	o.Draft = true
	text := tool(t, "pdftotext", "-layout", writeTemp(t, "d.pdf", render(t, c, o)), "-")
	head := map[string]string{"en": "Customer's declarations", "ru": "Заявления клиента"}[lang]
	i := strings.Index(text, head)
	if i < 0 {
		t.Fatalf("no declarations section in:\n%s", text)
	}
	text = text[i:]
	if j := strings.Index(text, map[string]string{"en": "Customer's signature", "ru": "Подпись клиента"}[lang]); j > 0 {
		text = text[:j]
	}
	return text
}

func TestRenderDossier_Declarations(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 15, 0, 0, time.UTC)
	tests := []struct {
		name     string
		lang     string
		decl     casefile.Declarations
		consent  bool
		ticked   int
		want     []string
		mustNot  []string
		declared []string
	}{
		{"all declared", "en", casefile.Declarations{NotLostOrStolen: true, NotLostOrStolenAt: at, MayBeErased: true, MayBeErasedAt: at, FactsTrue: true, FactsTrueAt: at}, true, 4,
			[]string{"declared 2026-03-02 10:15"}, []string{"not declared", "tick it by hand"}, nil},
		{"nothing declared", "en", casefile.Declarations{}, false, 0,
			[]string{"not declared at the counter", "tick it by hand"}, []string{"declared 2026"}, nil},
		{"consent refused, the rest declared", "en", casefile.Declarations{NotLostOrStolen: true, NotLostOrStolenAt: at, MayBeErased: true, MayBeErasedAt: at, FactsTrue: true, FactsTrueAt: at}, false, 3,
			[]string{"I consent to the processing of my personal data for restoring access to the device. (not declared at the counter)"}, nil, nil},
		{"not stolen missing, in Russian", "ru", casefile.Declarations{MayBeErased: true, MayBeErasedAt: at, FactsTrue: true, FactsTrueAt: at}, true, 3,
			[]string{"не заявлено у стойки", "заявлено 2026-03-02 10:15", "отметить его от руки"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dossierCase(t)
			c.Declarations = tt.decl
			c.Customer.Consent, c.Customer.ConsentAt = tt.consent, time.Time{}
			if tt.consent {
				c.Customer.ConsentAt = at
			}
			text := declarationsPart(t, c, tt.lang)
			flat := strings.Join(strings.Fields(text), " ")
			if got := strings.Count(text, "☑"); got != tt.ticked {
				t.Errorf("%d boxes ticked, want %d:\n%s", got, tt.ticked, text)
			}
			if got := strings.Count(text, "☐"); got != 4-tt.ticked {
				t.Errorf("%d boxes empty, want %d:\n%s", got, 4-tt.ticked, text)
			}
			for _, w := range tt.want {
				if !strings.Contains(flat, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tt.mustNot {
				if strings.Contains(flat, w) {
					t.Errorf("says %q:\n%s", w, text)
				}
			}
		})
	}
}

func TestStampDeclarations(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	now := t0.Add(time.Hour)
	typed := t0.Add(30 * time.Minute)
	tests := []struct {
		name string
		c    casefile.Declarations
		old  *casefile.Declarations
		want casefile.Declarations
	}{
		{"new case stamps now", casefile.Declarations{NotLostOrStolen: true}, nil, casefile.Declarations{NotLostOrStolen: true, NotLostOrStolenAt: now}},
		{"the form's time is kept", casefile.Declarations{FactsTrue: true, FactsTrueAt: typed}, nil, casefile.Declarations{FactsTrue: true, FactsTrueAt: typed}},
		{"a stored time is kept", casefile.Declarations{MayBeErased: true}, &casefile.Declarations{MayBeErased: true, MayBeErasedAt: t0}, casefile.Declarations{MayBeErased: true, MayBeErasedAt: t0}},
		{"withdrawn loses its time", casefile.Declarations{NotLostOrStolenAt: typed}, &casefile.Declarations{NotLostOrStolen: true, NotLostOrStolenAt: t0}, casefile.Declarations{}},
		{"given again after withdrawal is new", casefile.Declarations{FactsTrue: true}, &casefile.Declarations{}, casefile.Declarations{FactsTrue: true, FactsTrueAt: now}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &casefile.Case{Declarations: tt.c}
			var old *casefile.Case
			if tt.old != nil {
				old = &casefile.Case{Declarations: *tt.old}
			}
			casefile.StampDeclarations(c, old, now)
			if c.Declarations != tt.want {
				t.Errorf("got %+v, want %+v", c.Declarations, tt.want)
			}
		})
	}
}
