package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line in-process against the given database.
func runCLI(t *testing.T, db string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append(append([]string{}, args...), "--db", db, "--operator", "tester", "--create")
	if len(args) == 0 || args[0] == "help" || strings.HasPrefix(args[0], "-") {
		full = args
	}
	code = run(full, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "cases.db") }

func TestCLI_IMEI(t *testing.T) {
	db := tempDB(t)
	tests := []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{"imei", "490154203237518"}, exitOK, "valid IMEI 49015420 323751 8"},
		{[]string{"imei", "490154203237518", "490154203237519"}, exitRefused, "should be 8"},
		{[]string{"imei", "49015420323751"}, exitRefused, "Did you mean 490154203237518?"},
		{[]string{"imei", "35686800-004141-20"}, exitOK, "valid IMEISV"},
		{[]string{"imei", "000000000000000"}, exitRefused, "null IMEI"},
		{[]string{"imei"}, exitUsage, "Usage"},
		{[]string{"imei", "--bogus"}, exitUsage, "flag provided but not defined"},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, db, tt.args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.contains) {
			t.Errorf("%v: code %d, output %q%q; want %d containing %q", tt.args, code, out, errOut, tt.code, tt.contains)
		}
	}
}

func TestCLI_IMEI_JSON(t *testing.T) {
	out, _, code := runCLI(t, tempDB(t), "imei", "--json", "35-209900-176148-1", "35-417803-685978-2")
	if code != exitRefused {
		t.Fatalf("code = %d", code)
	}
	var rows []imeiReport
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"input", "valid", "imei", "tac", "kind", "error", "suggestion"} {
			if _, ok := r[k]; !ok {
				t.Errorf("key %s missing in %s", k, sc.Text())
			}
		}
		var rr imeiReport
		json.Unmarshal(sc.Bytes(), &rr)
		rows = append(rows, rr)
	}
	if len(rows) != 2 || !rows[0].Valid || rows[0].IMEI != "352099001761481" || rows[0].TAC != "35209900" || rows[0].Kind != "IMEI" {
		t.Fatalf("first row = %+v", rows)
	}
	if rows[1].Valid || rows[1].Suggestion != "354178036859789" || rows[1].Error == "" {
		t.Fatalf("second row = %+v", rows[1])
	}
}

func TestCLI_ImportShowListStatus(t *testing.T) {
	db := tempDB(t)
	out, errOut, code := runCLI(t, db, "import", filepath.Join("..", "..", "docs", "import-example", "case.json"))
	if code != exitOK {
		t.Fatalf("import: %d %s", code, errOut)
	}
	nums := strings.Fields(out)
	if len(nums) != 2 || !strings.HasSuffix(nums[0], "-00001") {
		t.Fatalf("import printed %q", out)
	}

	out, _, code = runCLI(t, db, "show", nums[0], "--json")
	if code != exitOK {
		t.Fatal("show failed")
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"number", "status", "ready", "missing", "route", "same_imei_cases", "attachments", "history", "customer", "device", "purchase", "verification"} {
		if _, ok := v[k]; !ok {
			t.Errorf("show --json lacks %s", k)
		}
	}
	if v["ready"] != true || v["status"] != "intake" || v["route"] != "support_dossier" {
		t.Errorf("show --json = ready %v status %v route %v missing %v", v["ready"], v["status"], v["route"], v["missing"])
	}
	// The example's box label carries both IMEIs and the serial as Code 128, its receipt PDF a
	// fiscal QR code: all five are checked by machine against the fields, and agree.
	var checks []string
	for _, ch := range v["evidence_checks"].([]any) {
		m := ch.(map[string]any)
		checks = append(checks, fmt.Sprintf("%s %s %s %s", m["field"], m["attachment"], m["method"], m["result"]))
	}
	wantChecks := []string{"purchase.date receipt.pdf fiscal_qr match", "purchase.price receipt.pdf fiscal_qr match",
		"imei1 box-label.jpg barcode match", "imei2 box-label.jpg barcode match", "serial box-label.jpg barcode match"}
	if strings.Join(checks, "\n") != strings.Join(wantChecks, "\n") {
		t.Errorf("evidence_checks = %q, want %q", checks, wantChecks)
	}
	atts := v["attachments"].([]any)
	if len(atts) != 3 {
		t.Fatalf("attachments = %v", atts)
	}
	first := atts[0].(map[string]any)
	for _, k := range []string{"kind", "name", "media_type", "size", "sha256"} {
		if first[k] == nil || first[k] == "" {
			t.Errorf("attachment lacks %s: %v", k, first)
		}
	}
	if first["media_type"] != "application/pdf" {
		t.Errorf("receipt media type = %v", first["media_type"])
	}

	out, _, _ = runCLI(t, db, "show", nums[1])
	if !strings.Contains(out, "Петров Пётр") || !strings.Contains(out, "Ready: no") {
		t.Errorf("show text = %s", out)
	}

	out, _, _ = runCLI(t, db, "list", "--search", "ИВАНОВА")
	if !strings.Contains(out, nums[0]) || strings.Contains(out, nums[1]) {
		t.Errorf("list --search = %q", out)
	}
	out, _, _ = runCLI(t, db, "list", "--search", "8 903 111 22 33", "--json")
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, nums[1]) {
		t.Errorf("list by phone = %q", out)
	}

	// A refused status change names what is missing and changes nothing.
	_, errOut, code = runCLI(t, db, "status", nums[1], "submitted")
	if code != exitRefused || !strings.Contains(errOut, "[consent]") {
		t.Errorf("submitting an unready case: %d %s", code, errOut)
	}
	_, errOut, code = runCLI(t, db, "status", nums[0], "resolved")
	if code != exitRefused || !strings.Contains(errOut, "allowed: self_service, submitted, closed") {
		t.Errorf("intake -> resolved: %d %s", code, errOut)
	}
	out, _, code = runCLI(t, db, "status", nums[0], "submitted", "--note", "sent", "--address", "service.global@xiaomi.com", "--reference", "XM1")
	if code != exitOK || !strings.Contains(out, "submitted") {
		t.Fatalf("submit: %d %s", code, out)
	}
	out, _, _ = runCLI(t, db, "list", "--status", "submitted")
	if !strings.Contains(out, nums[0]) || strings.Contains(out, nums[1]) {
		t.Errorf("list --status = %q", out)
	}
	_, _, code = runCLI(t, db, "status", nums[0], "bogus")
	if code != exitRefused {
		t.Errorf("unknown status code %d", code)
	}
	_, _, code = runCLI(t, db, "show", "2026-99999")
	if code != exitRefused {
		t.Errorf("missing case code %d", code)
	}
}

func TestCLI_ImportFailureWritesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	runCLI(t, db, "demo", "--cases", "3", "--photos", "1", "--seed", "1")
	before, _, _ := runCLI(t, db, "list", "--json")
	tests := []struct {
		name, json, want string
	}{
		{"bad imei in the second case", `[{"customer":{"name":"A"}},{"customer":{"name":"B"},"device":{"imei1":"490154203237519"}}]`, "case 2, device.imei1"},
		{"unknown key", `{"customer":{"name":"A","nmae":"x"}}`, "nmae"},
		{"wrong type", `{"customer":{"name":"A","consent":"yes"}}`, "customer.consent"},
		{"missing file", `{"customer":{"name":"A"},"attachments":[{"kind":"box","path":"nowhere.jpg"}]}`, "attachments[0].path"},
		{"not an image", `{"customer":{"name":"A"},"attachments":[{"kind":"box","path":"fake.jpg"}]}`, "not a JPEG"},
		{"not json", `hello`, "not JSON"},
		{"no name", `{"customer":{"phone":"1"}}`, "customer.name"},
	}
	os.WriteFile(filepath.Join(dir, "fake.jpg"), []byte("this is text"), 0o600)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := filepath.Join(dir, "in.json")
			os.WriteFile(f, []byte(tt.json), 0o600)
			_, errOut, code := runCLI(t, db, "import", f)
			if code != exitRefused || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "nothing was imported") {
				t.Fatalf("code %d, stderr %q; want 1 and %q", code, errOut, tt.want)
			}
			after, _, _ := runCLI(t, db, "list", "--json")
			if after != before {
				t.Fatal("a failed import changed the database")
			}
		})
	}
}

func TestCLI_Demo(t *testing.T) {
	db := tempDB(t)
	out, errOut, code := runCLI(t, db, "demo", "--cases", "25", "--photos", "2", "--seed", "7")
	if code != exitOK {
		t.Fatalf("demo: %s", errOut)
	}
	if !strings.Contains(out, "added 25") {
		t.Errorf("demo printed %q", out)
	}
	out, _, _ = runCLI(t, db, "list", "--json", "--limit", "10")
	if strings.Count(out, "\n") != 10 {
		t.Errorf("list --limit 10 printed %d lines", strings.Count(out, "\n"))
	}
	out, _, _ = runCLI(t, db, "show", "--json", newestNumber(t, db))
	if !strings.Contains(out, `"sha256"`) {
		t.Errorf("the first demo case has no photos: %s", out)
	}
}

func newestNumber(t *testing.T, db string) string {
	out, _, _ := runCLI(t, db, "list", "--limit", "1", "--json")
	var r listRow
	json.Unmarshal([]byte(out), &r)
	return r.Number
}

func TestCLI_Usage(t *testing.T) {
	db := tempDB(t)
	for _, name := range []string{"imei", "import", "show", "list", "status", "demo"} {
		out, _, code := runCLI(t, db, name, "--help")
		if code != exitOK || !strings.Contains(out, "Usage: recoverydesk "+name) {
			t.Errorf("%s --help: %d %q", name, code, out)
		}
	}
	if _, errOut, code := runCLI(t, db, "frobnicate"); code != exitUsage || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: %d", code)
	}
	if out, _, code := runCLI(t, db, "help"); code != exitOK || !strings.Contains(out, "Commands:") {
		t.Errorf("help: %d", code)
	}
	if _, _, code := runCLI(t, db, "list", "--sort", "sideways"); code != exitUsage {
		t.Errorf("bad --sort: %d", code)
	}
}
