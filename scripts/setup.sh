#!/usr/bin/env bash
# Set up crimegraph on a fresh machine: a virtualenv in .venv with the package, its models and dev tools.
# Idempotent: a second run only checks. Debian packages (PostgreSQL, Chromium) come from scripts/system.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
# The Spanish model pins an old spaCy in its metadata but runs under 3.8: install it without dependencies.
.venv/bin/python -m pip install --quiet --no-deps -r requirements-models.txt
# The web app's browser libraries (npm registry, package-lock.json) copied where the app serves them.
bash scripts/assets.sh
