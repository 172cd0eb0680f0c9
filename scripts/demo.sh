#!/usr/bin/env bash
# The main job on the bundled example articles: set up (if needed), extract them, build a fresh knowledge
# base from them, and serve the web app on http://127.0.0.1:8000 (Ctrl-C stops it).
# DEMO_NO_SERVE=1 stops after building the knowledge base (for scripted runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/crimegraph extract examples/articles.jsonl --format full -o out/extraction.jsonl
echo "extraction of the examples: out/extraction.jsonl"
rm -f out/demo.db out/demo.db-wal out/demo.db-shm
.venv/bin/crimegraph ingest examples/articles.jsonl examples/html examples/feed.xml --db sqlite:///out/demo.db
.venv/bin/crimegraph stats --db sqlite:///out/demo.db
if [ "${DEMO_NO_SERVE:-0}" = "1" ]; then
  exit 0
fi
echo "serving the knowledge base on http://127.0.0.1:8000 (Ctrl-C to stop)"
exec .venv/bin/crimegraph serve --db sqlite:///out/demo.db --host 127.0.0.1 --port 8000
