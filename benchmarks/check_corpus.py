"""`dplen check` over the run-verified corpus: does the search find a counterexample in
every class the corpus's runs show mismatching, with no factory written for it, and
none in a class they show exact?

Each package's samplers are loaded from its unpacked tree the way the corpus's runtime
half loads them (``realcode.runtime.prepare``: most dependencies are not installed), then
handed to ``flake8_dplen.check.search.check_class`` with its default argument generation
and the one registered factory of ``benchmarks/check_factories.py`` (opacus' optimizer).
Ground truth is the corpus's own run of the class over its grid (a hand recipe, or the
signature grid), ``realcode.runtime``.

    .venv/bin/python benchmarks/check_corpus.py                 # the whole corpus
    .venv/bin/python benchmarks/check_corpus.py --packages opacus-1.4.1 --budget 2

The cache is the corpus benchmark's (``benchmarks/corpus.py`` fills it). Exit status 0.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import List, Optional, Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realcode.packages import PACKAGES  # noqa: E402

FIELDS = ("label", "name", "truth", "status", "how", "seconds", "detail")


def worker(label: str, tree: Path, budget: float) -> None:
    """One package, in its own process (running a tree patches torch for most of them)."""
    import runpy

    from realcode.runtime import _plan, _run_cases, prepare

    from flake8_dplen.check.report import finding
    from flake8_dplen.check.search import Options, check_class

    runpy.run_path(str(REPO / "benchmarks" / "check_factories.py"))
    loader = prepare(label, tree)
    options = Options(budget=budget, seed=0)
    for rel, cls_name, cases, skip in _plan(label, tree, loader):
        if skip:
            continue
        row = [label, f"{rel}::{cls_name}"]
        try:
            got = _run_cases(loader, rel, cls_name, cases, [])
            truth = "mismatch" if got["mismatches"] else ("exact" if got["runs"] else "unknown")
            cls = getattr(loader.load_file(rel), cls_name)
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
    parser.add_argument("--packages", default="", help="comma-separated labels (default: the whole corpus)")
    parser.add_argument(
        "--cache", type=Path, default=REPO / ".cache" / "corpus", help="the corpus cache folder"
    )
    parser.add_argument("--budget", type=float, default=2.0, help="seconds of search per class")
    parser.add_argument("--worker", nargs=2, metavar=("LABEL", "TREE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker[0], Path(args.worker[1]), args.budget)
        return 0
    wanted = [p for p in args.packages.split(",") if p] or [label for label, _ in PACKAGES]
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
