#!/bin/sh
# Makes LayerLoom's AppCDS archive (lib/app/layerloom.jsa) for the folder it is installed in: the JVM
# parses and verifies the classes listed in layerloom.classlist (recorded at build time from a real start:
# start screen, a sample, one epoch) once, and maps them at every start instead of reading them from the
# jars. A CDS archive is only valid for the exact paths it was made with, so the .deb's postinst runs this
# after installing; run it again (as the owner of the folder) after moving the app. Takes a few seconds.
set -e
app=$(cd "$(dirname "$0")" && pwd)
launcher=$(find "$app/../../bin" -maxdepth 1 -type f | head -n 1)
rm -f "$app/layerloom.jsa"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/layerloom.classlist -XX:SharedArchiveFile=$app/layerloom.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
  "$launcher" >/dev/null 2>&1
[ -s "$app/layerloom.jsa" ] && echo "LayerLoom: made the class archive $app/layerloom.jsa for a faster start."
