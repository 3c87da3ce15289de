#!/usr/bin/env bash
# Builds the release: the runnable jar (mvn package), then with JDK 17's jpackage an app image and a .deb.
#   packaging/build.sh              app image + .deb   (out: target/package/)
#   packaging/build.sh --app-image  app image only     (what CI builds)
# Set SKIP_TESTS=1 to skip the test suite during `mvn package` (when `mvn verify` has just run).
set -euo pipefail
cd "$(dirname "$0")/.."

types=(app-image deb)
[ "${1:-}" = "--app-image" ] && types=(app-image)

command -v jpackage >/dev/null || { echo "jpackage not found: it comes with JDK 17+" >&2; exit 1; }
if [[ " ${types[*]} " == *" deb "* ]]; then
  missing=()
  command -v fakeroot >/dev/null || missing+=(fakeroot)
  command -v dpkg-deb >/dev/null || missing+=(dpkg-dev)
  if ((${#missing[@]})); then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi

# the project's version, from the pom (the first <version> is the project's own)
version=$(grep -m1 '^  <version>' pom.xml | sed 's:.*<version>\(.*\)</version>.*:\1:')
[ -n "$version" ] || { echo "could not read the version from pom.xml" >&2; exit 1; }

mvn -B -q package ${SKIP_TESTS:+-DskipTests}

work=target/package
rm -rf "$work"
mkdir -p "$work/input"
cp target/backprop-playground.jar "$work/input/"
# JavaFX's native libraries beside the jar, where its loader looks first: from inside the jar it would copy
# each to ~/.openjfx/cache and checksum both copies on every start (about 0.1 s of a 1 s start-up)
(cd "$work/input" && jar xf backprop-playground.jar $(jar tf backprop-playground.jar | grep '^lib[a-z0-9_]*\.so$'))

# JavaFX and the libraries run from the class path; these JDK modules are what they use (java.management:
# the predictions pass paces itself by the engine thread's CPU time, train/PredictionSlice; without it the
# window does not open, which the start-up archive's run below turns into a failed build).
modules=java.base,java.desktop,java.logging,java.xml,java.prefs,jdk.unsupported,jdk.jsobject,java.scripting
modules+=,java.management
# and the Vector API, which the wide layers' kernel (engine/nn/VectorKernel) runs on: several times the
# speed of plain loops for 784-input networks, same numbers; the launcher adds it to the boot layer
modules+=,jdk.incubator.vector

for type in "${types[@]}"; do
  args=(--type "$type" --name backprop-playground --app-version "$version"
        --vendor "Backprop Playground" --description "See how a neural network learns"
        --icon assets/icon-256.png --dest "$work")
  if [ "$type" = app-image ]; then
    # --generate-cds-archive: the runtime's own class-data archive, which the app's archive builds on.
    # The JVM options shorten start-up on a 2-core machine by about 0.1 s (median 970 -> 850 ms, 8 runs
    # each) with no loss in training speed (bench per-sample and session within noise): the JIT compiles
    # 4x later, so it competes less with the first frame for the cores (the training loop still reaches
    # full speed within milliseconds); the serial collector starts no GC threads (the engine allocates
    # nothing per step, so its pauses are short); no hsperfdata file is mapped.
    for opt in -XX:CompileThresholdScaling=4 -XX:+UseSerialGC -XX:-UsePerfData --add-modules=jdk.incubator.vector; do
      args+=(--java-options "$opt")
    done
    args+=(--input "$work/input" --main-jar backprop-playground.jar --main-class dev.backprop.playground.Main
           --add-modules "$modules" --jlink-options "--strip-debug --no-header-files --no-man-pages --generate-cds-archive")
  else
    # the image built above, less the app's dynamic archive: JDK 17 checks the jar's path and time against
    # the ones it recorded, so under /opt it would never be used. Instead the package carries the list of
    # classes start-up loads, and its postinst makes a static archive from it at the installed path.
    mkdir -p "$work/deb-input"
    cp -a "$work/backprop-playground" "$work/deb-input/"
    image="$work/deb-input/backprop-playground"
    packaging/startup-archive.sh --remove "$image"
    packaging/startup-archive.sh --class-list "$image/lib/app/backprop-playground.classlist" "$image"
    if [ -s "$image/lib/app/backprop-playground.classlist" ]; then
      { echo 'java-options=-XX:SharedArchiveFile=$APPDIR/backprop-playground.jsa'
        echo 'java-options=-Xlog:cds=off'; } >>"$image/lib/app/backprop-playground.cfg"
    fi
    args+=(--app-image "$image")
  fi
  if [ "$type" = deb ]; then
    # no --linux-shortcut: jpackage would register the menu entry through xdg-desktop-menu, which many
    # machines lack; deb-extras.sh ships the .desktop file and the icon as files of the package instead
    args+=(--resource-dir packaging/linux
           --linux-app-category education --linux-deb-maintainer "dev@backprop.dev"
           --linux-package-deps "libgtk-3-0, libgl1")  # JavaFX's glass toolkit and Prism need GTK 3 and GL
  fi
  echo "jpackage --type $type ..." >&2
  jpackage "${args[@]}"
  if [ "$type" = app-image ]; then
    # the runtime's archive for heaps over 32 GB (no compressed oops): 10 MB this app never uses
    rm -f "$work/backprop-playground/lib/runtime/lib/server/classes_nocoops.jsa"
    packaging/startup-archive.sh "$work/backprop-playground"
  fi
  if [ "$type" = deb ]; then
    packaging/deb-extras.sh "$work"/backprop-playground_"$version"*.deb
  fi
done
ls -la "$work"
