#!/usr/bin/env bash
# Set up (if needed) and run the test suite, the type check and the linter.
# PostgreSQL: when CRIMEGRAPH_TEST_PG_URL is unset and a PostgreSQL server is installed (scripts/system.sh),
# a throwaway server is started for the run and the PostgreSQL tests use it; otherwise they are skipped
# (CRIMEGRAPH_TEST_PG_REQUIRED=1 makes a server that cannot start an error instead).
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages (PostgreSQL, Chromium): installed when this runs as root or with sudo; otherwise the tests
# that need them are skipped.
bash scripts/system.sh || echo "system packages not installed: PostgreSQL and browser tests will be skipped" >&2
bash scripts/setup.sh
if [ -z "${CRIMEGRAPH_TEST_PG_URL:-}" ]; then
  pg_dir=$(mktemp -d)
  trap 'bash scripts/pg.sh stop "$pg_dir"; rm -rf "$pg_dir"' EXIT
  if url=$(bash scripts/pg.sh start "$pg_dir"); then
    export CRIMEGRAPH_TEST_PG_URL="$url"
    echo "PostgreSQL tests against a throwaway server at $url"
  elif [ "${CRIMEGRAPH_TEST_PG_REQUIRED:-0}" = "1" ]; then
    echo "error: could not start PostgreSQL for the tests" >&2
    cat "$pg_dir"/*.log >&2 2>/dev/null || true
    exit 1
  else
    echo "PostgreSQL not available: its tests will be skipped" >&2
  fi
fi
.venv/bin/python -m pytest "$@"
.venv/bin/python -m mypy
.venv/bin/python -m ruff check crimegraph tests benchmarks
.venv/bin/python scripts/import_cycles.py
