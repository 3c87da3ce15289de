#!/usr/bin/env bash
# Adds to jpackage's .deb what a Debian desktop package ships as its own files, so every desktop finds the
# app with no helper installed: the menu entry in /usr/share/applications and the icon in the hicolor
# theme (dpkg's triggers refresh the menu and icon caches). The package is rebuilt in place.
#   packaging/deb-extras.sh target/package/backprop-playground_0.1.0-1_amd64.deb
set -euo pipefail
deb=${1:?usage: deb-extras.sh PACKAGE.deb}
here=$(cd "$(dirname "$0")" && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

dpkg-deb -R "$deb" "$root"
install -D -m 644 "$here/linux/backprop-playground.desktop" "$root/usr/share/applications/backprop-playground.desktop"
install -D -m 644 "$here/../assets/icon-256.png" "$root/usr/share/icons/hicolor/256x256/apps/backprop-playground.png"
install -D -m 644 "$here/../assets/icon.svg" "$root/usr/share/icons/hicolor/scalable/apps/backprop-playground.svg"

# nothing calls xdg-utils any more (jpackage depends on it for the menu registration this replaces)
sed -i -E '/^Depends:/ s/(, )?xdg-utils//' "$root/DEBIAN/control"
# the control file's size and the checksums follow the files now in the package
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz -z1 -b "$root" "$deb" >/dev/null
echo "deb extras: menu entry and icons added to $(basename "$deb")" >&2
