#!/usr/bin/env bash
# Writes PNGs of the main screens, in English and Russian, from the real binary under Xvfb on
# a demo database, and the first pages of a demo dossier, into docs/.
set -euo pipefail
bin=${1:-bin/recoverydesk}
out=${2:-docs}
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/demo.db"
"$bin" demo --db "$db" --cases 400 --photos 40 --seed 11 --operator "Анна Котова" >/dev/null
"$bin" settings --db "$db" technician="Анна Котова" center_name="Сервисный центр «Мобильный мастер»" \
	center_address="Москва, ул. Тверская, 7" center_phone="+7 495 123-45-67" center_email=desk@example.com >/dev/null
case=$("$bin" list --db "$db" --status intake --limit 1 --json | sed 's/.*"number":"\([^"]*\)".*/\1/')

# WINDOW_DISPLAY=N picks the X display; else the first free one from :90 up.
n=${WINDOW_DISPLAY:-}
if [ -z "$n" ]; then
	for n in $(seq 90 189); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
fi
display=:${n#:}
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display

shoot() { # LANG NAME ARGS...
	local lang=$1 name=$2
	shift 2
	LANG=$lang LANGUAGE= "$bin" --db "$db" "$@" >"$work/app.log" 2>&1 &
	local app=$!
	sleep 3
	local win
	win=$(xdotool search --name "^RecoveryDesk" | tail -n 1)
	import -window "$win" "$out/$name.png"
	kill $app
	wait $app 2>/dev/null || true
	echo "wrote $out/$name.png"
}

for l in en ru; do
	locale=en_US.UTF-8
	[ $l = ru ] && locale=ru_RU.UTF-8
	shoot $locale "screen-list-$l"
	shoot $locale "screen-case-$l" --open "$case"
	shoot $locale "screen-overview-$l" --overview
done

"$bin" export --db "$db" "$case" -o "$work/dossier.pdf" --draft --lang en >/dev/null
pdftoppm -r 50 -png -f 1 -l 4 "$work/dossier.pdf" "$work/page"
montage "$work"/page-*.png -tile 4x1 -geometry +6+6 -background '#cccccc' "$out/dossier-pages.png"
echo "wrote $out/dossier-pages.png"
