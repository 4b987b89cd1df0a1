#!/usr/bin/env bash
# The real window, driven from the keyboard as a technician would: the real binary under Xvfb
# with a window manager (openbox), on demo databases, in English and in Russian. Every step
# then proves that the process is alive, that nothing panicked, and that the step did what it
# says, through the CLI ("show --json", "settings") and the files on disk.
#
#   bash .ci/window.sh [BIN]            WINDOW_DISPLAY=91 picks the X display (else the first
#                                       free one from :90 up); WINDOW_LANGS="en" runs one language
#
# A failure leaves screenshots and the app's output in .ci/failed/.
set -euo pipefail
bin=$(realpath "${1:-bin/recoverydesk}")
root=$(cd "$(dirname "$0")/.." && pwd)
failed="$root/.ci/failed"
work=$(mktemp -d)
app="" xvfb="" wm=""
cleanup() {
	for p in $app $wm $xvfb; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
started=$(date +%s)
keys=0 # keys pressed in the intake beyond the typed text

# --- the display -------------------------------------------------------------------------
free_display() {
	if [ -n "${WINDOW_DISPLAY:-}" ]; then echo "${WINDOW_DISPLAY#:}"; return; fi
	for n in $(seq 90 189); do
		[ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { echo "$n"; return; }
	done
	echo "window: no free X display between :90 and :189" >&2
	exit 1
}
n=$(free_display)
export DISPLAY=":$n"
# No auto-repeat: on a loaded machine a key xdotool holds for a few hundred milliseconds would
# otherwise arrive twice ("Kootoova").
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp -r -ardelay 60000 -arinterval 60000 >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
xdpyinfo >/dev/null 2>&1 || sleep 0.5
openbox >"$work/openbox.log" 2>&1 &
wm=$!
# The window manager is up once it says it can raise a window: a step that raises one before
# that fails with xdotool's "does not support _NET_ACTIVE_WINDOW" on a loaded machine.
for _ in $(seq 1 200); do xprop -root _NET_SUPPORTED 2>/dev/null | grep -q _NET_ACTIVE_WINDOW && break; sleep 0.05; done
xprop -root _NET_SUPPORTED 2>/dev/null | grep -q _NET_ACTIVE_WINDOW || { echo "$(basename "$0"): openbox did not start:"; cat "$work/openbox.log"; exit 1; }
# Cyrillic from xdotool type arrives only with a Russian layout loaded beside the Latin one.
setxkbmap -layout us,ru
for l in en_US ru_RU; do
	locale -a | grep -qi "^$l.utf8$" || { echo "window: the locale $l.UTF-8 is missing; run make deps"; exit 1; }
done

# --- helpers ------------------------------------------------------------------------------
step="start"
log="$work/app.err"
fail() {
	mkdir -p "$failed"
	local shot
	shot="$failed/$(date +%H%M%S)-${lang:-x}-${step// /_}.png"
	import -window root "$shot" 2>/dev/null || true
	cp "$log" "$failed/app-${lang:-x}.log" 2>/dev/null || true
	echo "window: FAILED [$lang] $step: $*"
	echo "window: screenshot $shot; the app's output:"
	tail -n 40 "$log" 2>/dev/null || true
	exit 1
}
# healthy: the app runs and has not panicked.
healthy() {
	if grep -qE 'panic|goroutine [0-9]+ ' "$log" 2>/dev/null; then fail "the app panicked"; fi
	[ -z "${app:-}" ] || kill -0 "$app" 2>/dev/null || fail "the app died"
}
say() { printf '  %-8s %s\n' "[$lang]" "$*"; }
# begin names a step, which the failure message and screenshot carry.
begin() {
	healthy
	step=$1
}
# wait_window TITLE_REGEX waits for a window and activates it; prints its id.
wait_window() {
	local id
	id=$(timeout 15 xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | tail -n 1) || true
	[ -n "$id" ] || fail "no window \"$1\""
	xdotool windowactivate --sync "$id" 2>/dev/null || xdotool windowfocus --sync "$id"
	nap 0.3
	echo "$id"
}
# gone TITLE_REGEX waits until no window has the title.
gone() {
	for _ in $(seq 1 50); do
		xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 || return 0
		nap 0.1
	done
	fail "the window \"$1\" is still open"
}
# nap SECONDS sleeps, times WINDOW_PACE (default 1): a busy machine draws a dialog later than
# the next key comes, so a slower pace keeps the keys in the place they are meant for.
pace=${WINDOW_PACE:-1}
nap() { sleep "$(awk -v s="$1" -v p="$pace" 'BEGIN { print s * p }')"; }
k() { xdotool key --delay 60 "$@"; nap 0.15; }
typ() { xdotool type --delay 25 "$1"; nap 0.15; }
# look prints a fingerprint of what window $1 shows; opens WINDOW KEYS... presses the keys and
# fails unless the window then shows something else (a dialog dims it and draws over it).
look() { import -window "$1" rgb:- 2>/dev/null | md5sum; }
opens() {
	local win=$1 before
	shift
	before=$(look "$win")
	k "$@"
	for _ in $(seq 1 20); do
		nap 0.1
		[ "$(look "$win")" = "$before" ] || return 0
	done
	fail "nothing opened after $*"
}
# ik presses keys that count towards the intake's key figure.
ik() {
	keys=$((keys + $#))
	k "$@"
}
json() { "$bin" show --json --show-id "$1" --db "$db"; }
# field CASE PYTHON_EXPR prints a value of "show --json CASE" (c is the case).
field() { json "$1" | python3 -c "import json,sys; c=json.load(sys.stdin); print($2)"; }
expect() { # WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got \"$2\", want \"$3\""
}
settle() { # lets background work (the database, decoding) finish before the CLI looks
	nap "${1:-0.6}"
}
start_app() { # ARGS...
	LANG=$locale LANGUAGE= LC_ALL=$locale HOME="$home" XDG_RUNTIME_DIR="$home/run" "$bin" --db "$db" --operator walker "$@" >"$work/app.out" 2>"$log" &
	app=$!
}
stop_app() {
	healthy
	kill "$app" 2>/dev/null || true
	wait "$app" 2>/dev/null || true
	app=""
}
valid_imei() { # a random valid IMEI, so that no demo case shares it
	python3 -c "
import random
d=[8,6]+[random.randrange(10) for _ in range(12)]
s=0
for i,x in enumerate(d):
    if i%2==1:
        x*=2
        x=x-9 if x>9 else x
    s+=x
print(''.join(map(str,d))+str((10-s%10)%10))"
}

# --- one language -------------------------------------------------------------------------
walk() {
	lang=$1 locale=$2
	home="$work/home-$lang"
	db="$home/desk/recoverydesk.db"
	mkdir -p "$home/desk" "$home/.cache" "$home/run"
	chmod 700 "$home/run"
	"$bin" demo --db "$db" --cases 60 --photos 3 --seed 7 --operator walker >/dev/null
	# Evidence to add: a photo of the box and a receipt, made here.
	convert -size 640x480 xc:white -gravity center -pointsize 40 -annotate 0 "IMEI 490154203237518" "$home/box.jpg"
	convert -size 600x800 xc:white -gravity north -pointsize 30 -annotate +0+40 "RECEIPT 123" "$home/receipt.png"
	local t_case t_new t_over t_set
	if [ "$lang" = ru ]; then
		t_case='^RecoveryDesk — Дело '; t_new='^RecoveryDesk — Новое дело$'; t_over='^RecoveryDesk — Обзор$'; t_hist='^RecoveryDesk — История всех дел$'
		name="Иванов Иван Иванович"; story="Куплен в салоне связи в марте, чек сохранён."; center="Сервисный центр \"Мастер\""  # xdotool cannot type « » with two layouts loaded
	else
		t_case='^RecoveryDesk — Case '; t_new='^RecoveryDesk — New case$'; t_over='^RecoveryDesk — Overview$'; t_hist='^RecoveryDesk — History of all cases$'
		name="John Smith"; story="Bought new at the mall in March, receipt kept."; center="Desk Repair Ltd"
	fi

	# 0. A mistyped database path: said in a window (a shortcut's stderr goes nowhere), Enter
	# closes it, nothing is created.
	begin "a database that does not open"
	LANG=$locale LANGUAGE= LC_ALL=$locale HOME="$home" XDG_RUNTIME_DIR="$home/run" "$bin" --db "$home/deskk/recoverydesk.db" >"$work/app.out" 2>"$log" &
	app=$!
	wait_window '^RecoveryDesk$' >/dev/null
	k Return
	for _ in $(seq 1 50); do kill -0 "$app" 2>/dev/null || break; nap 0.1; done
	kill -0 "$app" 2>/dev/null && fail "Enter did not close the window that says the database did not open"
	code=0
	wait "$app" || code=$?
	app=""
	[ "$code" = 1 ] || fail "exit code $code after a database that did not open, want 1"
	[ ! -e "$home/deskk" ] || fail "the mistyped folder was created"
	grep -q -- "--create" "$log" || fail "stderr does not say how to make a new database: $(cat "$log")"
	say "a mistyped --db: said in a window, Enter closed it, exit 1, nothing created"

	# 1. First start: who works here and which service center; Enter saves.
	begin "first start"
	start_app
	main=$(wait_window '^RecoveryDesk')
	nap 0.8
	typ "Anna Kotova"
	k Tab
	typ "$center"
	k Tab
	typ "Tverskaya 7"
	k Tab
	typ "+7 495 123-45-67"
	k Tab
	typ "desk@example.com"
	k Return
	settle
	got=$("$bin" settings --db "$db" | python3 -c "import json,sys; s=json.load(sys.stdin); print(s['technician'], '|', s['center_name'], '|', s['center_email'])")
	expect "the first start's settings" "$got" "Anna Kotova | $center | desk@example.com"
	say "first start: technician and service center saved with Enter"

	# 2. The case list: Ctrl+F, a number, Down to the rows, Enter opens the case.
	begin "search and open"
	target=$("$bin" list --db "$db" --status intake --limit 1 --json | python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['number'])")
	xdotool windowactivate --sync "$main"
	k ctrl+f
	typ "$target"
	nap 0.6
	k Down
	k Return
	wait_window "$t_case$target\$" >/dev/null
	say "search: Ctrl+F, Down, Enter opened $target"
	begin "close an unchanged case with Esc"
	k Escape
	gone "$t_case$target\$"
	say "Esc closed the unchanged case window"

	# 3. A whole intake from the keyboard alone.
	begin "keyboard intake"
	imei=$(valid_imei)
	xdotool windowactivate --sync "$main"
	keys=0
	ik ctrl+n
	form=$(wait_window "$t_new")
	typ "$name"
	ik Tab
	typ "+7 912 345-67-89"
	ik Tab
	typ "ivan@example.com"
	ik Tab
	typ "Passport"
	ik Tab
	typ "4510 123456"
	ik Tab space # declares the phone is not lost or stolen
	ik Tab space # consent
	ik Tab space # understands the phone may be erased
	ik Tab space # confirms the facts are true
	ik Tab
	typ "Xiaomi"
	ik Tab
	typ "Redmi Note 12"
	ik Tab
	typ "${imei:0:14}" # the check digit left out: the form offers it
	nap 0.5
	ik Tab space # "Use …": the suggested check digit, and the focus stays in IMEI 1

	ik Tab # IMEI 2 stays empty
	ik Tab
	typ "SN123456"
	ik Tab
	typ "locked by account 123***789"
	ik Tab
	typ "+79123456789"
	ik Tab space # knows the login
	ik Tab space # controls the linked contact
	ik Tab Right # channel: the first choice
	ik Tab
	typ "2025-03-15"
	ik Tab
	typ "Svyaznoy"
	ik Tab
	typ "+7 800 700-00-00"
	ik Tab
	typ "R-0042"
	ik Tab
	typ "19990"
	ik Tab
	typ "$story"
	ik Tab space # IMEI matches the box: Tab left the multi-line statement
	ik Tab space # IMEI matches the receipt
	ik Tab # why the numbers differ: they do not
	ik Tab Right # support region: the next one
	ik Tab
	typ "Came in at 10:15."
	ik ctrl+s
	settle 1
	title=$(xdotool getwindowname "$form")
	num=${title##* }
	[[ $num =~ ^[0-9A-Z-]+$ ]] || fail "the saved case has no number in its title: \"$title\""
	got=$(field "$num" "'|'.join(str(x) for x in [c['customer']['name'], c['customer']['phone'], c['customer']['email'],
		c['customer']['id_document']['type'], c['customer']['id_document']['number'], c['customer']['consent'],
		bool(c['declarations'].get('not_lost_or_stolen_at')), bool(c['declarations'].get('may_be_erased_at')), bool(c['declarations'].get('facts_true_at')),
		c['device']['brand'], c['device']['model'], c['device']['imei1'], c['device']['imei2'], c['device']['serial'],
		c['device']['lock_screen_text'], c['account']['identifier'], c['account']['knows_login'],
		c['account']['controls_linked_contact'], c['purchase']['channel'] != '', c['purchase']['date'], c['purchase']['seller'],
		c['purchase']['seller_contact'], c['purchase']['receipt_number'], c['purchase']['price'], c['ownership_statement'],
		c['verification']['imei_matches_box'], c['verification']['imei_matches_receipt'], c['support_region'] not in ('', 'global'),
		c['notes']])")
	want="$name|+7 912 345-67-89|ivan@example.com|Passport|4510 123456|True|True|True|True|Xiaomi|Redmi Note 12|$imei||SN123456|locked by account 123***789|+79123456789|True|True|True|2025-03-15|Svyaznoy|+7 800 700-00-00|R-0042|19990|$story|True|True|True|Came in at 10:15."
	expect "the keyboard intake" "$got" "$want"
	say "intake: every field stored from the keyboard alone; $keys keys beyond the typed text, no mouse"
	intake_keys=$keys

	# 4. Evidence: the file dialog opens (and Esc closes it), a typed path adds a file.
	begin "file dialog"
	opens "$form" ctrl+d
	nap 0.5
	healthy
	k Escape
	begin "evidence by a typed path"
	typ "$home/box.jpg"
	k Return
	nap 0.6
	k Return # "What does each file show?": the guessed kind, Enter adds
	settle 1.5
	expect "attachments after a typed path" "$(field "$num" "len(c['attachments'])")" "1"
	say "evidence: the file dialog opened and closed; a typed path added box.jpg"

	# 5. Status, export and receipt from their shortcuts.
	begin "status dialog"
	opens "$form" ctrl+t
	nap 0.3
	k Tab space # the first status offered
	k Tab Tab Tab # each choice takes the focus: past the other two to the note
	typ "checked at the counter"
	k Tab Tab space # past Cancel to Change
	settle 1
	st=$(field "$num" "c['status']")
	[ "$st" != intake ] || fail "the status did not change"
	say "status: changed to $st from the keyboard"

	begin "export"
	opens "$form" ctrl+e
	nap 0.3
	k Return # Export with what the dialog proposes
	settle 2.5
	ls "$home/RecoveryDesk/$num/"*.pdf >/dev/null 2>&1 || fail "no dossier in $home/RecoveryDesk/$num"
	k Return # the result: Enter closes it
	say "export: $(ls "$home/RecoveryDesk/$num" | tr '\n' ' ')"

	begin "receipt"
	k ctrl+p
	settle 1.5
	[ -s "$home/RecoveryDesk/$num/receipt-$num.pdf" ] || fail "no receipt"
	k Escape
	say "receipt: receipt-$num.pdf"

	begin "close the case"
	k ctrl+w
	gone "$t_case$num\$"

	# 6. The overview: the report (XLSX by default), backup, restore's dialog, purge, batch export, history.
	begin "overview"
	xdotool windowactivate --sync "$main"
	k ctrl+o
	over=$(wait_window "$t_over")
	nap 0.8
	# Each dialog takes the focus away when it closes: every button is counted from the first
	# (Report…, Export all ready…, Back up now, Restore…, Purge old documents…, History).
	k Tab space # Report…
	nap 0.6
	k Return # Save as… with every case, as a spreadsheet
	nap 1
	k Return # the file dialog proposes the export folder and today's name
	settle 1.5
	xlsx=$(ls "$home/RecoveryDesk/"recoverydesk-report-*.xlsx 2>/dev/null | head -n 1 || true) # none: fail says so below
	[ -n "$xlsx" ] || fail "no XLSX report"
	rows=$(python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet2.xml").decode().count("<row "))' "$xlsx")
	rows=$((rows - 1))
	[ "$rows" -ge 60 ] || fail "the XLSX report has $rows rows"
	k Escape # "Report written"
	say "XLSX report: $rows rows"

	begin "export all ready"
	opens "$over" Tab Tab space
	settle 2
	k Return # the result: Enter closes it
	say "export all ready: ran to its end"

	begin "backup"
	before=$(ls "$home/desk/backups" 2>/dev/null | wc -l)
	k Tab Tab Tab space
	settle 1.5
	after=$(ls "$home/desk/backups" 2>/dev/null | wc -l)
	[ "$after" -gt "$before" ] || fail "no backup made ($before before, $after after)"
	k Escape
	say "backup: $after files in backups/"

	begin "restore dialog"
	opens "$over" Tab Tab Tab Tab space
	nap 0.5
	healthy
	k Escape
	begin "purge dialog"
	opens "$over" Tab Tab Tab Tab Tab space
	nap 0.5
	k Escape
	begin "history of all cases"
	k Tab Tab Tab Tab Tab Tab space
	wait_window "$t_hist" >/dev/null
	nap 0.5
	k Escape
	gone "$t_hist"
	say "overview: restore's file dialog, purge and the history opened and closed"
	begin "close the overview"
	xdotool windowactivate --sync "$over" 2>/dev/null || true
	k Escape
	gone "$t_over"

	# 7. The menu with the mouse, then its items from the keyboard: Cases → History of all cases.
	begin "menu"
	xdotool windowactivate --sync "$main"
	xdotool mousemove --window "$main" 30 14 click 1
	nap 0.5
	k Down Down Down Down Return # New case, Find, Overview, History of all cases
	wait_window "$t_hist" >/dev/null
	k Escape
	gone "$t_hist"
	say "menu: opened with the mouse; History of all cases chosen with the arrows and Enter"

	# 8. Settings: Ctrl+, then a new center name, Enter saves.
	begin "settings"
	xdotool windowactivate --sync "$main"
	k ctrl+comma
	nap 0.6
	k Tab ctrl+a
	typ "$center 2"
	k Return
	settle
	got=$("$bin" settings --db "$db" | python3 -c "import json,sys; print(json.load(sys.stdin)['center_name'])")
	expect "the center's name after Settings" "$got" "$center 2"
	say "settings: saved with Enter"

	begin "quit"
	k ctrl+q
	for _ in $(seq 1 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
	if kill -0 "$app" 2>/dev/null; then fail "Ctrl+Q did not quit"; fi
	grep -qE 'panic|goroutine [0-9]+ ' "$log" && fail "the app panicked"
	wait "$app" 2>/dev/null || true
	app=""
}

for l in ${WINDOW_LANGS:-en ru}; do
	case $l in
	en) walk en en_US.UTF-8 ;;
	ru) walk ru ru_RU.UTF-8 ;;
	esac
done
echo "window: keyboard intake = $intake_keys keys beyond the typed text, 0 mouse clicks"
echo "window: all steps passed in $(($(date +%s) - started)) s"
