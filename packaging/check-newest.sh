#!/usr/bin/env bash
# Checks the newest versions pyproject.toml allows, not the locked ones: installs them in a
# throw-away virtual environment, lists each package whose newest differs from
# constraints.txt, and runs the README's checks and tests on them. Exit 0: the lock may be
# moved (packaging/lock.sh --upgrade); otherwise the failing check says what a newer release
# breaks (exclude it in pyproject.toml, as PySide6 6.12.0 is, or fix the code).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen LC_ALL=C
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade -e '.[test,postgres]'

# name==version, the name as pip compares names (lower case, - for _ and .), no markers
normalise() { sed 's/ *;.*//' | awk -F'==' '{ n = tolower($1); gsub(/[._]/, "-", n); print n "==" $2 }'; }
"$venv/bin/pip" freeze --exclude-editable | normalise | sort -t= -k1,1 >"$venv/newest.txt"
grep -E '^[A-Za-z0-9]' constraints.txt | normalise | sort -t= -k1,1 >"$venv/locked.txt"
echo "newest allowed (left) against constraints.txt (right), where they differ:"
join -t= -j1 "$venv/newest.txt" "$venv/locked.txt" -o 0,1.3,2.3 |
  awk -F= '$2 != $3 { printf "  %-28s %-14s %s\n", $1, $2, $3 }'

"$venv/bin/ruff" check . && "$venv/bin/mypy" && "$venv/bin/lint-imports" && "$venv/bin/pytest" -q
