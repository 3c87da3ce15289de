#!/usr/bin/env bash
# Gives an app image a class-data archive of what start-up loads (AppCDS; JDK 17's dynamic archive on top
# of the runtime's own, which jlink's --generate-cds-archive made): the launcher then maps those classes
# instead of reading, verifying and linking them from the jar at every start.
#   packaging/startup-archive.sh target/package/backprop-playground
#   packaging/startup-archive.sh --remove DIR   takes the archive and its launcher options out again
#   packaging/startup-archive.sh --class-list FILE DIR   only records the classes start-up loads in FILE
#     (the .deb's postinst makes a static archive from it at the installed path: see packaging/linux/postinst)
# The archive run opens the window once and quits after its first frame, so it needs a display: under
# xvfb-run (installed here when apt-get can, as .ci/run installs fonts), else the current $DISPLAY. With
# neither, the image stays as it is (it works, it only starts slower) and this says so.
set -euo pipefail
remove=false
class_list=""
[ "${1:-}" = --remove ] && { remove=true; shift; }
[ "${1:-}" = --class-list ] && { class_list=${2:?usage: startup-archive.sh --class-list FILE APP_IMAGE_DIR}; shift 2; }
image=${1:?usage: startup-archive.sh [--remove] APP_IMAGE_DIR}
name=$(basename "$image")
archive="$image/lib/app/$name.jsa"
cfg="$image/lib/app/$name.cfg"
if $remove; then
  rm -f "$archive"
  sed -i '/SharedArchiveFile\|-Xlog:cds/d' "$cfg"
  exit 0
fi

if ! command -v xvfb-run >/dev/null && [ -z "${DISPLAY:-}" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq xvfb xauth >/dev/null; } || true
fi
run=()
if command -v xvfb-run >/dev/null; then
  run=(xvfb-run -a -s "-screen 0 1600x1000x24")
elif [ -z "${DISPLAY:-}" ]; then
  echo "startup archive: skipped (no xvfb-run and no DISPLAY to open the window once); the app starts without it" >&2
  exit 0
fi

prefs=$(mktemp -d)   # the archive run must not read or write the user's saved window
trap 'rm -rf "$prefs"' EXIT
if [ -n "$class_list" ]; then
  rm -f "$class_list"
  if ! JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$class_list -Dplayground.exitAfterFirstFrame=true -Djava.util.prefs.userRoot=$prefs" \
       timeout 180 "${run[@]}" "$image/bin/$name" >"$prefs/run.log" 2>&1 || [ ! -s "$class_list" ]; then
    sed 's/^/  /' "$prefs/run.log" >&2
    rm -f "$class_list"
    echo "class list: skipped (the run did not finish); the installed app starts without an archive" >&2
    exit 0
  fi
  echo "class list: $(wc -l <"$class_list") classes in $class_list" >&2
  exit 0
fi
rm -f "$archive"
echo "startup archive: running the app once to record the classes start-up loads ..." >&2
if ! JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive -Dplayground.exitAfterFirstFrame=true -Djava.util.prefs.userRoot=$prefs" \
     timeout 180 "${run[@]}" "$image/bin/$name" >"$prefs/run.log" 2>&1 || [ ! -s "$archive" ]; then
  sed 's/^/  /' "$prefs/run.log" >&2
  rm -f "$archive"
  echo "startup archive: skipped (the archive run did not finish); the app starts without it" >&2
  exit 0
fi
# $APPDIR is the launcher's lib/app. JDK 17 checks the jar's path against the one recorded here: an image
# moved elsewhere (the .deb's /opt/...) starts without the archive, so its warning is silenced.
{ echo 'java-options=-XX:SharedArchiveFile=$APPDIR/'"$name"'.jsa'
  echo 'java-options=-Xlog:cds=off'
  echo 'java-options=-Xlog:cds+dynamic=off'; } >>"$cfg"
echo "startup archive: $(du -h "$archive" | cut -f1) in lib/app/$name.jsa" >&2
