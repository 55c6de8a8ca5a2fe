#!/usr/bin/env bash
# Writes constraints.txt: the exact version of every package the desk, its tests, the central
# server and the build install, for Linux, Windows and macOS alike (markers say which
# package is one platform's only). pip installs from it with `-c constraints.txt`.
#
#   packaging/lock.sh                            keeps the versions locked, adds what is new
#   packaging/lock.sh --upgrade-package NAME     moves one package to its newest allowed
#   packaging/lock.sh --upgrade                  moves every package (run check-newest.sh first)
#
# It resolves with uv (its --universal resolution covers every platform in one file; pip
# resolves for the machine it runs on only), in a throw-away virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools"
"$tools/bin/pip" install -q uv
"$tools/bin/uv" pip compile pyproject.toml --universal --python-version 3.11 \
  --extra test --extra postgres --extra central --extra build \
  --custom-compile-command packaging/lock.sh -o constraints.txt "$@"
