#!/usr/bin/env bash
# The main job on the shipped example, from a fresh clone: a venv of its own holding just
# the package (flake8 and libcst come with it; seconds, not the test set-up's torch and
# opacus), then flake8 finds the opacus-style bug, the codemod shows and applies its fix
# on a copy, and flake8 finds nothing. scripts/setup.sh is the full test set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$PWD/.cache/demo-venv"
echo "== creating a venv for the demo in .cache/demo-venv"
python3 -m venv "$venv"
echo "== installing flake8-dplen from this clone, with flake8 and libcst (pip install .)"
"$venv/bin/python" -m pip install -q --disable-pip-version-check .
# flake8 --version wraps its plugin list over lines: the first word of the first is the version.
echo "== installed $("$venv/bin/dplen" --version) with flake8 $("$venv/bin/flake8" --version | head -n1 | cut -d' ' -f1)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/split_sampler.py "$work/"
cd "$work"
echo "== flake8 --select=DPL split_sampler.py"
"$venv/bin/flake8" --select=DPL split_sampler.py || true
echo "== dplen fix --diff split_sampler.py (shows the fix, writes nothing)"
"$venv/bin/dplen" fix --diff split_sampler.py || true
echo "== dplen fix split_sampler.py (applies the fix), then flake8 again"
"$venv/bin/dplen" fix split_sampler.py
"$venv/bin/flake8" --select=DPL split_sampler.py && echo "no DPL findings left"
