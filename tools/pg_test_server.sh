#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests: `start` prints the URL to export as
# DRAGOMAN_TEST_PG, `stop` stops the cluster and deletes it.
#
#   export DRAGOMAN_TEST_PG="$(tools/pg_test_server.sh start)"
#   python -m pytest -q tests/store
#   tools/pg_test_server.sh stop
#
# The cluster lives in $DRAGOMAN_PG_DIR (default /tmp/dragoman-pg-$UID), listens on a unix socket in
# that folder only (no TCP port, so it cannot clash with another server) and trusts local
# connections: it is for tests, never for data. Run as root (CI), it runs the server as the
# `postgres` user, since PostgreSQL refuses to run as root. Needs the server binaries:
# Debian `apt-get install postgresql`, or any initdb/pg_ctl on PATH.
set -euo pipefail

DIR="${DRAGOMAN_PG_DIR:-/tmp/dragoman-pg-$(id -u)}"
PORT=54329         # only names the socket file (.s.PGSQL.54329) in $DIR
SUPERUSER=dragoman
DATABASE=dragoman_test

bindir() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then
    echo "$found"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    echo "pg_test_server.sh: no PostgreSQL server binaries (initdb, pg_ctl); install them:" \
      "apt-get install postgresql" >&2
    exit 1
  fi
}

# Run a server binary as the cluster's owner: the postgres user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() {
  echo "postgresql://${SUPERUSER}@/${DATABASE}?host=${DIR}&port=${PORT}"
}

start() {
  local bin
  bin="$(bindir)"
  if [ -S "$DIR/.s.PGSQL.$PORT" ] && as_owner "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    url
    return
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$DIR"
  fi
  as_owner "$bin/initdb" -D "$DIR/data" -U "$SUPERUSER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
  # Tests want speed, not durability: a crash loses a throwaway cluster anyway.
  as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses='' -c unix_socket_directories='$DIR' -p $PORT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
  # A natural-language collation, as most real databases have: the store must not depend on the
  # server's sort order (its text columns say COLLATE "C"), and the tests prove it.
  as_owner "$bin/createdb" -h "$DIR" -p "$PORT" -U "$SUPERUSER" --template=template0 \
    --locale-provider=icu --icu-locale=en-US "$DATABASE" 2>/dev/null \
    || as_owner "$bin/createdb" -h "$DIR" -p "$PORT" -U "$SUPERUSER" "$DATABASE"
  url
}

stop() {
  [ -d "$DIR/data" ] || return 0
  as_owner "$(bindir)/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
