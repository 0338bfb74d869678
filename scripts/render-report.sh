#!/usr/bin/env bash
# Renders quorum's HTML report to a PNG with headless Chromium (Debian's `chromium`), to
# check that it displays: scripts/render-report.sh [REPORT.html] [OUT.png]
set -euo pipefail
html=${1:-report.html}
png=${2:-${html%.html}.png}
command -v chromium >/dev/null || { echo "install Chromium first: apt-get install chromium" >&2; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1100,2400 \
  --screenshot="$png" "file://$(realpath "$html")" 2>/dev/null
echo "wrote $png"
