#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: a fresh initdb in a temporary folder, trust authentication,
# byte-order collation (locale C), listening on 127.0.0.1 on a free port and on a socket in that folder,
# with durability turned off (fsync, synchronous_commit, full_page_writes: nothing here outlives the run).
#
#   eval "$(bash scripts/pg/throwaway.sh start)"   # prints the exports below; the cluster keeps running
#   bash scripts/pg/throwaway.sh stop "$HUZHU_PG_THROWAWAY"
#   bash scripts/pg/throwaway.sh run npx jest --selectProjects server-pg   # start, run the command, stop
#
# `start` prints `export HUZHU_TEST_DATABASE_URL=postgres://huzhu@127.0.0.1:PORT/postgres` (what the
# server tests create their databases through) and `export HUZHU_PG_THROWAWAY=DIR` (what `stop` removes).
# PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` user (Debian's package makes
# it), or as a system user `huzhu-pg` created for it. Needs initdb and pg_ctl (Debian: `apt-get install
# postgresql`; found on PATH or in /usr/lib/postgresql/*/bin).
set -euo pipefail

die() { echo "throwaway.sh: $*" >&2; exit 1; }

pg_bin() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return 0
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || die "no initdb/pg_ctl found (apt-get install postgresql)"
  echo "$dir"
}

# Runs a command as the cluster's owner: as root, a non-root user; otherwise, ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$OWNER" -- "$@"
  else
    "$@"
  fi
}

pick_owner() {
  OWNER=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then
      OWNER=postgres
    else
      id huzhu-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin huzhu-pg
      OWNER=huzhu-pg
    fi
  fi
}

free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })"
}

start() {
  local bin dir port
  bin=$(pg_bin)
  pick_owner
  dir=$(mktemp -d "${TMPDIR:-/tmp}/huzhu-pg.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$OWNER" "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U huzhu --auth=trust --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$dir/server.log" >&2; rm -rf "$dir"; die "pg_ctl start failed"; }
  echo "export HUZHU_TEST_DATABASE_URL=postgres://huzhu@127.0.0.1:$port/postgres"
  echo "export HUZHU_PG_THROWAWAY=$dir"
}

stop() {
  local dir=${1:-${HUZHU_PG_THROWAWAY:-}} bin
  [ -n "$dir" ] || die "stop: which cluster? (the folder start printed as HUZHU_PG_THROWAWAY)"
  case "$(basename "$dir")" in huzhu-pg.*) ;; *) die "stop: $dir is not a throwaway cluster's folder" ;; esac
  [ -d "$dir/data" ] || { rm -rf "$dir"; return 0; }
  bin=$(pg_bin)
  pick_owner
  [ "$(id -u)" -eq 0 ] && OWNER=$(stat -c %U "$dir/data")
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  run)
    shift
    [ $# -gt 0 ] || die "run: which command?"
    eval "$(start)"
    trap 'stop "$HUZHU_PG_THROWAWAY"' EXIT
    "$@"
    ;;
  *) die "usage: throwaway.sh start | stop DIR | run COMMAND..." ;;
esac
