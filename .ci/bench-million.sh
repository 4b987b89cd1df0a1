#!/usr/bin/env bash
# make bench-million: the list's searches over 1,000,000 cases on both engines, written to
# docs/BENCHMARKS-1M.md. Seeding a million cases takes SQLite about 20 minutes on two cores (each
# a new sample); PostgreSQL gets 100,000 samples through the store, copied nine times with
# numbers of their own (case by case it would take two hours). A target of its own beside make bench.
set -euo pipefail
cd "$(dirname "$0")/.."
tags=sqlite_fts5,migrated_fynedo,nodynamic
work=${BENCH_WORK:-$(mktemp -d)}
out=docs/BENCHMARKS-1M.md
export BENCH_CASES=1000000 LANG=en_US.UTF-8
start=$(date +%s)

echo "== SQLite: search and first page over 1,000,000 cases"
BENCH_DB="$work/bench1m.db" go test -tags $tags -run '^$' -bench 'Search100k|FirstPage100k' \
	-benchtime 30x -timeout 120m ./data/sqlite | tee "$work/data.txt"

echo "== PostgreSQL: the same"
pgdir=$(mktemp -d /tmp/recoverydesk-pg.XXXXXX)
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
RECOVERYDESK_TEST_PG=$(bash .ci/pg.sh start "$pgdir" "$pgport")
export RECOVERYDESK_TEST_PG
trap 'bash .ci/pg.sh stop "$pgdir" || true' EXIT
go test -run '^$' -bench 'Search100k|FirstPage100k' -benchtime 30x -timeout 120m ./data/postgres | tee "$work/pg.txt"

metric() { grep "$1" "$2" | grep -o "[0-9.]* $3" | head -n1 | cut -d' ' -f1; }
row() { # label, benchmark name, engine file
	echo "| $1 | $(metric "$2" "$work/$3.txt" p50-ms) ms | $(metric "$2" "$work/$3.txt" p95-ms) ms |"
}
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
mem=$(free -g | awk '/Mem:/ {print $2}')
{
	echo "# Benchmarks: 1,000,000 cases"
	echo
	echo "Measured by \`make bench-million\` on $(date -u +%Y-%m-%d) on a $(nproc)-core ${cpu} machine with ${mem} GiB of memory"
	echo "($(uname -sr), $(go version | cut -d' ' -f3)), $(( ($(date +%s) - start) / 60 )) minutes with the seeding. The same searches as"
	echo "docs/BENCHMARKS.md over ten times the cases: each term once before the stopwatch, then 30 rounds."
	echo "SQLite's million are a million samples; PostgreSQL's are 100,000 samples copied nine times"
	echo "with numbers of their own, which match each term as often, in proportion."
	for engine in "SQLite (trigram FTS5 index):data" "PostgreSQL (pg_trgm on the narrow search table, local socket):pg"; do
		echo
		echo "## ${engine%:*}"
		echo
		echo "| what | p50 | p95 |"
		echo "| --- | --- | --- |"
		f=${engine##*:}
		row "search by Cyrillic name, one keystroke in the list (its count up to 1,000 and the first 200 rows)" cyrillic_name- "$f"
		row "the same names counted to the last case (reports, the command line)" cyrillic_name_exact "$f"
		row "search by phone digits" phone_digits "$f"
		row "search by partial IMEI" partial_imei "$f"
		row "first page of the case list (all cases counted)" FirstPage "$f"
	done
} >"$out"
echo "wrote $out"
