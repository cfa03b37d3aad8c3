#!/usr/bin/env bash
# AppCDS for the bundled runtime: runs the application image once (its smoke test: start screen, a sample,
# one epoch) with -XX:ArchiveClassesAtExit, which writes the classes it loaded, already parsed and
# verified, to lib/app/layerloom.jsa; the launcher then maps that archive at every start
# (-XX:SharedArchiveFile), so fewer classes are loaded from the jars. Needs a display: uses $DISPLAY,
# or xvfb-run when there is none; without either it leaves the image as it is and says so.
# Usage: cds-archive.sh APP_IMAGE. Called by the packaging build after jpackage made the image.
set -euo pipefail
image=$(cd "$1" && pwd)
launcher=$(find "$image/bin" -maxdepth 1 -type f -perm -u+x | head -n 1)
cfg=$(find "$image/lib/app" -maxdepth 1 -name '*.cfg' | head -n 1)
archive="$image/lib/app/layerloom.jsa"

if [[ -n ${DISPLAY:-} ]]; then
  display=()
elif command -v xvfb-run >/dev/null 2>&1; then
  display=(xvfb-run -a -s '-screen 0 1600x1000x24')
else
  echo "cds: no display and no xvfb-run, so no class archive; the app starts without it (a little slower)."
  exit 0
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
start=$(date +%s.%N)
# -Duser.home: Java reads the home from the password database, not from $HOME.
if ! HOME="$home" JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive -Duser.home=$home -Dai.djl.offline=true" \
    "${display[@]}" "$launcher" --smoke-test --smoke-timeout=240 >"$home/cds-run.log" 2>&1; then
  cat "$home/cds-run.log"
  echo "cds: the training run for the class archive failed (above)." >&2
  exit 1
fi
[[ -s $archive ]] || { cat "$home/cds-run.log"; echo "cds: the JVM wrote no archive to $archive." >&2; exit 1; }
printf 'java-options=-XX:SharedArchiveFile=$APPDIR/%s\n' "$(basename "$archive")" >>"$cfg"
awk -v s="$start" -v e="$(date +%s.%N)" -v b="$(stat -c %s "$archive")" \
  'BEGIN { printf "cds: archived the classes of a smoke run in %.1f s: %s, %.1f MB\n", e - s, "lib/app/layerloom.jsa", b / 1048576 }'
