#!/usr/bin/env bash
# Starts a throw-away PostgreSQL (Debian's postgresql 15) on 127.0.0.1 for the tests and the
# bench, and prints the URL to use as REFERAT_TEST_POSTGRES_URL. Installs the server if missing.
# Usage: eval "$(scripts/start-test-postgres.sh)"   (prints: export REFERAT_TEST_POSTGRES_URL=…)
# Durability is off (a test server), and shared_buffers (1 GB) and max_wal_size (4 GB) are set as
# on a real server (docs/deploy.md): the bench's 100k-item search index then stays in memory, and
# its import is not slowed by a checkpoint every 20 seconds.
set -euo pipefail
port="${REFERAT_TEST_POSTGRES_PORT:-54329}"
dir="${REFERAT_TEST_POSTGRES_DIR:-/tmp/referat-test-postgres}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if ! as_postgres "$bin/pg_isready -q -h 127.0.0.1 -p $port"; then
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_postgres "$bin/initdb -D '$dir/data' -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8" >&2
  as_postgres "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -o \"-c listen_addresses=127.0.0.1 -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c max_wal_size=4GB -k /tmp\" -w start" >&2
fi
echo "export REFERAT_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres"
