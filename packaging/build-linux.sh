#!/usr/bin/env bash
# Builds the desk as one folder for Linux x86-64: dist/livenon-desk/, with its own Python,
# Qt and its plugins, the fonts, translations, policy, migrations and resources inside, and
# install-linux.sh beside the program. It needs Python 3.11 or newer with venv, and the
# package registry (or the mirror pip is set up for): the build installs the locked versions
# (constraints.txt) and PyInstaller into a virtual environment of its own, under --work.
#
#   packaging/build-linux.sh [--out DIR] [--work DIR]    (defaults: dist/ and build/)
#
# Copy the folder to the workstation (tar), then there: sudo ./install-linux.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/dist
work=$root/build
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --work) work=$(realpath -m "$2"); shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--work DIR]" >&2; exit 2 ;;
  esac
done
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  { echo "building the desk needs Python 3.11 or newer as python3" >&2; exit 1; }

venv=$work/build-venv
echo "+ installing the locked versions and PyInstaller into $venv"
python3 -m venv --clear "$venv"
"$venv/bin/pip" install -q -c "$root/constraints.txt" "$root[build]"

echo "+ building $out/livenon-desk"
cd "$root"
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$out" --workpath "$work/pyinstaller" packaging/livenon-desk.spec
install -m 0755 packaging/install-linux.sh "$out/livenon-desk/install-linux.sh"
echo "built $out/livenon-desk ($(du -sh "$out/livenon-desk" | cut -f1)):" \
  "$("$out/livenon-desk/livenon-desk" --version)"
