"""flake8-dplen over real code: the wheels of packages whose data pipelines define samplers.

Each package's wheel is fetched with ``pip download --no-deps --only-binary=:all:`` (for
the few released as source only, its sdist, unpacked and never built), unpacked into a
cache folder, and every ``.py`` file in it goes
through the same core flake8 calls (``analyze_source``) and through
``python -m codemods.fix_len --check``. Then the codemod is run for real on a copy of each
tree, and every file it changes is checked: it compiles, only the flagged expressions
changed (plus an ``import math`` and/or the appended ``_dplen_expected_pieces``), and a
second run changes nothing.

    .venv/bin/python benchmarks/corpus.py                      # fetch (or reuse) and report
    .venv/bin/python benchmarks/corpus.py --offline            # reuse the cache, no pip
    .venv/bin/python benchmarks/corpus.py --packages opacus-1.4.1,speechbrain
    .venv/bin/python benchmarks/corpus.py --findings           # list every finding too
    .venv/bin/python benchmarks/corpus.py --runtime            # also len() vs batches, for real
    .venv/bin/python benchmarks/corpus.py --holdout --cache .cache/holdout --runtime
                                                               # the hold-out corpus instead

``--runtime`` constructs every sampler class of the corpus that a recipe
(``realcode.recipes``, ``realcode.recipes_grown``) knows how to build, or else that the
grid of ``realcode.probing`` can build from its constructor's signature, from the unpacked wheel (its module run
statement by statement, see ``realcode.loading``: most packages' dependencies are not
installed), iterates it over small configurations and compares ``len()`` with the
batches yielded (an endless epoch is cut off and counted as a mismatch). Each mismatch
is matched against the findings in that class, so misses (false negatives) are listed;
a class with a finding is run again from the codemod's output, to show whether the fix
makes it agree and leaves the batches as they were. A summary closes the report:
classes run, wrong by running, DPL1 findings true and false, precision and recall.

``--holdout`` takes the packages of ``realcode.packages.HOLDOUT`` instead of ``PACKAGES``:
projects the rules were not tuned on, with no hand recipes (benchmarks/holdout_findings.md).

Exit status: 0 when the codemod checks all pass and the codemod agrees with the plugin;
1 otherwise; 2 when a package could not be fetched or unpacked.

This file is the command line; the parts live in benchmarks/realcode/ (see its
``__init__``), and tests/test_corpus_benchmark.py runs it on a subset in CI.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import List, Optional, Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from realcode.fetching import FetchError, fetch  # noqa: E402
from realcode.packages import HOLDOUT, PACKAGES  # noqa: E402
from realcode.report import (  # noqa: E402
    print_codemod_check,
    print_errors,
    print_findings,
    print_rewrites,
    print_samplers,
    print_table,
)
from realcode.rewriting import rewrite_copy  # noqa: E402
from realcode.runtime import runtime_report, runtime_worker  # noqa: E402
from realcode.scanning import PackageResult, analyze_tree, codemod_check  # noqa: E402


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    labels = ", ".join(label for label, _ in PACKAGES)
    parser.add_argument("--packages", default="", help=f"comma-separated labels (default: all): {labels}")
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="the hold-out corpus (realcode.packages.HOLDOUT) instead of PACKAGES; --packages then "
        "names its labels: " + ", ".join(label for label, _ in HOLDOUT),
    )
    parser.add_argument("--cache", default=str(REPO / ".cache" / "corpus"), help="download/unpack folder")
    parser.add_argument("--offline", action="store_true", help="never call pip; use the cache only")
    parser.add_argument("--findings", action="store_true", help="print every finding")
    parser.add_argument("--samplers", action="store_true", help="print every sampler class with __len__")
    parser.add_argument("--no-rewrite", action="store_true", help="skip the codemod-on-a-copy checks")
    parser.add_argument("--runtime", action="store_true", help="also run the runtime len() check")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runtime-worker", metavar="LABEL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    cache = Path(args.cache).resolve()
    if args.runtime_worker:
        return runtime_worker(args.runtime_worker, cache / "src" / args.runtime_worker)

    wanted = [p.strip() for p in args.packages.split(",") if p.strip()]
    corpus = HOLDOUT if args.holdout else PACKAGES
    known = dict(corpus)
    unknown = [p for p in wanted if p not in known]
    if unknown:
        parser.error(f"unknown package label(s): {', '.join(unknown)}")
    selected = [(label, req) for label, req in corpus if not wanted or label in wanted]

    status = 0
    results: List[PackageResult] = []
    for label, requirement in selected:
        try:
            tree = fetch(label, requirement, cache, args.offline)
        except FetchError as exc:
            print(f"skipped {exc}", file=sys.stderr)
            status = 2
            continue
        result = analyze_tree(label, tree)
        codemod_check(result, tree, args.jobs)
        if not args.no_rewrite:
            result.rewrite = rewrite_copy(result, tree, args.jobs)
        results.append(result)
        print(
            f"[{label}] {result.wheel}: {result.files} files, {len(result.hits)} findings "
            f"({result.seconds:.1f} s)",
            file=sys.stderr,
        )

    print()
    print_table(results)
    if args.samplers:
        print_samplers(results)
    print_findings(results, args.findings)
    print_errors(results)
    if not print_codemod_check(results):
        status = max(status, 1)
    if not args.no_rewrite and not print_rewrites(results):
        status = max(status, 1)
    if args.runtime:
        if runtime_report([r.label for r in results], cache):
            status = max(status, 1)
    return status


if __name__ == "__main__":
    sys.exit(main())
