"""The wild corpus: public samplers no earlier corpus held, split by project into a tuning
and a held-out part (wild/split.py), with ground truth by running (wild/truth.py).

    .venv/bin/python benchmarks/wild.py truth [--project SLUG ...]   # run classes, write groundtruth/
    .venv/bin/python benchmarks/wild.py measure [--part heldout]     # the tool against the ground truth

`truth` needs each project's source: GitHub projects from a session's `fetch` snapshot,
PyPI projects from `pip download` (`--offline`: the cache only). `measure` prints, for each
part, the classes, how many are wrong by running, the DPL1 findings true and false, recall
and precision, and `dplen check`'s outcome per wrong and exact class, with the time taken.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_child"]:
        from wild.truth import child_main

        child_main(argv[1:])
        return 3
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("truth", help="run the classes and write their ground-truth tables")
    run.add_argument("--project", action="append", default=[], help="a slug or project name (repeatable)")
    run.add_argument("--part", choices=("all", "tuning", "heldout"), default="all")
    run.add_argument("--offline", action="store_true", help="never call pip; the cache only")
    run.add_argument("--dry", action="store_true", help="print, write no table")
    meas = commands.add_parser("measure", help="the rules and dplen check against the ground truth")
    meas.add_argument("--project", action="append", default=[], help="a slug or project name (repeatable)")
    meas.add_argument("--part", choices=("all", "tuning", "heldout"), default="all")
    meas.add_argument("--no-check", action="store_true", help="the rules only")
    meas.add_argument("-j", "--jobs", type=int, default=2, help="dplen check runs at once")
    meas.add_argument("--check-args", default="", help="more arguments for dplen check, one string")
    meas.add_argument(
        "--rows", type=Path, help="a JSON file of each class's check outcome: reused where present, then updated"
    )
    args = parser.parse_args(argv)
    from wild.catalog import select

    selected = select(args.project, args.part)
    if args.command == "truth":
        from wild.truth import truth

        truth(selected, offline=args.offline, write=not args.dry)
        return 0
    import time

    from wild.measure import measure, report

    start = time.monotonic()
    parts = measure(selected, args.jobs, not args.no_check, args.check_args.split(), args.rows)
    report(parts, time.monotonic() - start, not args.no_check)
    return 0


if __name__ == "__main__":
    sys.exit(main())
