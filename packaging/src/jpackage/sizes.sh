#!/usr/bin/env bash
# Prints the installer's size budgets: the application image and the installer file(s) in TARGET_DIR.
# Usage: sizes.sh APP_IMAGE TARGET_DIR. Called by the packaging build; the target is under 250 MB.
set -euo pipefail
image=$1
target=$2
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
echo "budget: application image (installed size) $(mb "$(du -sb "$image" | cut -f1)")" \
     "of which runtime $(mb "$(du -sb "$image/lib/runtime" | cut -f1)")," \
     "native libraries $(mb "$(du -sb "$image/lib/app/native" | cut -f1)")"
shopt -s nullglob
for installer in "$target"/*.deb "$target"/*.msi "$target"/*.dmg; do
  bytes=$(stat -c %s "$installer")
  verdict=$([[ $bytes -lt $((250 * 1048576)) ]] && echo "within" || echo "OVER")
  echo "budget: installer $(basename "$installer") $(mb "$bytes") ($verdict the 250 MB target)"
done
