#!/usr/bin/env bash
# A service center on one shared database, tried as its people would, at once: two counters of
# different branches and the manager, each in a real window of their own (Xvfb with openbox),
# signed in as their own PostgreSQL login on a throwaway server. Each counter sees its own
# branch's cases, the manager sees both; a case opened and a status changed at one counter reach
# the manager's list within two seconds, and the other counter never sees them. A failure leaves
# a screenshot of the three windows and the apps' output in .ci/failed/.
#
#   bash .ci/team-window.sh [BIN]     TEAM_SHOTS=DIR also keeps the side-by-side screenshot there
set -euo pipefail
bin=$(realpath "${1:-bin/recoverydesk}")
root=$(cd "$(dirname "$0")/.." && pwd)
failed="$root/.ci/failed"
work=$(mktemp -d)
pgdir=$(mktemp -d /tmp/recoverydesk-pg.XXXXXX)
apps="" xvfb="" wm=""
cleanup() {
	for p in $apps $wm $xvfb; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	bash "$root/.ci/pg.sh" stop "$pgdir"
	rm -rf "$work"
}
trap cleanup EXIT
fail() {
	mkdir -p "$failed"
	import -window root "$failed/team-$(date +%H%M%S).png" 2>/dev/null || true
	for l in anna boris maria; do cp "$work/$l.err" "$failed/team-$l.log" 2>/dev/null || true; done
	echo "team-window: FAILED: $*"
	exit 1
}

# --- the server, the branches and the people ----------------------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server=$(bash "$root/.ci/pg.sh" start "$pgdir" "$port")
psql -q "$server" -c "CREATE DATABASE center ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
center=${server/\/postgres\?//center?}
as() { echo "${center/postgres:\/\/postgres@/postgres://$1@}"; }
"$bin" branch add MSK-1 --name "Москва, Тверская" --phone "+7 495 000-00-00" --db "$center" >/dev/null
"$bin" branch add SPB --name "Санкт-Петербург, Невский" --phone "+7 812 000-00-00" --db "$center" >/dev/null
echo "a-long-enough-password" >"$work/pw"
"$bin" staff add anna --role technician --branch MSK-1 --name "Анна Смирнова" --password-file "$work/pw" --db "$center" >/dev/null
"$bin" staff add boris --role technician --branch SPB --name "Борис Петров" --password-file "$work/pw" --db "$center" >/dev/null
"$bin" staff add maria --role manager --name "Мария Иванова" --password-file "$work/pw" --db "$center" >/dev/null

# newcase FILE NAME: a case for import, with an IMEI of its own.
newcase() {
	python3 - "$1" "$2" <<'PY'
import json, random, sys
d = [8, 6] + [random.randrange(10) for _ in range(12)]
s = sum((x * 2 - 9 if x * 2 > 9 else x * 2) if i % 2 else x for i, x in enumerate(d))
imei = "".join(map(str, d)) + str((10 - s % 10) % 10)
json.dump({"customer": {"name": sys.argv[2], "phone": "+7 912 345-67-89", "consent": True},
           "device": {"brand": "Xiaomi", "model": "Redmi Note 12", "imei1": imei}},
          open(sys.argv[1], "w"), ensure_ascii=False)
PY
}
i=0
for who in anna anna anna boris boris; do
	i=$((i + 1))
	newcase "$work/case$i.json" "Клиент $who $i"
	"$bin" import --db "$(as $who)" "$work/case$i.json" >/dev/null
done

# --- three windows side by side --------------------------------------------------------------
n=$(for d in $(seq 90 189); do [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] || { echo "$d"; break; }; done)
[ -n "$n" ] || fail "no free X display"
export DISPLAY=":$n"
Xvfb "$DISPLAY" -screen 0 1920x900x24 -nolisten tcp -r >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
openbox >"$work/openbox.log" 2>&1 &
wm=$!
# The window manager is up once it says it can raise a window: a step that raises one before
# that fails with xdotool's "does not support _NET_ACTIVE_WINDOW" on a loaded machine.
for _ in $(seq 1 200); do xprop -root _NET_SUPPORTED 2>/dev/null | grep -q _NET_ACTIVE_WINDOW && break; sleep 0.05; done
xprop -root _NET_SUPPORTED 2>/dev/null | grep -q _NET_ACTIVE_WINDOW || { echo "$(basename "$0"): openbox did not start:"; cat "$work/openbox.log"; exit 1; }
x=0 taken=""
for who in anna boris maria; do
	home="$work/home-$who"
	mkdir -p "$home/.cache" "$home/run"
	chmod 700 "$home/run"
	LANG=ru_RU.UTF-8 LANGUAGE= HOME="$home" XDG_RUNTIME_DIR="$home/run" "$bin" --db "$(as $who)" >"$work/$who.out" 2>"$work/$who.err" &
	apps="$apps $!"
	eval "pid_$who=$!"
	# The new window is the one not yet taken (GLFW sets no _NET_WM_PID for --pid to find).
	id=""
	for _ in $(seq 1 100); do
		for w in $(xdotool search --onlyvisible --name '^RecoveryDesk' 2>/dev/null); do
			case " $taken " in *" $w "*) ;; *) id=$w ;; esac
		done
		[ -n "$id" ] && break
		sleep 0.1
	done
	[ -n "$id" ] || fail "$who's window did not open"
	eval "win_$who=$id"
	taken="$taken $id"
	xdotool windowsize "$id" 640 860 windowmove "$id" $x 0
	x=$((x + 640))
done

# title WHO: the main window's title, "RecoveryDesk — N дел…".
title() { xdotool getwindowname "$(eval echo \$win_$1)"; }
# count WHO: the number of cases the title shows.
count() { title "$1" | grep -o '[0-9]\+' | head -n 1; }
# within SECONDS WHO N: waits until WHO's window shows N cases.
within() {
	local until=$(($(date +%s%N) + $1 * 1000000000))
	while [ "$(date +%s%N)" -lt "$until" ]; do
		[ "$(count "$2")" = "$3" ] && return 0
		sleep 0.1
	done
	return 1
}
within 10 anna 3 || fail "anna (MSK-1) sees \"$(title anna)\", want her branch's 3 cases"
within 10 boris 2 || fail "boris (SPB) sees \"$(title boris)\", want his branch's 2 cases"
within 10 maria 5 || fail "maria (manager) sees \"$(title maria)\", want all 5 cases"
echo "team-window: anna (MSK-1) sees 3 cases, boris (SPB) 2, maria (manager) 5"

# A case opened at boris's counter: the manager's list has it within two seconds, anna's not.
newcase "$work/case6.json" "Клиент boris 6"
"$bin" import --db "$(as boris)" "$work/case6.json" >/dev/null
t0=$(date +%s%N)
within 2 maria 6 || fail "the manager's list did not show boris's new case within 2 s: \"$(title maria)\""
took=$((($(date +%s%N) - t0) / 1000000))
within 2 boris 6 2>/dev/null || within 1 boris 3 || fail "boris's own list: \"$(title boris)\""
sleep 1
[ "$(count anna)" = 3 ] || fail "anna sees another branch's case: \"$(title anna)\""
echo "team-window: boris's new case reached the manager's list in $took ms; anna still sees 3"

# A status change at anna's counter: the rows of the manager's list change within two seconds
# (its status column), boris's rows do not. Only the rows are compared: a cursor blinks above.
rows() { import -window "$(eval echo \$win_$1)" -crop 600x420+0+190 rgb:- 2>/dev/null | md5sum; }
num=$("$bin" list --db "$(as anna)" --json | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["number"])')
before_maria=$(rows maria) before_boris=$(rows boris)
"$bin" status --db "$(as anna)" "$num" closed --note "the customer took the phone back" >/dev/null
t0=$(date +%s%N)
changed=""
while [ $(($(date +%s%N) - t0)) -lt 2000000000 ]; do
	[ "$(rows maria)" != "$before_maria" ] && changed=1 && break
	sleep 0.1
done
[ -n "$changed" ] || fail "the manager's list did not change within 2 s of a status change at anna's counter"
took=$((($(date +%s%N) - t0) / 1000000))
got=$("$bin" show --db "$(as maria)" --json "$num" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
[ "$got" = closed ] || fail "the manager reads status $got for $num"
[ "$(rows boris)" = "$before_boris" ] || fail "boris's list changed at a status change in another branch"
echo "team-window: anna's status change showed in the manager's list in $took ms; boris's list unchanged"

# The manager backs up the shared database from the overview, with the keyboard alone: Ctrl+O,
# Tab to "Back up now", Space, Enter on the name the save dialog offers. pg_dump writes it; the
# file must be a whole backup of the app's schema.
xdotool windowactivate --sync "$win_maria" 2>/dev/null || true
xdotool key --clearmodifiers ctrl+o
overview=""
for _ in $(seq 1 50); do
	overview=$(xdotool search --onlyvisible --name '^RecoveryDesk — Обзор' 2>/dev/null | head -n 1 || true)
	[ -n "$overview" ] && break
	sleep 0.1
done
[ -n "$overview" ] || fail "Ctrl+O did not open the manager's overview"
xdotool windowactivate --sync "$overview" 2>/dev/null || true
sleep 0.5
xdotool key Tab Tab Tab space
sleep 1.5
xdotool key Return
dump=""
for _ in $(seq 1 100); do
	dump=$(find "$work/home-maria" -name 'recoverydesk-shared-*.dump' -size +1k 2>/dev/null | head -n 1)
	[ -n "$dump" ] && break
	sleep 0.2
done
[ -n "$dump" ] || fail "the overview's Back up now wrote no backup of the shared database"
pg_restore --list "$dump" >"$work/dump.list" || fail "pg_restore cannot read $dump"
grep -q "TABLE DATA recoverydesk cases" "$work/dump.list" || fail "$dump is not a backup of the app's cases"
[ "$(stat -c %a "$dump")" = 600 ] || fail "$dump is readable by others ($(stat -c %a "$dump"))"
echo "team-window: the manager backed up the shared database from the overview: $(basename "$dump"), $(stat -c %s "$dump") bytes"
# Esc closes the "backup made" dialog, then the overview.
sleep 1
xdotool key Escape 2>/dev/null || true
sleep 0.3
xdotool key Escape 2>/dev/null || true

sleep 2
for who in anna boris maria; do
	kill -0 "$(eval echo \$pid_$who)" 2>/dev/null || fail "$who's window died"
	if grep -qE 'panic|goroutine [0-9]+ ' "$work/$who.err"; then fail "$who's window panicked"; fi
done
if [ -n "${TEAM_SHOTS:-}" ]; then
	mkdir -p "$TEAM_SHOTS"
	import -window root "$TEAM_SHOTS/screen-team-three.png"
fi
echo "team-window: three people at once on one database: passed"
