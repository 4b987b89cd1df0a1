#!/usr/bin/env bash
# The Windows build's own tests, run under Wine: each package's tests cross-compiled for
# windows/amd64 with mingw-w64 and run as Windows programs (Windows paths, file sharing, line
# endings, %LocalAppData%), then the packaged exe driven through a counter's day from its
# command line. Wine is not Windows; the two stand-ins in .ci/wine fill the gaps of Debian's
# Wine 8.0 that Go needs and that every Windows 10 has (see each file), and nothing else differs.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-sqlite_fts5,migrated_fynedo,nodynamic}
PKGS=${PKGS:-./casefile ./casefile/dossier ./casefile/evidence ./data/sqlite ./data/postgres ./cmd/recoverydesk ./ui}
# Left out under Wine, each for a reason of its own:
# - they look at what the code made through Linux programs (poppler's pdftotext, pdfimages and
#   pdftoppm, qpdf, LibreOffice) or compare layouts measured with Linux's fonts; the code they
#   test is the same on Windows and they run in make test's Linux part;
# - they back up and restore a shared database with pg_dump and pg_restore, or stop the server
#   with pg_ctl, which are Linux programs here (on Windows they come with PostgreSQL's installer);
# - it works in a temporary folder it made its working directory, which Wine then will not let
#   go of, so the folder cannot be removed after it (TestCLI_FileNamedLikeAnOption; the option
#   parsing it tests is the same on Windows);
SKIP='^(TestRenderDossier_Declarations|TestRender_HistoryInTheDossiersLanguage|TestRender_ReadFromOutside|TestRender_Images|TestRender_DraftAndRefusal|TestRender_HostileText|TestRenderReceipt|TestRender_PDFReceiptPreview|TestDocuments_PrintTheCaseBranch|TestDocuments_NothingEmptyPrinted|TestRender_Verification|TestRender_VerificationHonest|TestRender_TickReadByMachine|TestRender_NoChecksNoTable|TestRender_LongCheckTable|TestReportXLSX_LibreOffice|TestMarkup_.*|TestDumpAndRestore|TestRestoreDump_FailedChangesNothing|TestDump_PeopleMayNot|TestDump_Manager|TestDump_Destinations|TestCLI_SharedBackupRestore|TestFault_ServerStopsMidImport|TestCLI_FileNamedLikeAnOption)$'

fail() { echo "test-windows-wine: $*" >&2; exit 1; }
command -v wine >/dev/null || fail "wine is missing: make deps installs it (Debian packages wine, wine64)"

work=$(mktemp -d /tmp/recoverydesk-wine.XXXXXX)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
cleanup() {
	wineserver -k 2>/dev/null || true
	[ -z "${pgdir:-}" ] || bash .ci/pg.sh stop "$pgdir" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
start=$(date +%s)
wineboot --init >/dev/null 2>&1 || fail "wineboot could not make a Windows prefix in $WINEPREFIX"
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	.ci/wine/bcryptprimitives.c .ci/wine/bcryptprimitives.def -ladvapi32

# The PostgreSQL tests reach a throwaway server over TCP: a Windows program has no Unix socket.
pgdir=$(mktemp -d /tmp/recoverydesk-pg.XXXXXX) # outside $work, which only its owner may enter
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
RECOVERYDESK_TEST_PG=$(PG_TCP=1 bash .ci/pg.sh start "$pgdir" "$port")
export RECOVERYDESK_TEST_PG

# Built as the package is: with libjpeg-turbo cross-compiled for Windows.
jpeg=$(bash .ci/mingw-libjpeg-turbo.sh)
export CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
	CGO_CFLAGS="-O2 -g -I$jpeg/include" CGO_LDFLAGS="-O2 -g -L$jpeg/lib"
TAGS="$TAGS,turbojpeg"
failed=""
for pkg in $PKGS; do
	name=$(GOOS= GOARCH= $GO list -tags "$TAGS" -f '{{.Name}}' "$pkg")
	dir=$(GOOS= GOARCH= $GO list -tags "$TAGS" -f '{{.Dir}}' "$pkg")
	sed "s/^package PACKAGE$/package $name/" .ci/wine/deleteat.go.in >"$work/deleteat_$name.go"
	printf '{"Replace":{"%s/zz_wine_deleteat_windows_test.go":"%s"}}' "$dir" "$work/deleteat_$name.go" >"$work/overlay.json"
	exe="$work/$(basename "$dir").test.exe"
	$GO test -c -tags "$TAGS" -overlay "$work/overlay.json" -ldflags=-checklinkname=0 -o "$exe" "$pkg"
	echo "== $pkg under Wine"
	# Run from the package's folder, as go test does, so testdata/ is found.
	if ! (cd "$dir" && TZ=Europe/Moscow timeout 900 wine "$exe" -test.short -test.timeout 14m -test.skip "$SKIP" 2>&1 | tr -d '\r' | tee "$work/out.txt" | grep -E '^(--- FAIL|FAIL|ok|PASS|panic)' ; exit "${PIPESTATUS[0]}"); then
		grep -v '^=== ' "$work/out.txt" | head -400
		failed="$failed $pkg"
	fi
done
[ -z "$failed" ] || fail "failed under Wine:$failed"

# The packaged exe itself (linked as a GUI program, statically): a counter's morning from its
# command line, with the database where a Windows user's is, under %LocalAppData%.
name=$(sed -n 's/^Name *= *"\(.*\)"/\1/p' FyneApp.toml)
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
exe="dist/$name-$version-windows-amd64/$name.exe"
[ -f "$exe" ] || fail "$exe is missing: make package-windows builds it"
wuser=$(id -un) # Wine names the Windows profile after the Unix user
rd() { wine "$exe" "$@" 2>&1 | tr -d '\r'; }
echo "== $exe under Wine"
rd --help | grep -q 'AppData\\Local\\RecoveryDesk\\recoverydesk.db' || fail "--help does not name the database under %LocalAppData%: $(rd --help | tail -3)"
rd demo --cases 12 --photos 3 --seed 7 --operator "Анна" | tee "$work/demo.txt" | tail -1
[ -f "$WINEPREFIX/drive_c/users/$wuser/AppData/Local/RecoveryDesk/recoverydesk.db" ] || fail "demo did not make the database under %LocalAppData%"
n=$(rd list --operator "Анна" | grep -c '^20[0-9][0-9]-[0-9]\{5\}') || true
[ "$n" = 12 ] || fail "list shows $n cases, want 12"
number=$(rd list --operator "Анна" | grep -o -m1 '^20[0-9][0-9]-[0-9]\{5\}')
winout='C:\users\'"$wuser"'\Documents\dossier.pdf'
rd export "$number" -o "$winout" --operator "Анна" >/dev/null || fail "export $number failed"
head -c 5 "$WINEPREFIX/drive_c/users/$wuser/Documents/dossier.pdf" | grep -q '%PDF-' || fail "export did not write a PDF"
rd report --csv 'C:\users\'"$wuser"'\Documents\cases.csv' --operator "Анна" >/dev/null || fail "report --csv failed"
grep -q $'\r$' "$WINEPREFIX/drive_c/users/$wuser/Documents/cases.csv" || fail "the CSV report is not in Windows line endings"
rd backup 'C:\users\'"$wuser"'\Documents\backup.db' --operator "Анна" >/dev/null || fail "backup failed"
echo "the exe made 12 cases, listed, exported $number, wrote the report and a backup"
echo "test-windows-wine: every package passed under Wine in $(($(date +%s) - start)) s"
