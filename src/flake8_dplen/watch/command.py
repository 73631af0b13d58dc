"""`dplen watch [--warn] COMMAND ...`: run a program under the length sanitizer, as
`coverage run` does, and report at its exit every epoch whose count missed len().

The program runs as a child process with this package's sitecustomize folder first on
PYTHONPATH, so every Python process it starts (torchrun's ranks, spawned DataLoader
workers, subprocesses) watches its samplers and appends its mismatches to a file of its
own in a temporary folder; the report is read from there after the program ends, so a
program that exits hard, or crashes, still gets the mismatches seen until then.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import List, Optional, Sequence

from .sanitizer import Mismatch

# A mismatch was seen: distinct from the statuses of usage errors (2) and of `dplen check`.
MISMATCH = 3
_SITE = Path(__file__).resolve().parent / "_site"


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Run COMMAND under the length sanitizer: every sampler epoch whose number of"
        " items differs from len() is reported when the program ends.",
        epilog=f"Exit status: the program's own, or {MISMATCH} when a mismatch was seen (unless --warn);"
        " 2 when COMMAND cannot be run. Example: dplen watch python train.py --epochs 2",
    )
    parser.add_argument(
        "--warn", action="store_true", help="report mismatches, keep the program's exit status"
    )
    parser.add_argument("command", nargs=argparse.REMAINDER, metavar="COMMAND ...", help="the program to run")
    return parser


def main(argv: Optional[Sequence[str]] = None, prog: str = "dplen watch") -> int:
    args = build_parser(prog).parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        build_parser(prog).print_usage(sys.stderr)
        print(f"{prog}: error: give the COMMAND to run", file=sys.stderr)
        return 2
    directory = tempfile.mkdtemp(prefix="dplen-watch-")
    try:
        status = _run(command, directory, prog)
        if status is None:
            return 2
        found = _read(directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    if found:
        print(f"{prog}: {len(found)} sampler epoch(s) disagreed with len():", file=sys.stderr)
        # The same epoch, again and again over a run, is said once with its count.
        for message, times in Counter(m.message for m in found).items():
            print(f"  {message}" + (f" [{times} epochs]" if times > 1 else ""), file=sys.stderr)
    return MISMATCH if found and not args.warn else status


def _run(command: List[str], directory: str, prog: str) -> Optional[int]:
    env = dict(os.environ, DPLEN_WATCH_DIR=directory)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_SITE), os.environ.get("PYTHONPATH")) if p)
    try:
        child = subprocess.Popen(command, env=env)
    except OSError as exc:
        print(f"{prog}: error: cannot run {command[0]!r}: {exc.strerror or exc}", file=sys.stderr)
        return None
    while True:
        try:
            status = child.wait()
            break
        except KeyboardInterrupt:  # the child got the Ctrl-C too; its report comes at its exit
            continue
    # A child killed by a signal exits, as a shell reports it, with 128 + the signal.
    return 128 - status if status < 0 else status


def _read(directory: str) -> List[Mismatch]:
    found = []
    for path in sorted(Path(directory).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                found.append(Mismatch(**json.loads(line)))
            except (ValueError, TypeError):  # a line cut short by a killed process
                continue
    return found


if __name__ == "__main__":
    sys.exit(main(prog="python -m flake8_dplen.watch.command"))
