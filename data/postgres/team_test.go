package postgres_test

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"recoverydesk/casefile"
	"recoverydesk/data/postgres"
)

// team is a database with two branches and four people, each of whom can connect as
// themselves, the way a service center sets one up.
type team struct {
	url                      string
	owner                    *postgres.Store
	techA, techB, mgr, admin string // logins
	caseA, caseB             *casefile.Case
	idA, idB                 int64 // the cases' row ids, for raw SQL
}

// newTeam sets the database up as the superuser, adds the people through the admin
// functions, and opens one case in each branch, each by its own technician.
func newTeam(t *testing.T) *team {
	t.Helper()
	prefix := fmt.Sprintf("rd%d_%d_", os.Getpid(), dbSerial.Add(1))
	tm := &team{techA: prefix + "tech.a", techB: prefix + "tech.b", mgr: prefix + "mgr", admin: prefix + "admin"}
	// Logins are the server's, not the database's: they outlive it, so they are dropped
	// after it (cleanups run last-registered first).
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", os.Getenv(envServer))
		if err != nil {
			return
		}
		defer admin.Close()
		for _, l := range []string{tm.techA, tm.techB, tm.mgr, tm.admin} {
			admin.Exec(`DROP ROLE IF EXISTS "` + l + `"`)
		}
	})
	tm.url = newDatabase(t)
	tm.owner = openAs(t, tm.url, "")
	for _, b := range []casefile.Branch{{Code: "north", Name: "Север", Address: "ул. Ленина, 1"}, {Code: "SOUTH", Name: "Юг"}} {
		if err := tm.owner.SaveBranch(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := tm.owner.AddStaff(ctx, casefile.Person{Login: tm.admin, Role: casefile.RoleAdmin, Name: "Admin"}, "admin-password"); err != nil {
		t.Fatal(err)
	}
	// The admin's own login adds the rest: it needs no right to create roles of its own.
	admin := openAs(t, tm.url, tm.admin)
	for _, p := range []casefile.Person{
		{Login: tm.techA, Role: casefile.RoleTechnician, Branch: "NORTH", Name: "Анна"},
		{Login: tm.techB, Role: casefile.RoleTechnician, Branch: "south", Name: "Борис"},
		{Login: tm.mgr, Role: casefile.RoleManager, Name: "Мария"},
	} {
		if err := admin.AddStaff(ctx, p, "password-"+p.Name); err != nil {
			t.Fatalf("add %s: %v", p.Login, err)
		}
	}
	tm.caseA, tm.caseB = sampleCase(), sampleCase()
	tm.caseA.Attachments = []casefile.Attachment{{Kind: casefile.AttachBox, Name: "box.jpg", MediaType: casefile.MediaJPEG, Data: []byte("jpeg A")}}
	tm.caseB.Attachments = []casefile.Attachment{{Kind: casefile.AttachBox, Name: "box.jpg", MediaType: casefile.MediaJPEG, Data: []byte("jpeg B")}}
	if err := openAs(t, tm.url, tm.techA).CreateCase(ctx, tm.caseA, "Анна"); err != nil {
		t.Fatal(err)
	}
	if err := openAs(t, tm.url, tm.techB).CreateCase(ctx, tm.caseB, "Борис"); err != nil {
		t.Fatal(err)
	}
	tm.idA, tm.idB = tm.caseA.ID, tm.caseB.ID
	return tm
}

// loginURL is the database's address with another user in it.
func loginURL(t testing.TB, dbURL, login string) string {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	if login != "" {
		u.User = url.User(login)
	}
	return u.String()
}

// openAs opens the store as a login ("" is the test server's superuser).
func openAs(t testing.TB, dbURL, login string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(loginURL(t, dbURL, login))
	if err != nil {
		t.Fatalf("open as %q: %v", login, err)
	}
	t.Cleanup(func() { s.Close() })
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	var n int64
	s.Now = func() time.Time { n++; return start.Add(time.Duration(n) * time.Second) }
	return s
}

// rawAs is a plain SQL connection as a login, the way psql would connect.
func rawAs(t testing.TB, dbURL, login string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", loginURL(t, dbURL, login))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // SET ROLE and the like stay on the one session
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`SET search_path TO recoverydesk, public`); err != nil {
		t.Fatal(err)
	}
	return db
}

func sampleCase() *casefile.Case {
	return &casefile.Case{
		Customer: casefile.Customer{Name: "Иванов Иван Петрович", Phone: "+7 912 345-67-89",
			IDDocument: casefile.IDDocument{Type: "Паспорт РФ", Number: "4510 123456"}, Consent: true},
		Device:   casefile.Device{Brand: "Xiaomi", Model: "Redmi Note 12", IMEI1: "490154203237518"},
		Purchase: casefile.Purchase{Date: "2024-03-15", Seller: "Связной", Channel: casefile.ChannelRetailer},
	}
}

// TestHostileTechnician is what a technician of the north branch gets when they connect with
// psql and try to go further than the window lets them: every row is one attempt and what the
// database must answer.
func TestHostileTechnician(t *testing.T) {
	tm := newTeam(t)
	db := rawAs(t, tm.url, tm.techA)
	const (
		rows0   = "no rows"     // the statement runs and touches or returns nothing
		refused = "refused"     // the database refuses it with an error
		allowed = "one or more" // the statement succeeds on the technician's own rows
	)
	b := fmt.Sprint(tm.idB)
	a := fmt.Sprint(tm.idA)
	tests := []struct {
		name, sql, want string
	}{
		{"read the other branch's cases", `SELECT id FROM cases WHERE branch = 'SOUTH'`, rows0},
		{"read the other branch's case by id", `SELECT id FROM cases WHERE id = ` + b, rows0},
		{"read the other branch's attachments", `SELECT id FROM attachments WHERE case_id = ` + b, rows0},
		{"read the other branch's files' bytes", `SELECT data FROM attachments WHERE data = 'jpeg B'`, rows0},
		{"read the other branch's history", `SELECT id FROM history WHERE case_id = ` + b, rows0},
		{"read the other branch's IMEI index", `SELECT imei FROM case_imeis WHERE case_id = ` + b, rows0},
		{"read the other branch's search copy", `SELECT haystack FROM case_search WHERE case_id = ` + b, rows0},
		{"count the other branch's cases", `SELECT case_id FROM case_search WHERE branch = 'SOUTH'`, rows0},
		{"read the own branch's search copy", `SELECT haystack FROM case_search WHERE case_id = ` + a, allowed},
		{"hide an own case from search", `UPDATE case_search SET haystack = 'nothing to see' WHERE case_id = ` + a, refused},
		{"move an own case's copy to the other branch", `UPDATE case_search SET branch = 'SOUTH' WHERE case_id = ` + a, refused},
		{"rewrite the other branch's copy", `UPDATE case_search SET haystack = 'x' WHERE case_id = ` + b, rows0},
		{"add a fake copy", `INSERT INTO case_search (case_id, branch, status, haystack) VALUES (` + b + `, 'NORTH', 'intake', 'x')`, refused},
		{"delete an own copy", `DELETE FROM case_search WHERE case_id = ` + a, refused},
		{"read the own branch's case", `SELECT id FROM cases WHERE id = ` + a, allowed},
		{"change the other branch's case", `UPDATE cases SET body = '{}' WHERE id = ` + b, rows0},
		{"change the other branch's status", `UPDATE cases SET status = 'closed' WHERE branch = 'SOUTH'`, rows0},
		{"remove the other branch's files", `UPDATE attachments SET removed = true, data = NULL WHERE case_id = ` + b, rows0},
		{"unindex the other branch's IMEIs", `DELETE FROM case_imeis WHERE case_id = ` + b, rows0},
		{"move an own case to the other branch", `UPDATE cases SET branch = 'SOUTH' WHERE id = ` + a, refused},
		{"open a case in the other branch", `INSERT INTO cases (number, year, seq, status, status_since, created_at, created_by, updated_at, body, branch)
			VALUES ('X-1', 1990, 1, 'intake', now(), now(), 'x', now(), '{}', 'SOUTH')`, refused},
		{"add history to the other branch's case", `INSERT INTO history (case_id, at, operator, action) VALUES (` + b + `, now(), 'x', 'edited')`, refused},
		{"add a file to the other branch's case", `INSERT INTO attachments (case_id, kind, name, media_type, size, sha256, added_at, added_by, data)
			VALUES (` + b + `, 'box', 'x.jpg', 'image/jpeg', 1, 'x', now(), 'x', 'x')`, refused},
		{"delete a case", `DELETE FROM cases WHERE id = ` + a, refused},
		{"delete a file", `DELETE FROM attachments WHERE case_id = ` + a, refused},
		{"rewrite the own history", `UPDATE history SET note = 'nothing happened' WHERE case_id = ` + a, refused},
		{"delete the own history", `DELETE FROM history WHERE case_id = ` + a, refused},
		{"truncate the history", `TRUNCATE history`, refused},
		{"truncate the cases (a restore)", `TRUNCATE cases CASCADE`, refused},
		{"purge the own files", `UPDATE attachments SET purged = true, data = NULL WHERE case_id = ` + a, refused},
		{"rewrite who opened a case", `UPDATE cases SET created_by = 'someone' WHERE id = ` + a, refused},
		{"change the settings", `UPDATE settings SET value = '{}'`, refused},
		{"write new settings", `INSERT INTO settings (key, value) VALUES ('settings', '{}')`, refused},
		{"read the staff list", `SELECT login FROM staff`, refused},
		{"add a person", `SELECT staff_add('intruder', 'manager', '', '', 'SCRAM-SHA-256$4096:x$y:z')`, refused},
		{"remove a person", `SELECT staff_remove('` + tm.mgr + `')`, refused},
		{"add a branch", `INSERT INTO branches (code, name) VALUES ('EVIL', 'Evil')`, refused},
		{"switch row security off", `ALTER TABLE cases DISABLE ROW LEVEL SECURITY`, refused},
		{"drop the policy", `DROP POLICY cases_branch ON cases`, refused},
		{"become a manager", `SET ROLE recoverydesk_manager`, refused},
		{"become the owner", `SET ROLE recoverydesk_owner`, refused},
		{"grant themselves the manager role", `GRANT recoverydesk_manager TO "` + tm.techA + `"`, refused},
		{"create a role", `CREATE ROLE intruder LOGIN SUPERUSER`, refused},
		{"claim another branch by a session setting", `SELECT set_config('recoverydesk.branch', 'SOUTH', false)`, allowed},
		{"… and read it after", `SELECT id FROM cases WHERE branch = 'SOUTH'`, rows0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := affected(db, tt.sql)
			switch tt.want {
			case refused:
				var pe *pgconn.PgError
				if err == nil || !errors.As(err, &pe) {
					t.Fatalf("%s: the database allowed it (%d rows), want a refusal", tt.sql, n)
				}
			case rows0:
				if err != nil {
					t.Fatalf("%s: %v, want it to run and touch nothing", tt.sql, err)
				}
				if n != 0 {
					t.Fatalf("%s: %d rows, want none", tt.sql, n)
				}
			case allowed:
				if err != nil || n == 0 {
					t.Fatalf("%s: %d rows, %v; want the technician's own rows", tt.sql, n, err)
				}
			}
		})
	}
	// After all that the other branch's case is as its technician left it.
	got, err := openAs(t, tm.url, tm.techB).Case(ctx, tm.caseB.Number)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.Status != casefile.StatusIntake || len(got.Attachments) != 1 || len(got.History) != 1 {
		t.Fatalf("the south case changed: version %d, status %s, %d files, %d events", got.Version, got.Status, len(got.Attachments), len(got.History))
	}
}

// affected runs a statement and counts the rows it returned or changed.
func affected(db *sql.DB, q string) (int64, error) {
	if strings.HasPrefix(strings.TrimSpace(q), "SELECT") {
		rows, err := db.Query(q)
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		var n int64
		for rows.Next() {
			n++
		}
		return n, rows.Err()
	}
	res, err := db.Exec(q)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// TestTechnicianThroughTheApp: the same walls, met through the store the window uses.
func TestTechnicianThroughTheApp(t *testing.T) {
	tm := newTeam(t)
	techA := openAs(t, tm.url, tm.techA)

	id, err := techA.Identity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if id.Login != tm.techA || id.Role != casefile.RoleTechnician || id.Branch != "NORTH" || id.Name != "Анна" {
		t.Fatalf("identity %+v", id)
	}
	list, err := techA.Search(ctx, casefile.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Number != tm.caseA.Number || list[0].Branch != "NORTH" {
		t.Fatalf("the technician's list: %+v, want only the north case", list)
	}
	if n, _ := techA.Count(ctx, casefile.Query{}); n != 1 {
		t.Fatalf("count %d", n)
	}
	if _, err := techA.Case(ctx, tm.caseB.Number); !errors.Is(err, casefile.ErrNotFound) {
		t.Fatalf("open the south case: %v, want not found", err)
	}
	if _, _, err := techA.AttachmentData(ctx, tm.caseB.Attachments[0].ID); !errors.Is(err, casefile.ErrNotFound) {
		t.Fatalf("the south case's file: %v, want not found", err)
	}
	if dup, _ := techA.CasesWithIMEI(ctx, tm.caseB.Device.IMEI1, tm.caseA.Number); len(dup) != 0 {
		t.Fatalf("the IMEI check shows the other branch's case: %+v", dup)
	}
	if _, err := techA.ChangeStatus(ctx, tm.caseB.Number, casefile.StatusClosed, "closing it", nil, "Анна"); !errors.Is(err, casefile.ErrNotFound) {
		t.Fatalf("close the south case: %v, want not found", err)
	}
	other := sampleCase()
	other.Branch = "SOUTH"
	if err := techA.CreateCase(ctx, other, "Анна"); !errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("open a case in the south branch: %v, want forbidden", err)
	}
	if err := techA.SaveSettings(ctx, casefile.DefaultSettings()); !errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("save the settings: %v, want forbidden", err)
	}
	if _, err := techA.Staff(ctx); !errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("list the staff: %v, want forbidden", err)
	}
	if err := techA.AddStaff(ctx, casefile.Person{Login: "intruder", Role: casefile.RoleManager}, "password1"); !errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("add a person: %v, want forbidden", err)
	}
	// Purge: the technician's own case, closed, with a file past retention.
	if _, err := techA.ChangeStatus(ctx, tm.caseA.Number, casefile.StatusClosed, "handed back", nil, "Анна"); err != nil {
		t.Fatal(err)
	}
	if _, err := techA.Purge(ctx, time.Nanosecond, "Анна"); !errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("purge: %v, want forbidden", err)
	}
	if data, _, err := tm.owner.AttachmentData(ctx, tm.caseA.Attachments[0].ID); err != nil || string(data) != "jpeg A" {
		t.Fatalf("after a refused purge the file reads %q, %v", data, err)
	}
	// What the technician may do, they can: a new case lands in their branch, the history
	// names their login whatever the operator field says.
	own := sampleCase()
	if err := techA.CreateCase(ctx, own, "someone else"); err != nil {
		t.Fatal(err)
	}
	got, err := techA.Case(ctx, own.Number)
	if err != nil {
		t.Fatal(err)
	}
	if got.Branch != "NORTH" || got.History[0].Login != tm.techA {
		t.Fatalf("new case: branch %q, history login %q", got.Branch, got.History[0].Login)
	}
}

// TestManagerAndRemoval: a manager reads and reviews every branch; a removed person cannot
// connect, and the history still names them.
func TestManagerAndRemoval(t *testing.T) {
	tm := newTeam(t)
	mgr := openAs(t, tm.url, tm.mgr)
	list, err := mgr.Search(ctx, casefile.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("the manager sees %d cases, want both branches'", len(list))
	}
	south, err := mgr.Search(ctx, casefile.Query{Branch: "south"})
	if err != nil || len(south) != 1 || south[0].Number != tm.caseB.Number {
		t.Fatalf("the south filter: %+v, %v", south, err)
	}
	rows, err := mgr.ReportRows(ctx, casefile.ReportFilter{Branch: "NORTH"})
	if err != nil || len(rows) != 1 || rows[0].Branch != "NORTH" {
		t.Fatalf("the north report: %+v, %v", rows, err)
	}
	if _, err := mgr.ChangeStatus(ctx, tm.caseB.Number, casefile.StatusSelfService, "", nil, "Мария"); err != nil {
		t.Fatal(err)
	}
	if err := mgr.SaveSettings(ctx, casefile.DefaultSettings()); err != nil {
		t.Fatalf("the manager saves the settings: %v", err)
	}
	staff, err := mgr.Staff(ctx)
	if err != nil || len(staff) != 4 {
		t.Fatalf("the manager reads the staff: %d, %v", len(staff), err)
	}

	admin := openAs(t, tm.url, tm.admin)
	if err := admin.RemoveStaff(ctx, tm.techB); err != nil {
		t.Fatal(err)
	}
	if s, err := postgres.Open(loginURL(t, tm.url, tm.techB)); err == nil {
		s.Close()
		t.Fatal("a removed person still connects")
	} else if !errors.Is(err, postgres.ErrSignIn) || !strings.Contains(err.Error(), "not permitted to log in") {
		t.Fatalf("a removed person's refusal reads: %v", err)
	}
	got, err := mgr.Case(ctx, tm.caseB.Number)
	if err != nil {
		t.Fatal(err)
	}
	if got.History[0].Login != tm.techB || got.History[1].Login != tm.mgr {
		t.Fatalf("history logins %q, %q", got.History[0].Login, got.History[1].Login)
	}
	staff, _ = admin.Staff(ctx)
	for _, p := range staff {
		if p.Login == tm.techB && p.RemovedAt.IsZero() {
			t.Fatal("the removed person is not marked removed")
		}
	}
	// Adding them back gives the login back.
	if err := admin.AddStaff(ctx, casefile.Person{Login: tm.techB, Role: casefile.RoleTechnician, Branch: "SOUTH"}, "a-new-password"); err != nil {
		t.Fatal(err)
	}
	openAs(t, tm.url, tm.techB)
	// The admin function must not take over a role that is not a RecoveryDesk person's.
	if err := admin.AddStaff(ctx, casefile.Person{Login: "postgres", Role: casefile.RoleManager}, "password1"); err == nil {
		t.Fatal("the admin took over the postgres role")
	}
	// An unknown branch is named.
	if err := admin.AddStaff(ctx, casefile.Person{Login: "someone", Role: casefile.RoleTechnician, Branch: "NOWHERE"}, "password1"); err == nil || !strings.Contains(err.Error(), "no branch NOWHERE") {
		t.Fatalf("an unknown branch: %v", err)
	}
}

// TestOpenAs: the window's sign-in opens the address as the person who typed their login,
// whatever login the address names; a login the server does not know is a sign-in refusal,
// which the window tells apart from a server it cannot reach.
func TestOpenAs(t *testing.T) {
	tm := newTeam(t)
	s, err := postgres.OpenAs(tm.url, tm.mgr, "password-Мария")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	who, err := s.Identity(ctx)
	if err != nil || who.Login != tm.mgr || who.Role != casefile.RoleManager {
		t.Fatalf("signed in as %+v, %v; want %s, a manager", who, err, tm.mgr)
	}
	if s, err := postgres.OpenAs(tm.url, "nobody_"+tm.mgr, "whatever"); err == nil {
		s.Close()
		t.Fatal("an unknown login got in")
	} else if !errors.Is(err, casefile.ErrSignIn) {
		t.Fatalf("an unknown login's refusal: %v", err)
	}
}
