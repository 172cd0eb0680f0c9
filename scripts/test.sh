#!/usr/bin/env bash
# Set up (if needed) and run the test suite, the type check and the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest "$@"
.venv/bin/python -m mypy
.venv/bin/python -m ruff check crimegraph tests benchmarks
