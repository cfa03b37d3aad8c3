#!/usr/bin/env bash
# AppCDS for the bundled runtime. Runs the application image once (its smoke test: start screen, a
# sample, one epoch) with -XX:DumpLoadedClassList to record which classes a real start loads, into
# lib/app/layerloom.classlist; adds lib/app/layerloom-cds.sh, which turns that list into a class archive
# (-Xshare:dump) for the folder the app lives in, and tries it once; and tells the launcher to map it
# (-XX:SharedArchiveFile; a missing archive is silently skipped). An archive is only valid for the paths
# it was made with, so none ships: the .deb's postinst runs layerloom-cds.sh in /opt/layerloom, and in an
# app image used where it is built, run lib/app/layerloom-cds.sh once. Needs a display: $DISPLAY, or xvfb-run when
# there is none; without either it leaves the image as it is and says so.
# Usage: cds-archive.sh APP_IMAGE. Called by the packaging build after jpackage made the image.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
image=$(cd "$1" && pwd)
launcher=$(find "$image/bin" -maxdepth 1 -type f -perm -u+x | head -n 1)
cfg=$(find "$image/lib/app" -maxdepth 1 -name '*.cfg' | head -n 1)
list="$image/lib/app/layerloom.classlist"

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
# JAVA_TOOL_OPTIONS reaches the JVM through jpackage's launcher; -Duser.home because Java reads the home
# from the password database, not from $HOME.
if ! HOME="$home" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Duser.home=$home -Dai.djl.offline=true" \
    "${display[@]}" "$launcher" --smoke-test --smoke-timeout=240 >"$home/cds-run.log" 2>&1; then
  cat "$home/cds-run.log"
  echo "cds: the run that records the classes failed (above)." >&2
  exit 1
fi
[[ -s $list ]] || { cat "$home/cds-run.log"; echo "cds: the JVM wrote no class list to $list." >&2; exit 1; }
install -m 755 "$here/image-extras/layerloom-cds.sh" "$image/lib/app/layerloom-cds.sh"
printf 'java-options=-XX:SharedArchiveFile=$APPDIR/layerloom.jsa\njava-options=-Xshare:auto\n' >>"$cfg"
"$image/lib/app/layerloom-cds.sh" >/dev/null
[[ -s $image/lib/app/layerloom.jsa ]] || { echo "cds: -Xshare:dump made no archive." >&2; exit 1; }
bytes=$(stat -c %s "$image/lib/app/layerloom.jsa")
rm "$image/lib/app/layerloom.jsa"
awk -v s="$start" -v e="$(date +%s.%N)" -v n="$(wc -l <"$list")" -v b="$bytes" \
  'BEGIN { printf "cds: recorded %d classes of a smoke run and checked that they archive, in %.1f s (not shipped:" \
           " an archive of %.1f MB is made on installing)\n", n, e - s, b / 1048576 }'
