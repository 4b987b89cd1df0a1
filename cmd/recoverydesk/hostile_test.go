package main

import (
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
)

// TestHostileInput feeds the import what careless or hostile hands produce. Each row is either
// refused with a message naming the problem and nothing written, or stored, shown and rendered
// into a dossier safely.
func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	endless := "/dev/zero" // a "photo" that never ends; Windows' device that is no file is NUL
	if runtime.GOOS == "windows" {
		endless = os.DevNull
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return name
	}
	good := sample.Photo(casefile.AttachBox, &casefile.Case{}, 400, 300)
	// A picture the technician has elsewhere, and a link beside the import file leading to it.
	elsewhere := filepath.Join(t.TempDir(), "private.jpg")
	if err := os.WriteFile(elsewhere, good, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(dir, "link.jpg")); err != nil {
		t.Fatal(err)
	}
	bomb := func() []byte {
		png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x02\x00\x00\x00\x00\x00\x00\x00")
		binary.BigEndian.PutUint32(png[29:], crc32.ChecksumIEEE(png[12:29]))
		return append(png, []byte("\x00\x00\x00\x00IEND\xaeB`\x82")...)
	}()
	longName := strings.Repeat("long-name-", 24) + "abcdef.jpg" // 250 bytes, the most a file system allows
	everywhere := "Ёж 👍🏽 \u202eRTL\u202c שלום مرحبا '; DROP TABLE cases;-- %_"
	tests := []struct {
		name    string
		caseDoc map[string]any
		files   map[string][]byte
		refuse  string // a part of the message; empty: accepted
	}{
		{"path traversal in the attachment path", map[string]any{"customer": map[string]any{"name": "A"},
			"attachments": []map[string]any{{"kind": "box", "path": "sub/../../" + filepath.Base(dir) + "/box.jpg"}}}, map[string][]byte{"box.jpg": good}, ""},
		{"very long file name", map[string]any{"customer": map[string]any{"name": "A"},
			"attachments": []map[string]any{{"kind": "box", "path": longName}}}, map[string][]byte{longName: good}, ""},
		{"10 MB text field", map[string]any{"customer": map[string]any{"name": "A"}, "ownership_statement": strings.Repeat("я", 10<<20)}, nil, "ownership_statement: is too long"},
		{"NUL byte", map[string]any{"customer": map[string]any{"name": "A\u0000B"}}, nil, "customer.name"},
		{"emoji, RTL and SQL in every text field", map[string]any{
			"customer":            map[string]any{"name": everywhere, "phone": everywhere, "id_document": map[string]any{"type": everywhere, "number": everywhere}},
			"device":              map[string]any{"brand": everywhere, "model": everywhere, "serial": everywhere, "lock_screen_text": everywhere},
			"account":             map[string]any{"identifier": everywhere},
			"purchase":            map[string]any{"seller": everywhere, "seller_contact": everywhere, "receipt_number": everywhere, "price": everywhere},
			"ownership_statement": everywhere, "support_region": "global", "notes": everywhere}, nil, ""},
		{"/dev/zero as a photo", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "box", "path": endless}}},
			nil, "outside the import file's folder"},
		{"/dev/zero as a photo, paths anywhere allowed", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "box", "path": endless}}},
			nil, "not a regular file"},
		{"a picture elsewhere on the disk", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "box", "path": elsewhere}}},
			nil, "outside the import file's folder"},
		{"a way out by ..", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "box", "path": "../" + filepath.Base(filepath.Dir(elsewhere)) + "/private.jpg"}}},
			nil, "outside the import file's folder"},
		{"a link beside the import pointing away", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "box", "path": "link.jpg"}}},
			nil, "outside the import file's folder"},
		{"a picture elsewhere, paths anywhere allowed", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "box", "path": elsewhere}}},
			nil, ""},
		{"0-byte file", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "receipt", "path": "empty.pdf"}}},
			map[string][]byte{"empty.pdf": nil}, "empty"},
		{"truncated JPEG", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "box", "path": "cut.jpg"}}},
			map[string][]byte{"cut.jpg": good[:len(good)/3]}, "damaged or incomplete"},
		{"PNG decompression bomb", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "box", "path": "bomb.png"}}},
			map[string][]byte{"bomb.png": bomb}, "refused as unsafe"},
		{"text that claims to be a JPEG", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "box", "path": "fake.jpg"}}},
			map[string][]byte{"fake.jpg": []byte("GIF89a, or maybe just text")}, "not a JPEG"},
		{"PDF with a broken cross-reference table", map[string]any{"customer": map[string]any{"name": "A"}, "attachments": []map[string]any{{"kind": "receipt", "path": "xref.pdf"}}},
			map[string][]byte{"xref.pdf": []byte("%PDF-1.4\n1 0 obj<<>>endobj\nxref\n0 99\ngarbage\ntrailer<</Size 99>>\nstartxref\n123456\n%%EOF\n")}, ""},
	}
	// Windows says these in its own way: its null device is a name in every folder ("NUL"),
	// refused as leading outside (to \\.\NUL) or as no regular file; a link to a file
	// elsewhere is refused as outside where the system resolves it, or as not found where it
	// cannot (Wine's links); nothing is read either way.
	onWindows := map[string]string{"/dev/zero as a photo": "NUL", "a link beside the import pointing away": "attachments[0]"}
	// Only a person importing a file they made themselves takes paths from anywhere.
	anywhere := map[string]bool{"/dev/zero as a photo, paths anywhere allowed": true, "a picture elsewhere, paths anywhere allowed": true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, b := range tt.files {
				write(name, b)
			}
			js, _ := json.Marshal(tt.caseDoc)
			file := filepath.Join(dir, write("case.json", js))
			before, _, _ := runCLI(t, db, "list", "--json")
			args := []string{"import", file}
			if anywhere[tt.name] {
				args = append(args, "--files-anywhere")
			}
			out, errOut, code := runCLI(t, db, args...)
			refuse := tt.refuse
			if w, ok := onWindows[tt.name]; ok && runtime.GOOS == "windows" {
				refuse = w
			}
			if refuse != "" {
				if code != exitRefused || !strings.Contains(errOut, refuse) {
					t.Fatalf("code %d, %q; want a refusal naming %q", code, errOut, refuse)
				}
				if after, _, _ := runCLI(t, db, "list", "--json"); after != before {
					t.Fatal("a refused import wrote something")
				}
				return
			}
			if code != exitOK {
				t.Fatalf("refused: %s", errOut)
			}
			num := strings.TrimSpace(out)
			shown, _, code := runCLI(t, db, "show", num, "--json")
			if code != exitOK || !json.Valid([]byte(shown)) {
				t.Fatalf("show failed: %s", shown)
			}
			if strings.Contains(shown, `"name": "..`) || strings.Contains(shown, `/`+filepath.Base(dir)) {
				t.Error("a path reached the stored file name")
			}
			pdf := filepath.Join(dir, num+".pdf")
			if _, errOut, code := runCLI(t, db, "export", num, "-o", pdf, "--eml", pdf+".eml", "--draft", "--lang", "ru"); code != exitOK {
				t.Fatalf("export failed: %s", errOut)
			}
		})
	}
	// The SQL in a name is only text: the cases are all there, and the name is found as typed.
	out, _, _ := runCLI(t, db, "list", "--search", "DROP TABLE", "--json")
	if strings.Count(out, "\n") != 1 {
		t.Errorf("searching the SQL text found %q", out)
	}
}
