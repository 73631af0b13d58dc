"""How often opacus' ``BatchSplittingSampler.__len__`` is right, per release.

Fixed-size part: every configuration of a grid is iterated for real (the real
``BatchSplittingSampler`` over a real ``BatchSampler``) and its batch count compared
with ``len()``. Poisson part: ``len()`` of the real splitter over a real
``UniformWithReplacementSampler`` against the exact expected batch count.

    .venv/bin/python benchmarks/opacus_grid.py

The "our fix" columns are the real files of each release rewritten by the real
``python -m codemods.fix_len`` command, then loaded and measured like the originals.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from environment import REPO

sys.path.insert(0, str(REPO / "tests"))

import torch  # noqa: E402
from opacus_versions import (  # noqa: E402
    OPACUS_141_BMM,
    batch_splitter,
    codemod_fixed,
    load_opacus_141,
    load_opacus_160,
    make_optimizer,
    opacus_160_path,
    poisson_splitter,
)

from flake8_dplen.runtime import check_length, expected_poisson_batches  # noqa: E402

NS = [
    1,
    2,
    3,
    5,
    7,
    10,
    16,
    31,
    50,
    64,
    99,
    100,
    127,
    200,
    255,
    256,
    257,
    370,
    500,
    777,
    1000,
    1023,
    1500,
    2048,
    2500,
    3000,
]
BS = [1, 2, 3, 4, 5, 7, 8, 10, 16, 32, 50, 58, 64, 256]
MS = [1, 2, 3, 4, 5, 7, 8, 16, 32, 50, 64, 100, 128, 256]

POISSON_NS = [100, 1000, 10_000, 60_000, 1_000_000]
POISSON_BS = [16, 64, 256, 1024]  # logical batch size a DPDataLoader would be built with
POISSON_MS = [8, 32, 64, 100, 256]


def fixed_size_configs():
    for n in NS:
        for b in BS:
            for m in MS:
                for drop_last in (False, True):
                    yield n, b, m, drop_last


def fixed_size_errors(module, optimizer):
    """|len - yielded| per grid configuration, by real iteration."""
    errors = []
    for n, b, m, drop_last in fixed_size_configs():
        report = check_length(batch_splitter(module, n, b, m, drop_last, optimizer))
        optimizer._step_skip_queue.clear()  # only grows when nobody calls step()
        errors.append(abs(report.difference))
    return errors


def poisson_configs():
    for n in POISSON_NS:
        for b in POISSON_BS:
            if b >= n:
                continue
            # DPDataLoader.from_data_loader uses sample_rate = 1 / len(data_loader)
            q = 1 / -(-n // b)
            for m in POISSON_MS:
                yield n, q, m


def poisson_errors(module, optimizer):
    """(|len - E|, E) per Poisson configuration; E is exact, len() from the real class."""
    errors = []
    for n, q, m in poisson_configs():
        splitter = poisson_splitter(module, n, q, m, torch.Generator(), optimizer)
        expected = expected_poisson_batches(n, q, m, len(splitter.sampler))
        errors.append((abs(len(splitter) - expected), expected))
    return errors


def summarize(module):
    optimizer = make_optimizer(1)
    det = fixed_size_errors(module, optimizer)
    poisson_abs = poisson_errors(module, optimizer)
    poisson = [err / expected for err, expected in poisson_abs]
    worst_det = list(fixed_size_configs())[det.index(max(det))]
    n, q, m = list(poisson_configs())[poisson.index(max(poisson))]
    return {
        "fixed-size: len == yielded": f"{sum(e == 0 for e in det) / len(det):.1%}",
        "fixed-size: median |len - yielded|": f"{statistics.median(det):g}",
        "fixed-size: worst |len - yielded|": f"{max(det):g}",
        "  worst at (N, B, M, drop_last)": "{},{},{},{}".format(*worst_det) if max(det) else "-",
        # an integer len() can always get within 1 of E
        "Poisson: |len - E| <= 1": f"{sum(err <= 1 for err, _ in poisson_abs) / len(poisson):.1%}",
        "Poisson: median |len - E| / E": f"{statistics.median(poisson):.2%}",
        "Poisson: worst |len - E| / E": f"{max(poisson):.2%}",
        "Poisson: worst |len - E|": f"{max(err for err, _ in poisson_abs):.2f}",
        "  worst at (n, 1/q, M)": f"{n},{round(1 / q)},{m}" if max(poisson) else "-",
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    # Per-step torch ops here are tiny; extra intra-op threads only contend.
    torch.set_num_threads(1)
    start = time.perf_counter()

    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "141").mkdir()
        (Path(work) / "160").mkdir()
        columns = {
            "opacus 1.4.1 int": load_opacus_141(),
            "opacus 1.6.0 ceil": load_opacus_160(),
            "our fix of 1.4.1": codemod_fixed(OPACUS_141_BMM, Path(work) / "141", "fixed_141_bmm"),
            "our fix of 1.6.0": codemod_fixed(opacus_160_path(), Path(work) / "160", "fixed_160_bmm"),
        }
        results = {name: summarize(module) for name, module in columns.items()}

    n_det = len(NS) * len(BS) * len(MS) * 2
    n_poisson = sum(1 for _ in poisson_configs())
    print(
        f"Fixed-size grid: {n_det} configs (N {NS[0]}..{NS[-1]}, B {BS[0]}..{BS[-1]},"
        f" M {MS[0]}..{MS[-1]}, drop_last both), every one iterated for real."
    )
    print(
        f"Poisson grid: {n_poisson} configs (n {POISSON_NS[0]}..{POISSON_NS[-1]},"
        f" q = 1/ceil(n/B) for B in {POISSON_BS}, M in {POISSON_MS}),"
        " len() vs exact expectation."
    )
    metric_width = max(len(k) for k in results["opacus 1.4.1 int"]) + 2
    widths = [max(len(name), 20) + 2 for name in results]
    print("".ljust(metric_width) + "".join(n.ljust(w) for n, w in zip(results, widths)))
    for metric in results["opacus 1.4.1 int"]:
        row = "".join(results[name][metric].ljust(w) for name, w in zip(results, widths))
        print(metric.ljust(metric_width) + row)
    print(f"runtime: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
