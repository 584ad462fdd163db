#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: its own data directory under a temporary
# folder, listening on a loopback port only, stopped and removed at the end whatever happens.
# The command sees BOXOFFICE_TEST_POSTGRES=postgres://boxoffice:boxoffice@127.0.0.1:PORT/boxoffice
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (scripts/deps.sh installs them)" >&2
  exit 1
fi

run_as=()
if [ "$(id -u)" -eq 0 ]; then
  # The server refuses to run as root; the Debian package's postgres user runs it.
  run_as=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/boxoffice-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
port=${BOXOFFICE_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}

cleanup() {
  "${run_as[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

echo boxoffice > "$dir/pw"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pw"
"${run_as[@]}" "$pgbin/initdb" -D "$dir/data" -U boxoffice --pwfile="$dir/pw" -A scram-sha-256 \
  --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${run_as[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=300" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
PGPASSWORD=boxoffice "$pgbin/psql" -h 127.0.0.1 -p "$port" -U boxoffice -d postgres -q \
  -c "CREATE DATABASE boxoffice" >/dev/null

export BOXOFFICE_TEST_POSTGRES="postgres://boxoffice:boxoffice@127.0.0.1:$port/boxoffice"
export BOXOFFICE_PG_BIN="$pgbin" BOXOFFICE_PG_DATA="$dir/data" BOXOFFICE_PG_PORT="$port"
echo "with-postgres: throwaway PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
set +e
"$@"
status=$?
set -e
exit $status
