#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: .ci/pg.sh start DIR PORT | .ci/pg.sh stop DIR
# DIR may exist (an empty folder made for it); as root it is handed to the postgres user.
# start prints the address to export as RECOVERYDESK_TEST_PG; it fails loudly if the server
# cannot start. The server listens on a Unix socket in DIR only, with fsync off (test data).
set -euo pipefail
cmd=${1:?usage: pg.sh start DIR PORT | stop DIR}
dir=${2:?usage: pg.sh start DIR PORT | stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	echo "pg.sh: PostgreSQL is not installed (Debian package: postgresql); run make deps" >&2
	exit 1
fi
# initdb refuses to run as root: run the server as the postgres user then.
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
case $cmd in
start)
	port=${3:?usage: pg.sh start DIR PORT}
	if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres -m 0700 "$dir"; else install -d -m 0700 "$dir"; fi
	if ! "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
		echo "pg.sh: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 1
	fi
	# PG_TCP=1: on 127.0.0.1 as well, for clients with no Unix socket (the Windows build's tests).
	listen=""
	[ "${PG_TCP:-}" = 1 ] && listen=127.0.0.1
	if ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
		-o "-c listen_addresses='$listen' -k $dir -p $port -c fsync=off -c max_connections=200" start >/dev/null; then
		echo "pg.sh: the test server did not start:" >&2; cat "$dir/log" >&2; exit 1
	fi
	if [ -n "$listen" ]; then
		echo "postgres://postgres@$listen:$port/postgres?sslmode=disable"
	else
		echo "postgres://postgres@/postgres?host=$dir&port=$port&sslmode=disable"
	fi
	;;
stop)
	"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: pg.sh start DIR PORT | stop DIR" >&2; exit 2
	;;
esac
