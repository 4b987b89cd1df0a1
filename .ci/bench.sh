#!/usr/bin/env bash
# make bench: measures the store, the export and the real binary, and writes the figures with the
# machine and the date into docs/BENCHMARKS.md so that a later run can be compared.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=bin/recoverydesk
tags=sqlite_fts5,migrated_fynedo,nodynamic
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work/photos"
export LANG=en_US.UTF-8
out=docs/BENCHMARKS.md

echo "== store: import 10,000; search and first page over 100,000 cases"
BENCH_DB="$work/bench100k.db" go test -tags $tags -run '^$' -bench 'Import10k|Search100k|FirstPage100k' \
	-benchtime 30x -benchmem ./data/sqlite | tee "$work/data.txt"

echo "== the same on PostgreSQL: search and first page over 100,000 cases, import of 10,000, eight counters saving at once"
pgdir=$(mktemp -d /tmp/recoverydesk-pg.XXXXXX)
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
RECOVERYDESK_TEST_PG=$(bash .ci/pg.sh start "$pgdir" "$pgport")
export RECOVERYDESK_TEST_PG
go test -run '^$' -bench 'Search100k|FirstPage100k|EightCountersSave' -benchtime 30x -timeout 60m ./data/postgres | tee "$work/pg.txt"
go test -run '^$' -bench 'Import10k' -benchtime 3x -timeout 30m ./data/postgres | tee -a "$work/pg.txt"
bash .ci/pg.sh stop "$pgdir"

echo "== dossier export: eight 12 MP photos and a PDF receipt"
BENCH_PHOTOS_DIR="$work/photos" go test -run '^$' -bench ExportEightPhotos -benchtime 20x ./casefile/dossier | tee "$work/export.txt"

echo "== the real binary exporting that case: import the photos, then time the export alone"
python3 - "$work" <<'PY'
import json, sys, os
work = sys.argv[1]
photos = sorted(f for f in os.listdir(work + "/photos") if f.endswith(".jpg"))
kinds = ["box", "imei_screen", "device", "lock_screen"]
case = {"customer": {"name": "Иванов Иван Петрович", "phone": "+7 912 345-67-89", "consent": True,
                     "id_document": {"type": "Паспорт РФ", "number": "4510 123456"}},
        "device": {"brand": "Redmi", "model": "Redmi Note 12", "imei1": "490154203237518", "lock_screen_text": "locked"},
        "purchase": {"date": "2024-03-15", "seller": "DNS", "channel": "retailer"},
        "declarations": {"not_lost_or_stolen": True, "may_be_erased": True, "facts_true": True},
        "ownership_statement": "Куплен мной в магазине.", "support_region": "global",
        "verification": {"imei_matches_box": True, "imei_matches_receipt": True},
        "attachments": [{"kind": kinds[i % 4], "path": "photos/" + p} for i, p in enumerate(photos)]
                       + [{"kind": "receipt", "path": "receipt.pdf"}]}
json.dump(case, open(work + "/export-case.json", "w"), ensure_ascii=False)
PY
cp docs/import-example/receipt.pdf "$work/receipt.pdf"
rm -f "$work/export.db"*
/usr/bin/time -f "%e %M" -o "$work/attach.time" "$bin" import --create --db "$work/export.db" "$work/export-case.json" >/dev/null
for i in 1 2 3; do
	/usr/bin/time -f "%e %M" -o "$work/cli-export-$i.time" "$bin" export --db "$work/export.db" 2026-00001 -o "$work/cli-dossier.pdf" --eml "$work/cli.eml" >/dev/null
done

echo "== photo preparation: the eight photos attached by the real binary, beside vipsthumbnail"
python3 - "$work" <<'PY'
import json, sys, os
work = sys.argv[1]
photos = sorted(f for f in os.listdir(work + "/photos") if f.endswith(".jpg"))
case = {"customer": {"name": "Bench", "phone": "+7 912 345-67-89", "consent": True},
        "device": {"brand": "Redmi", "model": "Redmi Note 12", "imei1": "490154203237518"},
        "attachments": [{"kind": "device", "path": "photos/" + p} for p in photos]}
json.dump(case, open(work + "/prep-case.json", "w"))
PY
mkdir -p "$work/vips"
# Three rounds, each tool in turn, so that both see the same state of the machine.
for i in 1 2 3; do
	rm -f "$work/prep.db"*
	/usr/bin/time -f "%e %M" -o "$work/prep-$i.time" "$bin" import --create --db "$work/prep.db" "$work/prep-case.json" >/dev/null
	/usr/bin/time -f "%e %M" -o "$work/vips-$i.time" vipsthumbnail "$work"/photos/photo*.jpg -s 1600 -o "$work/vips/%s.jpg[Q=80,optimize_coding]"
done
median() { for i in 1 2 3; do cut -d' ' -f"$2" "$work/$1-$i.time"; done | sort -n | sed -n 2p; }
prep_s=$(median prep 1) prep_kb=$(median prep 2) vips_s=$(median vips 1) vips_kb=$(median vips 2)
prep_ratio=$(awk "BEGIN{printf \"%.2f\", $prep_s / $vips_s}")

echo "== the same photos with other tools"
( cd "$work/photos"
  /usr/bin/time -f "%e %M" -o "$work/im.time" convert photo*.jpg -resize 1600x1600 -quality 80 "$work/im-%d.jpg"
  /usr/bin/time -f "%e %M" -o "$work/imwrap.time" img2pdf "$work"/im-*.jpg -o "$work/im.pdf"
  /usr/bin/time -f "%e %M" -o "$work/i2p.time" img2pdf photo*.jpg -o "$work/i2p.pdf" )

echo "== a case opened from the list while a backup of a 2 GB database runs"
BENCH_WORK="$work" go test -tags $tags -run '^$' -bench OpenCaseDuringBackup -benchtime 1x -timeout 30m ./ui | tee "$work/backup.txt"

echo "== cold start of the real binary on 100,000 cases, to its window and to the filled list"
display=:$((120 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
starts=()
lists=()
rss=()
for i in 1 2 3 4 5; do
	t0=$(date +%s.%N)
	DISPLAY=$display "$bin" --db "$work/bench100k.db" --operator bench >/dev/null 2>&1 &
	app=$!
	win="" t1="" t2=""
	for _ in $(seq 1 300); do
		if [ -z "$t1" ] && win=$(DISPLAY=$display xdotool search --name '^RecoveryDesk' 2>/dev/null | head -n1) && [ -n "$win" ]; then
			t1=$(date +%s.%N)
		fi
		if [ -n "$t1" ] && DISPLAY=$display xdotool getwindowname "$win" 2>/dev/null | grep -q '[0-9] cases'; then
			t2=$(date +%s.%N)
			break
		fi
		sleep 0.02
	done
	sleep 0.5
	rss+=("$(awk '/VmHWM/ {print int($2/1024)}' /proc/$app/status)")
	kill $app; wait $app 2>/dev/null || true
	starts+=("$(awk "BEGIN{printf \"%.2f\", $t1 - $t0}")")
	lists+=("$(awk "BEGIN{printf \"%.2f\", $t2 - $t0}")")
done

mb() { awk "BEGIN{printf \"%.1f\", $(stat -c%s "$1")/1048576}"; }
metric() { grep "$1" "$2" | grep -o "[0-9.]* $3" | head -n1 | cut -d' ' -f1; }
read im_s im_kb <"$work/im.time"
read imw_s imw_kb <"$work/imwrap.time"
read i2p_s i2p_kb <"$work/i2p.time"
im_total=$(awk "BEGIN{printf \"%.2f\", $im_s + $imw_s}")
read attach_s attach_kb <"$work/attach.time"
cli_times=$(for i in 1 2 3; do cut -d' ' -f1 "$work/cli-export-$i.time"; done | sort -n | tr '\n' ' ')
cli_kb=$(for i in 1 2 3; do cut -d' ' -f2 "$work/cli-export-$i.time"; done | sort -n | tail -n1)
sorted_start=$(printf '%s\n' "${starts[@]}" | sort -n | tr '\n' ' ')
sorted_list=$(printf '%s\n' "${lists[@]}" | sort -n | tr '\n' ' ')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
mem=$(free -g | awk '/Mem:/ {print $2}')

cat >"$out" <<DOC
# Benchmarks

Measured by \`make bench\` on $(date -u +%Y-%m-%d) on a $(nproc)-core ${cpu} machine with ${mem} GiB of memory
($(uname -sr), $(go version | cut -d' ' -f3)). Run it again and compare; the targets are for this size of machine.

## Store (100,000 cases, SQLite with a trigram index)

| what | p50 | p95 | target |
| --- | --- | --- | --- |
| search by Cyrillic name, one keystroke in the list (its count up to 1,000 and the first 200 rows) | $(metric 'cyrillic_name-' "$work/data.txt" p50-ms) ms | $(metric 'cyrillic_name-' "$work/data.txt" p95-ms) ms | p95 < 20 ms |
| the same names counted to the last case (reports, the command line) | $(metric cyrillic_name_exact "$work/data.txt" p50-ms) ms | $(metric cyrillic_name_exact "$work/data.txt" p95-ms) ms | |
| search by phone digits | $(metric phone_digits "$work/data.txt" p50-ms) ms | $(metric phone_digits "$work/data.txt" p95-ms) ms | p95 < 20 ms |
| search by partial IMEI | $(metric partial_imei "$work/data.txt" p50-ms) ms | $(metric partial_imei "$work/data.txt" p95-ms) ms | p95 < 20 ms |
| first page of the case list | $(metric FirstPage "$work/data.txt" p50-ms) ms | $(metric FirstPage "$work/data.txt" p95-ms) ms | |
| import of 10,000 cases (one transaction) | $(awk '/Import10k/ {printf "%.2f s", $3/1e9}' "$work/data.txt") | | |

## The same on a shared PostgreSQL database (100,000 cases, pg_trgm indexes, local socket)

| what | p50 | p95 | target |
| --- | --- | --- | --- |
| search by Cyrillic name, one keystroke in the list (its count up to 1,000 and the first 200 rows) | $(metric 'cyrillic_name-' "$work/pg.txt" p50-ms) ms | $(metric 'cyrillic_name-' "$work/pg.txt" p95-ms) ms | p95 < 20 ms |
| the same names counted to the last case (reports, the command line) | $(metric cyrillic_name_exact "$work/pg.txt" p50-ms) ms | $(metric cyrillic_name_exact "$work/pg.txt" p95-ms) ms | |
| search by phone digits | $(metric phone_digits "$work/pg.txt" p50-ms) ms | $(metric phone_digits "$work/pg.txt" p95-ms) ms | p95 < 20 ms |
| search by partial IMEI | $(metric partial_imei "$work/pg.txt" p50-ms) ms | $(metric partial_imei "$work/pg.txt" p95-ms) ms | p95 < 20 ms |
| first page of the case list | $(metric FirstPage "$work/pg.txt" p50-ms) ms | $(metric FirstPage "$work/pg.txt" p95-ms) ms | |
| import of 10,000 cases (one transaction) | $(awk '/Import10k/ {printf "%.2f s", $3/1e9}' "$work/pg.txt") | | |
| eight counters saving their cases at once, one save (read, then write) | $(metric EightCounters "$work/pg.txt" p50-ms) ms | $(metric EightCounters "$work/pg.txt" p95-ms) ms | |
| the same: saves per second, all eight together | $(metric EightCounters "$work/pg.txt" saves/s) | | |

## The real binary on 100,000 cases (under Xvfb, five cold starts, sorted)

| what | seconds | target |
| --- | --- | --- |
| launch to main window | ${sorted_start}| < 1.5 s |
| launch to the filled list ("100000 cases" in the title) | ${sorted_list}| < 1.5 s |
| peak memory (VmHWM) | $(printf '%s MB ' "${rss[@]}")| < 200 MB |

## Opening a case while "Back up now" copies a 2 GB database

The backup is SQLite's \`VACUUM INTO\` on one of the store's readers; the cases are opened as a click
in the list opens them (read off the UI thread, then the window built), one after another, for as
long as the backup runs.

| what | figure | target |
| --- | --- | --- |
| the backup | $(metric OpenCaseDuringBackup "$work/backup.txt" backup-s) s | |
| cases opened while it ran | $(metric OpenCaseDuringBackup "$work/backup.txt" opens-during-backup) | |
| time to open one: p50 / p95 / slowest | $(metric OpenCaseDuringBackup "$work/backup.txt" p50-ms) / $(metric OpenCaseDuringBackup "$work/backup.txt" p95-ms) / $(metric OpenCaseDuringBackup "$work/backup.txt" max-ms) ms | < 300 ms |
| the same with no backup running, p95 | $(metric OpenCaseDuringBackup "$work/backup.txt" quiet-p95-ms) ms | |

## Dossier export: eight 12-megapixel photos and a PDF receipt

| tool | wall time | peak memory | output |
| --- | --- | --- | --- |
| RecoveryDesk export (photos prepared when attached) | $(awk '/ExportEight/ {printf "%.0f ms", $3/1e6}' "$work/export.txt") | $(metric ExportEight "$work/export.txt" peak-RSS-MB) MB (whole benchmark process) | $(metric ExportEight "$work/export.txt" pdf-MB) MB |
| the real binary: \`recoverydesk export\` of that case with its e-mail draft, three runs (process start, database, render, write) | ${cli_times}s | $((cli_kb / 1024)) MB | $(mb "$work/cli-dossier.pdf") MB |
| preparing one photo when it is attached (decode, orient, scale, re-encode) | $(metric ExportEight "$work/export.txt" prepare-ms/photo) ms | | |
| the real binary importing the eight photos and the receipt (all preparation) | ${attach_s} s | $((attach_kb / 1024)) MB | |
| ImageMagick \`convert -resize 1600x1600\` (to JPEG pages: Debian's policy forbids its PDF writer) + img2pdf | ${im_total} s | $((im_kb / 1024)) MB | $(mb "$work/im.pdf") MB |
| img2pdf on the original photos (no scaling) | ${i2p_s} s | $((i2p_kb / 1024)) MB | $(mb "$work/i2p.pdf") MB |

The source photos total $(metric ExportEight "$work/export.txt" photos-MB) MB. Target: export under 300 ms and under 3 MB.

## Photo preparation: eight 12-megapixel photos attached (median of three rounds, tools in turn)

| tool | wall time | peak memory |
| --- | --- | --- |
| \`recoverydesk import\` of a case with the eight photos (read, check, decode shrunk by libjpeg-turbo, Catmull-Rom to 1600 px, orient, encode, store; on all cores) | ${prep_s} s | $((prep_kb / 1024)) MB |
| \`vipsthumbnail -s 1600\` on the same photos (decode shrunk, resize, encode; no checks, no store) | ${vips_s} s | $((vips_kb / 1024)) MB |
| ImageMagick \`convert -resize 1600x1600\` | ${im_s} s | $((im_kb / 1024)) MB |

RecoveryDesk takes ${prep_ratio}× the time of vipsthumbnail. Target: at most 1.0 s and 100 MB on two cores.
DOC
echo "wrote $out"
