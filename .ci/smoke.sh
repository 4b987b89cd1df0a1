#!/usr/bin/env bash
# Starts the real binary in a virtual X display on a fresh demo database and proves that its
# main window, titled "RecoveryDesk …", appears. Also runs the binary's CLI once, as a user would.
set -euo pipefail
bin=${1:-bin/recoverydesk}
work=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export LANG=${LANG:-en_US.UTF-8}

"$bin" imei 490154203237518 >/dev/null
if "$bin" imei 490154203237519 >/dev/null; then echo "smoke: an invalid IMEI was accepted"; exit 1; fi
"$bin" demo --db "$work/demo.db" --cases 200 --photos 5 --seed 1 >/dev/null

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
start=$(date +%s.%N)
DISPLAY=$display "$bin" --db "$work/demo.db" --operator smoke >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 150); do
	if win=$(DISPLAY=$display xdotool search --name '^RecoveryDesk' 2>/dev/null | head -n 1) && [ -n "$win" ]; then
		end=$(date +%s.%N)
		title=$(DISPLAY=$display xdotool getwindowname "$win")
		printf 'smoke: window "%s" appeared after %.2f s\n' "$title" "$(awk "BEGIN{print $end - $start}")"
		exit 0
	fi
	if ! kill -0 $app 2>/dev/null; then echo "smoke: the app exited early:"; cat "$work/app.log"; exit 1; fi
	sleep 0.1
done
echo "smoke: no RecoveryDesk window within 15 s"; cat "$work/app.log"; exit 1
