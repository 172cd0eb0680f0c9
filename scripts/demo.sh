#!/usr/bin/env bash
# Set up (if needed) and run the main job on the bundled example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/crimegraph extract examples/articles.jsonl --format full -o out/extraction.jsonl
echo "wrote out/extraction.jsonl"
