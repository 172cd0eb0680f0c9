#!/usr/bin/env bash
# Debian packages crimegraph needs beyond Python: a PostgreSQL server (with contrib, for unaccent) for the
# PostgreSQL tests and team use, and ICU headers plus a compiler for PyICU (pulled in by normality).
# Idempotent: runs `apt-get update` and installs only when something is missing. Needs root (or sudo).
set -euo pipefail
PACKAGES=(postgresql postgresql-contrib libicu-dev pkg-config g++)
# The web app's browser tests: Playwright (PyPI) drives Debian's headless Chromium; fonts for readable screenshots.
PACKAGES+=(chromium chromium-driver fonts-liberation)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${PACKAGES[*]})"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
