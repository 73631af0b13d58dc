"""`dplen check` over the run-verified corpus: does the search find a counterexample in
every class the corpus's recipes show mismatching, with no factory written for it, and
none in a class they show exact?

Each package's samplers are loaded from its unpacked wheel the way the corpus's runtime
half loads them (``realcode.loading``: most dependencies are not installed), then handed
to ``flake8_dplen.check.search.check_class`` with its default argument generation and the
one registered factory of ``benchmarks/check_factories.py`` (opacus' optimizer). Ground
truth is the recipe's own run over its grid (``realcode.runtime``).

    .venv/bin/python benchmarks/check_corpus.py                 # every package with recipes
    .venv/bin/python benchmarks/check_corpus.py --packages opacus-1.4.1 --budget 2

The cache is the corpus benchmark's (``benchmarks/corpus.py`` fills it). Exit status 0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import List, Optional, Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realcode.packages import OWN  # noqa: E402
from realcode.recipes import RECIPES  # noqa: E402

FIELDS = ("label", "name", "truth", "status", "how", "seconds", "detail")


def worker(label: str, tree: Path, budget: float) -> None:
    """One package, in its own process (loading a tree patches torch for some of them)."""
    import runpy

    import torch.utils.data
    from realcode.loading import TreeLoader
    from realcode.runtime import LEGACY_SAMPLER_INIT, _run_cases

    from flake8_dplen.check.report import finding
    from flake8_dplen.check.search import Options, check_class

    runpy.run_path(str(REPO / "benchmarks" / "check_factories.py"))
    os.environ.setdefault("YOLO_CONFIG_DIR", tempfile.mkdtemp(prefix="dplen-yolo-"))
    if label in LEGACY_SAMPLER_INIT:
        torch.utils.data.Sampler.__init__ = lambda self, data_source=None: None
    options = Options(budget=budget, seed=0)
    for rec in [r for r in RECIPES if r.label == label and not r.skip]:
        loader = TreeLoader(tree, OWN.get(label, ()))
        row = [label, f"{rec.rel}::{rec.cls}"]
        try:
            got = _run_cases(loader, rec, [])
            truth = "mismatch" if got["mismatches"] else ("exact" if got["runs"] else "unknown")
            cls = getattr(loader.load_file(rec.rel), rec.cls)
        except Exception as exc:
            print("\t".join(row + ["unknown", "not loaded", "-", "0", f"{type(exc).__name__}: {exc}"[:160]]))
            continue
        began = time.monotonic()
        result = check_class(cls, options)
        detail = result.why or (finding(result) if result.found else "")
        print(
            "\t".join(
                row + [truth, result.status, result.how, f"{time.monotonic() - began:.1f}", detail[:160]]
            )
        )
        sys.stdout.flush()


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--packages", default="", help="comma-separated labels (default: all with recipes)")
    parser.add_argument(
        "--cache", type=Path, default=REPO / ".cache" / "corpus", help="the corpus cache folder"
    )
    parser.add_argument("--budget", type=float, default=2.0, help="seconds of search per class")
    parser.add_argument("--worker", nargs=2, metavar=("LABEL", "TREE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker[0], Path(args.worker[1]), args.budget)
        return 0
    wanted = [p for p in args.packages.split(",") if p] or sorted({r.label for r in RECIPES})
    rows: List[List[str]] = []
    began = time.monotonic()
    for label in wanted:
        tree = args.cache / "src" / label
        if not tree.is_dir():
            print(f"{label}: not in the cache ({tree}); run benchmarks/corpus.py first", file=sys.stderr)
            continue
        done = subprocess.run(
            [sys.executable, __file__, "--worker", label, str(tree), "--budget", str(args.budget)],
            capture_output=True,
            text=True,
            timeout=3600,
        )
        found = [line.split("\t") for line in done.stdout.splitlines() if line.count("\t") == len(FIELDS) - 1]
        rows += found
        if done.returncode:
            print(f"{label}: worker exited {done.returncode}: {done.stderr.strip()[-600:]}", file=sys.stderr)
    for row in rows:
        print("  ".join(row))
    statuses = Counter(row[3] for row in rows)
    hows = Counter(row[4] for row in rows if row[3] not in ("not loaded",))
    found = {"counterexample", "cut off"}
    mismatching = [r for r in rows if r[2] == "mismatch"]
    exact = [r for r in rows if r[2] == "exact"]
    print()
    print(
        f"classes with recipes run: {len(rows)} in {len(wanted)} packages, {time.monotonic() - began:.0f} s"
    )
    print("check status: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    print("built: " + ", ".join(f"{k}: {v}" for k, v in sorted(hows.items())))
    print(
        f"mismatching by the recipes: {len(mismatching)}; the check found a counterexample in "
        f"{sum(r[3] in found for r in mismatching)}; could not build {sum(r[3] == 'could not build' for r in mismatching)}"
    )
    print(
        f"exact by the recipes: {len(exact)}; the check reported a counterexample in "
        f"{sum(r[3] in found for r in exact)}"
    )
    for r in exact:
        if r[3] in found:
            print(f"  counterexample in a class the recipes find exact: {r[0]} {r[1]}: {r[6]}")
    for r in mismatching:
        if r[3] not in found:
            print(f"  missed: {r[0]} {r[1]}: {r[3]} {r[6]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
