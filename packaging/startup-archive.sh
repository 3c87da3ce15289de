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

# Runs the image once to its first frame with the JVM option $1 writing the file $2; on failure prints
# the run's output, removes the file and says "$3: skipped (...)".
record_once() {
  local option=$1 out=$2 what=$3
  rm -f "$out"
  if ! JAVA_TOOL_OPTIONS="$option -Dplayground.exitAfterFirstFrame=true -Djava.util.prefs.userRoot=$prefs" \
       timeout 180 "${run[@]}" "$image/bin/$name" >"$prefs/run.log" 2>&1 || [ ! -s "$out" ]; then
    sed 's/^/  /' "$prefs/run.log" >&2
    rm -f "$out"
    if grep -q "could not start its window" "$prefs/run.log"; then
      # a display was there and the window failed: an image that cannot open its window is no release
      echo "$what: the app image could not open its window (above): the build fails" >&2
      exit 1
    fi
    echo "$what: skipped (the run did not finish); the app starts without it" >&2
    return 1
  fi
}

if [ -n "$class_list" ]; then
  record_once "-XX:DumpLoadedClassList=$class_list" "$class_list" "class list" || exit 0
  echo "class list: $(wc -l <"$class_list") classes in $class_list" >&2
  exit 0
fi
echo "startup archive: running the app once to record the classes start-up loads ..." >&2
record_once "-XX:ArchiveClassesAtExit=$archive" "$archive" "startup archive" || exit 0
# $APPDIR is the launcher's lib/app. JDK 17 checks the jar's path against the one recorded here: an image
# moved elsewhere (the .deb's /opt/...) starts without the archive, so its warning is silenced.
{ echo 'java-options=-XX:SharedArchiveFile=$APPDIR/'"$name"'.jsa'
  echo 'java-options=-Xlog:cds=off'
  echo 'java-options=-Xlog:cds+dynamic=off'; } >>"$cfg"
echo "startup archive: $(du -h "$archive" | cut -f1) in lib/app/$name.jsa" >&2
