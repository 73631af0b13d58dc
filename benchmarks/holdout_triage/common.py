# ruff: noqa: E501, E701, E702, E731, E741, E401, E402
# Triage scripts (see common.py): written to be read next to holdout_findings.md, one grid per class.
"""Shared by the hold-out triage scripts (benchmarks/holdout_findings.md, section 3).

NOT part of the benchmark: corpus.py --holdout runs the hold-out classes through the
signature grid only, so its figures measure the rules as they are. These scripts build
each class by hand (fake datasets, explicit arguments) to judge by running what the grid
could not reach. Do not turn them into recipes of realcode/: the hold-out would stop
being one.

    PYTHONPATH=src:. .venv/bin/python benchmarks/holdout_triage/t_supar.py

The cache is DPLEN_HOLDOUT_CACHE (default .cache/holdout), as filled by
`corpus.py --holdout --cache .cache/holdout`.
"""

import os
import signal
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
CACHE = Path(os.environ.get("DPLEN_HOLDOUT_CACHE", REPO / ".cache" / "holdout")) / "src"
from realcode.runtime import prepare


def load(label, rel):
    loader = prepare(label, CACHE / label)
    return loader.load_file(rel)

class Timeout(Exception): pass
def _alarm(*a): raise Timeout()
signal.signal(signal.SIGALRM, _alarm)

RESULTS = []
def check(name, config, make, epochs=2, between=None, seconds=5):
    """len() vs batches yielded, for `epochs` consecutive epochs of one instance."""
    signal.alarm(seconds)
    try:
        s = make()
        out = []
        for e in range(epochs):
            if between: between(s, e)
            n = len(s)
            got = 0
            for _ in s:
                got += 1
                if got > 2 * n + 100:
                    out.append((e, n, "endless")); break
            else:
                out.append((e, n, got))
        signal.alarm(0)
        bad = [o for o in out if o[1] != o[2]]
        RESULTS.append((name, config, "MISMATCH" if bad else "ok", out))
    except Timeout:
        RESULTS.append((name, config, "TIMEOUT (no batch count in 5 s)", None))
    except Exception as exc:
        signal.alarm(0)
        RESULTS.append((name, config, f"raised {type(exc).__name__}: {str(exc)[:100]}", None))

def report():
    from collections import defaultdict
    by = defaultdict(list)
    for r in RESULTS: by[r[0]].append(r)
    for name, rows in by.items():
        ran = [r for r in rows if r[2] in ("ok", "MISMATCH")]
        bad = [r for r in rows if r[2] == "MISMATCH"]
        print(f"== {name}: {len(ran)} configs run, {len(bad)} mismatched, {len(rows)-len(ran)} raised/timed out")
        for r in bad[:4]: print("   MISMATCH", r[1], r[3])
        others = [r for r in rows if r[2] not in ("ok", "MISMATCH")]
        for r in others[:3]: print("   ", r[2], r[1])
