#!/usr/bin/env bash
# Installs the built desk for every user of the workstation (run as root):
#   /opt/livenon-desk/                              the program (replaced whole on an upgrade)
#   /usr/local/bin/livenon-desk                     a link to it, for the command line
#   /usr/share/applications/livenon-desk.desktop    the menu entry
#   /usr/share/icons/hicolor/.../livenon-desk.*     its icon
#   /etc/xdg/LivenonDesk/desk_settings.toml         the station's settings, every key commented
#                                                   out (written only when there is none)
# Each user's data, settings and log stay in their own folders: an upgrade keeps them, and
# the desk migrates each database (after a backup) when it first opens it.
#
#   sudo ./install-linux.sh [--root DIR] [--uninstall] [FOLDER]
# FOLDER is the built folder (default: the one this script is in, else dist/livenon-desk);
# --root installs under DIR instead of / (a staging tree for a package).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=""
uninstall=false
source_dir=""
while [ $# -gt 0 ]; do
  case $1 in
    --root) root=$(realpath -m "$2"); shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    -*) echo "usage: $0 [--root DIR] [--uninstall] [FOLDER]" >&2; exit 2 ;;
    *) source_dir=$(realpath "$1"); shift ;;
  esac
done
if [ -z "$source_dir" ]; then
  if [ -x "$here/livenon-desk" ]; then source_dir=$here; else source_dir=$here/../dist/livenon-desk; fi
fi

prefix=$root/opt/livenon-desk
link=$root/usr/local/bin/livenon-desk
share=$root/usr/share
settings=$root/etc/xdg/LivenonDesk/desk_settings.toml
icons=(icons/hicolor/scalable/apps/livenon-desk.svg icons/hicolor/256x256/apps/livenon-desk.png)

refresh_menus() {
  if [ -z "$root" ]; then
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
  fi
}

if $uninstall; then
  rm -rf "$prefix"
  rm -f "$link" "$share/applications/livenon-desk.desktop"
  for icon in "${icons[@]}"; do rm -f "$share/$icon"; done
  refresh_menus
  echo "removed the desk; the station's settings ($settings) and each user's data are kept"
  exit 0
fi

if [ ! -x "$source_dir/livenon-desk" ]; then
  echo "no built desk in $source_dir: run packaging/build-linux.sh first" >&2
  exit 1
fi
bundle=$source_dir/_internal

# The new folder is copied whole beside the old one, then put in its place: a desk that is
# started during the copy runs the old program or the new one, never half of each.
mkdir -p "$(dirname "$prefix")"
rm -rf "$prefix.new"
cp -a "$source_dir" "$prefix.new"
chmod -R u+rwX,go+rX,go-w "$prefix.new"
if [ -e "$prefix" ]; then
  rm -rf "$prefix.old"
  mv "$prefix" "$prefix.old"
fi
mv "$prefix.new" "$prefix"
rm -rf "$prefix.old"

mkdir -p "$(dirname "$link")"
ln -sfn /opt/livenon-desk/livenon-desk "$link"
install -D -m 0644 "$bundle/share/applications/livenon-desk.desktop" \
  "$share/applications/livenon-desk.desktop"
for icon in "${icons[@]}"; do install -D -m 0644 "$bundle/share/$icon" "$share/$icon"; done

if [ ! -e "$settings" ]; then
  # The shipped defaults, each key commented out: IT uncomments what this station needs.
  mkdir -p "$(dirname "$settings")"
  sed -E 's/^([a-z_]+ *=)/# \1/' "$bundle/resources/desk_settings.toml" >"$settings"
  chmod 0644 "$settings"
fi
refresh_menus
echo "installed $("$prefix/livenon-desk" --version) in $prefix; station settings: $settings"
echo "check the station with: livenon-desk doctor"
