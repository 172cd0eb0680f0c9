#!/usr/bin/env bash
# Install the web app's browser libraries from the npm registry (package-lock.json) and copy the files it
# serves into crimegraph/serve/web/static/vendor/ (gitignored). Without npm the app still runs, minus graph and map.
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=crimegraph/serve/web/static/vendor
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: skipping the web app's browser libraries (graph and map pages need them)" >&2
  exit 0
fi
if [ ! -d node_modules/leaflet ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/cytoscape" "$VENDOR/world-atlas"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE "$VENDOR/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$VENDOR/leaflet/images/"
cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE "$VENDOR/cytoscape/"
cp node_modules/world-atlas/countries-50m.json node_modules/world-atlas/LICENSE "$VENDOR/world-atlas/"
mkdir -p "$VENDOR/swagger-ui"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css node_modules/swagger-ui-dist/LICENSE "$VENDOR/swagger-ui/"
