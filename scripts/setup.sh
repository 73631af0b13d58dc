#!/usr/bin/env bash
# Creates .venv with the package and its test extra, and unpacks the opacus 1.4.1
# wheel (the release with the int() bug) into .cache/ for the tests. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q -c constraints.txt -e '.[test]'
dest=.cache/opacus-1.4.1
if [ ! -f "$dest/opacus/utils/batch_memory_manager.py" ]; then
  mkdir -p .cache/wheels "$dest"
  .venv/bin/python -m pip download -q --no-deps opacus==1.4.1 -d .cache/wheels
  .venv/bin/python -m zipfile -e .cache/wheels/opacus-1.4.1-py3-none-any.whl "$dest"
fi
