#!/usr/bin/env bash
# Proves that typing survives a kill: starts the real binary in a virtual X display with a
# window manager, opens a new case with Ctrl+N, types, waits for the draft, kills the process
# with SIGKILL, starts it again, restores the draft from the keyboard, saves with Ctrl+S, and
# checks the stored case through the CLI. Usage: .ci/draft-kill.sh BIN [DISPLAY_NUMBER]
set -euo pipefail
bin=$(realpath "${1:-bin/recoverydesk}")
display=:${2:-92}
work=$(mktemp -d)
app= xvfb= wm=
cleanup() {
	for p in $app $wm $xvfb; do kill "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT
export LANG=${LANG:-en_US.UTF-8} DISPLAY=$display
db=$work/desk.db
fail() { echo "draft-kill: $*"; [ -f "$work/app.log" ] && tail -n 40 "$work/app.log"; exit 1; }

"$bin" settings --create --db "$db" technician="Kill Test" >/dev/null

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
openbox >/dev/null 2>&1 &
wm=$!
sleep 1

# waitwin NAME: the id of the first window whose title matches, within 60 s.
waitwin() {
	for _ in $(seq 1 600); do
		if w=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1) && [ -n "$w" ]; then
			echo "$w"
			return 0
		fi
		kill -0 "$app" 2>/dev/null || fail "the app exited while waiting for \"$1\""
		sleep 0.1
	done
	fail "no window \"$1\" within 60 s"
}

start() {
	"$bin" --db "$db" --operator kill >>"$work/app.log" 2>&1 &
	app=$!
}

start
main=$(waitwin '^RecoveryDesk$')
xdotool windowactivate --sync "$main" key ctrl+n
form=$(waitwin 'New case')
xdotool windowactivate --sync "$form"
sleep 1
xdotool type --delay 30 "Draft Survivor"
xdotool key Tab
xdotool type --delay 30 "+7 900 111-22-33"
for _ in $(seq 1 100); do
	ls "$(dirname "$db")/drafts/"new-*.json >/dev/null 2>&1 && break
	sleep 0.1
done
ls "$(dirname "$db")/drafts/"new-*.json >/dev/null 2>&1 || fail "no draft was written within 10 s of the last keystroke"
perm=$(stat -c %a "$(dirname "$db")"/drafts/new-*.json)
[ "$perm" = 600 ] || fail "the draft has mode $perm, want 600"
kill -KILL "$app"
wait "$app" 2>/dev/null || true
grep -q "^panic:" "$work/app.log" && fail "a panic before the kill"

start
waitwin '^RecoveryDesk$' >/dev/null
sleep 2
xdotool key space # the restore button has the focus
form=$(waitwin 'New case')
xdotool windowactivate --sync "$form"
sleep 1
xdotool key ctrl+s
for _ in $(seq 1 100); do
	num=$("$bin" list --db "$db" --json 2>/dev/null | grep -o '"number": *"[^"]*"' | head -n 1 | cut -d'"' -f4 || true)
	[ -n "$num" ] && break
	sleep 0.2
done
[ -n "${num:-}" ] || fail "the restored case was not saved"
json=$("$bin" show --db "$db" --json "$num")
grep -q '"name": *"Draft Survivor"' <<<"$json" || fail "the saved case lacks the name typed before the kill: $json"
grep -q '"phone": *"+7 900 111-22-33"' <<<"$json" || fail "the saved case lacks the phone typed before the kill: $json"
for _ in $(seq 1 50); do
	ls "$(dirname "$db")/drafts/"*.json >/dev/null 2>&1 || break
	sleep 0.1
done
ls "$(dirname "$db")/drafts/"*.json >/dev/null 2>&1 && fail "a draft is left after saving"
grep -q "^panic:" "$work/app.log" && fail "a panic after the restore"
echo "draft-kill: typing survived SIGKILL and was saved as case $num"
