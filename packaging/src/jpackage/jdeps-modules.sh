#!/usr/bin/env bash
# Asks jdeps which JDK modules LayerLoom's jars need and writes them as a jlink argument file
# ("--add-modules a,b,c"). Usage: jdeps-modules.sh INPUT_DIR MAIN_JAR OUTPUT_FILE. Called by the packaging
# build. It analyses the main jar with every jar on the class path, following what is used from each
# (naming them all as roots makes jdeps resolve the modular ones as modules, which fails on optional ones).
set -euo pipefail
input=$1
main=$2
output=$3
jars=("$input"/*.jar)
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "$(IFS=:; echo "${jars[*]}")" "$input/$main")
printf -- '--add-modules %s\n' "$modules" >"$output"
echo "jdeps: LayerLoom needs the JDK modules $modules"
