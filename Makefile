# RecoveryDesk. "make run" and "make test" are all a newcomer needs on Debian/Ubuntu:
# both install what the machine lacks (system packages need root or sudo), then build.

GO        ?= go
TAGS      := sqlite_fts5,migrated_fynedo,nodynamic
BUILDFLAGS := -tags=$(TAGS)
BIN       := bin/recoverydesk
DEMO_DB   := demo/recoverydesk.db
export LANG ?= en_US.UTF-8
export CGO_ENABLED := 1

# System packages: the C toolchain and headers Fyne and SQLite build against, libjpeg-turbo
# (linked statically: photos are decoded shrunk, so the user's machine needs no JPEG library),
# libheif's headers (the library itself is loaded only when a HEIC photo comes, if installed),
# and the tools the tests use to look at the real window and the real PDF; libvips-tools is the
# benchmark's yardstick for photo preparation; LibreOffice (without its GUI) opens the XLSX report
# as a manager's office suite would.
APT_BUILD := gcc pkg-config libgl1-mesa-dev libx11-dev libxrandr-dev libxxf86vm-dev libxi-dev \
             libxcursor-dev libxinerama-dev libwayland-dev libxkbcommon-dev libturbojpeg0-dev libheif-dev
APT_CHECK := xvfb xdotool openbox x11-utils x11-xkb-utils locales imagemagick poppler-utils qpdf img2pdf time postgresql \
             libvips-tools libreoffice-calc-nogui
# The real-window tests run the app in English and in Russian: both locales must exist.
LOCALES   := en_US.UTF-8 ru_RU.UTF-8
# The Windows build: the mingw-w64 cross compiler, cmake and nasm for its libjpeg-turbo (curl
# fetches Debian's source of it), zip for the package, and Wine to run its tests.
APT_WINDOWS := gcc-mingw-w64-x86-64 zip wine wine64 cmake nasm curl

.PHONY: all run build test test-unit test-fuzz test-smoke test-window test-windows vet deps deps-system deps-go bench bench-million screenshots package package-windows clean

all: build

## deps: install the system packages (apt) and Go modules the build and the tests need
deps: deps-system deps-go

deps-system:
	@missing=""; for p in $(APT_BUILD) $(APT_CHECK) $(APT_WINDOWS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@for l in $(LOCALES); do \
		locale -a 2>/dev/null | grep -qix "$$(echo $$l | sed 's/UTF-8/utf8/')" && continue; \
		echo "generating the locale $$l"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO sed -i "s/^# *\($$l UTF-8\)/\1/" /etc/locale.gen && $$SUDO locale-gen >/dev/null || exit 1; \
	done

deps-go:
	$(GO) mod download

## build: the binary at bin/recoverydesk
build: deps
	$(GO) build $(BUILDFLAGS) -o $(BIN) ./cmd/recoverydesk

## run: the app, on a demo database under demo/ (made on first run); your real database is untouched
run: build
	@[ -f $(DEMO_DB) ] || ./$(BIN) demo --db $(DEMO_DB) --cases 300 --photos 40 --operator "Demo"
	./$(BIN) --db $(DEMO_DB)

## test: every test, with the race detector, then the real binary in a real (virtual) window, driven
## from the keyboard in English and Russian, then the Windows package built and checked
test: deps vet test-unit test-smoke test-window test-windows

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:" $$unformatted; exit 1; fi
	$(GO) vet $(BUILDFLAGS) ./...
	@if $(GO) list $(BUILDFLAGS) -deps ./casefile | grep -E '^fyne.io/|^database/sql$$|gofpdf|^image/|^recoverydesk/(ui|data|cmd|casefile/)'; then \
		echo "casefile is the domain: it must not link Fyne, database/sql, the PDF renderer, image codecs or the rest of the app"; exit 1; fi
	@if $(GO) list $(BUILDFLAGS) -deps ./ui | grep -E '^recoverydesk/data($$|/)|go-sqlite3|jackc/pgx'; then echo "ui must not import the store or an engine"; exit 1; fi
	@if $(GO) list $(BUILDFLAGS) -deps ./data/... | grep -E '^fyne.io/|gofpdf|^recoverydesk/ui$$|^recoverydesk/casefile/(dossier|evidence)$$'; then \
		echo "the store must not link the window, the documents or the evidence codecs"; exit 1; fi

# Every test runs in a zone east of UTC, and the tests that print dates once more in UTC, so a
# date that slips a day with the zone or a screen that reads the wall clock shows up here. The
# PostgreSQL engine's tests run against a throwaway server, stopped afterwards even when a test
# fails; a free port is picked so that two runs on one machine do not collide.
# The race detector watches the packages where goroutines share memory: the domain, the stores
# and the screens (background work and fyne.Do). The documents and the evidence codecs are
# mostly sequential code whose tests decode and draw large images, 10-30 times slower under the
# detector; the command's tests run the real binary in child processes, which the detector cannot
# see into. Those run without it, but for the evidence's pool of workers.
RACE_PKGS  := ./casefile ./casefile/sample ./data/... ./ui/...
PLAIN_PKGS := ./casefile/dossier ./casefile/evidence ./cmd/...
# The command's tests that print dates; the rest do not change with the zone.
UTC_CMD    := 'TestCLI_(ImportShowListStatus|ExportReceiptSettings|ReportBackupRestorePurge|Demo)|TestWallClock'
test-unit:
	@set -e; dir=$$(mktemp -d /tmp/recoverydesk-pg.XXXXXX); \
	port=$$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	trap 'bash .ci/pg.sh stop '"$$dir" EXIT; \
	url=$$(bash .ci/pg.sh start $$dir $$port); export RECOVERYDESK_TEST_PG=$$url; \
	TZ=Europe/Moscow $(GO) test $(BUILDFLAGS) -race -count=1 -timeout 45m $(RACE_PKGS); \
	$(GO) test $(BUILDFLAGS) -race -count=1 -run 'InOrder' ./casefile/evidence; \
	TZ=Europe/Moscow $(GO) test $(BUILDFLAGS) -count=1 -timeout 30m $(PLAIN_PKGS); \
	TZ=UTC $(GO) test $(BUILDFLAGS) -count=1 -timeout 30m ./ui ./casefile ./casefile/dossier; \
	TZ=UTC $(GO) test $(BUILDFLAGS) -count=1 -timeout 30m -run $(UTC_CMD) ./cmd/...
	@$(MAKE) --no-print-directory test-fuzz

## test-fuzz: each fuzz target for a fixed number of runs
test-fuzz:
	@# Budgets are counts of runs, not seconds: Go 1.26's fuzz coordinator can fail a target
	@# with "context deadline exceeded" when a timed budget ends under load (go.dev/issue/75804).
	@for t in casefile:FuzzParseIMEI:20000 casefile:FuzzDecodeImport:8000 casefile/evidence:FuzzPrepareEvidence:3000 casefile/dossier:FuzzDossierText:24; do \
		pkg=$${t%%:*}; rest=$${t#*:}; name=$${rest%%:*}; runs=$${rest#*:}; \
		$(GO) test $(BUILDFLAGS) -run '^$$' -fuzz "^$$name$$" -fuzztime $${runs}x ./$$pkg || exit 1; \
	done

test-smoke: build
	bash .ci/smoke.sh $(BIN)

## test-window: every screen of the real binary driven from the keyboard under Xvfb, in English
## and Russian; then two counters of different branches and the manager at once on a throwaway
## PostgreSQL (screenshots of a failure land in .ci/failed/)
test-window: build
	bash .ci/window.sh $(BIN)
	bash .ci/team-window.sh $(BIN)

## bench: the benchmarks (not part of make test)
bench: build
	bash .ci/bench.sh

## bench-million: the list's searches over 1,000,000 cases on both engines (most of an hour)
bench-million:
	bash .ci/bench-million.sh

clean:
	rm -rf bin dist

## screenshots: PNGs of the main screens (English and Russian) and a dossier, into docs/
screenshots: build
	bash .ci/screenshots.sh $(BIN) docs

## package: a Linux tarball with a .desktop file, by Fyne's packaging tool (dist/)
package: build
	cp FyneApp.toml Icon.png cmd/recoverydesk/
	cd cmd/recoverydesk && $(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux -tags $(TAGS) --release
	mkdir -p dist && mv cmd/recoverydesk/*.tar.xz dist/
	rm -f cmd/recoverydesk/FyneApp.toml cmd/recoverydesk/Icon.png

## package-windows: the Windows (x64) build, cross-compiled with mingw-w64: a folder to unzip and
## its .zip in dist/ (the .exe with icon and version from FyneApp.toml, README.txt, licences)
package-windows: deps
	GO=$(GO) TAGS=$(TAGS) bash .ci/package-windows.sh

## test-windows: the Windows package built and checked from Linux (architecture, GUI subsystem,
## only Windows system DLLs imported), then the Windows build's tests and the packaged exe run
## under Wine; part of make test, so a change that breaks Windows is red
test-windows: package-windows
	bash .ci/check-windows.sh
	GO=$(GO) TAGS=$(TAGS) bash .ci/test-windows-wine.sh
