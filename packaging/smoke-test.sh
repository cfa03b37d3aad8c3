#!/usr/bin/env bash
# The installer's smoke test: unpacks the .deb into a temporary folder (dpkg-deb -x, no root needed),
# checks the desktop entry and the .loom file association, then starts the bundled launcher twice with a
# fresh, empty home and -Dai.djl.offline=true under Xvfb (or the current $DISPLAY) with --smoke-test:
# start screen, the spirals sample, one epoch, an atomic save. The first run is a student's very first
# start; the second is a cold start after it. Prints the budgets (sizes, start-up times) and exits
# non-zero when anything failed.
# Usage: packaging/smoke-test.sh [FILE.deb]   (default: the .deb in packaging/target)
# Leaves the start screen's screenshot in packaging/target/smoke/start-screen.png.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
deb=${1:-$(ls "$here"/target/*.deb 2>/dev/null | head -n 1)}
[[ -n $deb && -f $deb ]] || { echo "smoke-test: no .deb given and none in $here/target (mvn -Ppackage package)." >&2; exit 2; }
out="$here/target/smoke"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "smoke-test FAILED: $*" >&2; exit 1; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
now() { date +%s.%N; }
seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.1f s", e - s }'; }

t0=$(now)
dpkg-deb -x "$deb" "$work/root"
t1=$(now)
launcher=$(find "$work/root/opt" -mindepth 3 -maxdepth 3 -path '*/bin/*' -type f -perm -u+x | head -n 1)
[[ -n $launcher ]] || fail "the package holds no launcher under /opt/*/bin"
app_dir=$(dirname "$(dirname "$launcher")")
echo "smoke-test: unpacked $(basename "$deb") in $(seconds "$t0" "$t1"): $(mb "$(stat -c %s "$deb")") package," \
     "$(mb "$(du -sb "$work/root" | cut -f1)") installed, launcher $launcher"

# What the package's postinst does after installing: the class archive for this folder.
if [[ -x $app_dir/lib/app/layerloom-cds.sh ]]; then
  t2=$(now)
  "$app_dir/lib/app/layerloom-cds.sh" >/dev/null || fail "lib/app/layerloom-cds.sh (run by postinst) failed"
  echo "smoke-test: made the class archive as postinst does in $(seconds "$t2" "$(now)"):" \
       "$(mb "$(stat -c %s "$app_dir/lib/app/layerloom.jsa")")"
fi

desktop=$(find "$app_dir/lib" -maxdepth 1 -name '*.desktop' | head -n 1)
[[ -n $desktop ]] || fail "the package has no desktop entry"
grep -q '^Categories=Education' "$desktop" || fail "the desktop entry is not in the Education category: $(cat "$desktop")"
grep -q 'application/x-layerloom' "$desktop" || fail "the desktop entry does not open application/x-layerloom files"
mime=$(find "$app_dir/lib" -maxdepth 1 -name '*MimeInfo.xml' | head -n 1)
[[ -n $mime ]] && grep -q 'glob pattern="\*.loom"' "$mime" || fail "the package does not register *.loom as a MIME type"
echo "smoke-test: desktop entry $(basename "$desktop") (Education), *.loom -> application/x-layerloom"

if [[ -n ${DISPLAY:-} ]]; then
  display=()
else
  command -v xvfb-run >/dev/null 2>&1 || fail "there is no display and no xvfb-run (apt-get install xvfb)"
  display=(xvfb-run -a -s '-screen 0 1600x1000x24')
fi

home="$work/home"
mkdir -p "$home"
run() { # run NAME [extra smoke options...]
  local name=$1 log="$out/$1.log" start end
  shift
  start=$(now)
  # -Duser.home: Java takes the home folder from the password database, not from $HOME.
  if ! HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home -Dai.djl.offline=true" \
      "${display[@]}" "$launcher" --smoke-test "$@" >"$log" 2>&1; then
    cat "$log" >&2
    fail "the $name run of the installed app failed (its output is above and in $log)"
  fi
  end=$(now)
  grep '^smoke:' "$log" | sed "s/^/  [$name] /"
  grep -q '^smoke: PASSED' "$log" || fail "the $name run did not report PASSED ($log)"
  local shown
  shown=$(sed -n 's/^smoke: startup: start screen shown \([0-9]*\) ms.*/\1/p' "$log")
  echo "smoke-test: $name run took $(seconds "$start" "$end") in all; start screen after ${shown:-?} ms"
  printf '%s\n' "${shown:-0}" >"$out/$name.startup-ms"
}
run first-run --smoke-screenshot="$out/start-screen.png"
djl_cache=$(du -sb "$home/.djl.ai" 2>/dev/null | cut -f1 || echo 0)
fx_cache=$(du -sb "$home/.openjfx" 2>/dev/null | cut -f1 || echo 0)
echo "smoke-test: the first run copied $(mb "${djl_cache:-0}") into ~/.djl.ai and $(mb "${fx_cache:-0}") into ~/.openjfx"
run second-run
run third-run
echo "budget: cold start to the start screen after the first run: $(cat "$out/second-run.startup-ms") ms," \
     "$(cat "$out/third-run.startup-ms") ms (target under 2000 ms); first run $(cat "$out/first-run.startup-ms") ms"
echo "smoke-test: PASSED in $(seconds "$t0" "$(now)"); screenshot $out/start-screen.png"
