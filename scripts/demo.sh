#!/usr/bin/env bash
# Sets up, then runs the main job on the shipped example: flake8 finds the opacus-style
# bug, the codemod shows and applies its fix on a copy, flake8 then finds nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/split_sampler.py "$work/"
echo "== flake8 --select=DPL examples/split_sampler.py"
.venv/bin/python -m flake8 --select=DPL "$work/split_sampler.py" || true
echo "== python -m codemods.fix_len --diff"
.venv/bin/python -m codemods.fix_len --diff "$work/split_sampler.py" || true
echo "== python -m codemods.fix_len (applies the fix), then flake8 again"
.venv/bin/python -m codemods.fix_len "$work/split_sampler.py"
.venv/bin/python -m flake8 --select=DPL "$work/split_sampler.py" && echo "no DPL findings left"
