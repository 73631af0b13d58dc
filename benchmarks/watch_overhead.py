"""What the length sanitizer adds to a DataLoader epoch, measured side by side in one run.

Cases, each an epoch over an in-memory ``TensorDataset`` (20,000 rows of 8 floats,
batches of 64):

* ``torch``: ``DataLoader(shuffle=True)``, torch's own RandomSampler and BatchSampler
  (trusted by the sanitizer: what every default loader pays);
* ``user-batch``: a user batch sampler (a Sampler subclass yielding lists), watched;
* ``user-index``: a user sampler yielding one index at a time under torch's
  BatchSampler, watched: the worst case, one counted item per row;
* ``workers``: ``user-batch`` with ``num_workers=2``.

Goals (from issue 21): at most 2% more time per epoch with ``num_workers=0`` (the
``torch`` and ``user-batch`` cases; ``user-index`` is printed, not a goal), at most
0.5% with workers, and the sanitizer's memory constant per sampler: the bytes it holds
after 300 and after 3,000 epochs of one sampler must be equal (both past CPython's cache
of small ints, whose end would otherwise show as one int object more).

How: one process, the sanitizer installed and uninstalled between rounds, sides in ABBA
order so drift falls on both. The wall ratio is min(on) / min(off) of ``--rounds``
rounds of ``--epochs`` epochs (extra time is noise, never a faster loader), the median
ratio beside it. On a machine shared with other jobs the wall ratios swing by several
percent either way, more than the sanitizer costs, so the goals are tested on the
implied ratio: (epoch off + added) / epoch off, where "added" is the CPU time the
sanitizer adds to an epoch of the index sampler alone (on minus off, the minimum of
three times as many rounds, measured with process_time). With workers the sampler is
still iterated in the main process, so the same "added" applies. One torch thread.

Usage::

    python benchmarks/watch_overhead.py              # 15 rounds of 3 epochs per case
    python benchmarks/watch_overhead.py --quick      # 3 rounds, smoke test

Exit status: 0 when the goals are met, 1 when one is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import torch  # noqa: E402
from torch.utils.data import BatchSampler, DataLoader, Sampler, TensorDataset  # noqa: E402

from flake8_dplen.watch import sanitizer  # noqa: E402

ROWS, BATCH = 20_000, 64


class UserBatches(Sampler):
    def __init__(self, n: int, size: int) -> None:
        self.n, self.size = n, size

    def __len__(self) -> int:
        return -(-self.n // self.size)

    def __iter__(self):
        order = torch.randperm(self.n).tolist()
        for start in range(0, self.n, self.size):
            yield order[start : start + self.size]


class UserIndices(Sampler):
    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __iter__(self):
        return iter(torch.randperm(self.n).tolist())


def loaders(dataset):
    return {
        "torch": DataLoader(dataset, batch_size=BATCH, shuffle=True),
        "user-batch": DataLoader(dataset, batch_sampler=UserBatches(ROWS, BATCH)),
        "user-index": DataLoader(dataset, batch_sampler=BatchSampler(UserIndices(ROWS), BATCH, False)),
        "workers": DataLoader(
            dataset, batch_sampler=UserBatches(ROWS, BATCH), num_workers=2, persistent_workers=True
        ),
    }


def timed(loader, epochs: int) -> float:
    began = time.perf_counter()
    for _ in range(epochs):
        for _ in loader:
            pass
    return time.perf_counter() - began


def overhead(loader, rounds: int, epochs: int):
    seen = []
    times = {False: [], True: []}
    timed(loader, 1)  # warm-up: workers started, pages touched
    for r in range(rounds):
        for on in (False, True) if r % 2 == 0 else (True, False):
            if on:
                sanitizer.install(seen.append)
            try:
                times[on].append(timed(loader, epochs))
            finally:
                sanitizer.uninstall()
    assert not seen, seen  # every sampler here agrees with its len()
    best = min(times[True]) / min(times[False])
    median = statistics.median(times[True]) / statistics.median(times[False])
    return best, median, min(times[False]) / epochs


def growth(first: int, last: int) -> int:
    """Bytes allocated by the sanitizer's module that are held after epoch ``last`` and
    were not after epoch ``first``, for one watched sampler. Keeping a count per epoch
    would cost at least 8 B an epoch; what is allowed is the noise of the objects that
    happen to be alive at either moment (one epoch's iterator, ints growing a digit)."""
    sampler = UserBatches(1000, 10)
    sanitizer.install(lambda m: None)
    only = [tracemalloc.Filter(True, sanitizer.__file__)]
    try:
        tracemalloc.start()
        for epoch in range(1, last + 1):
            for _ in sampler:
                pass
            if epoch == first:
                before = tracemalloc.take_snapshot().filter_traces(only)
        after = tracemalloc.take_snapshot().filter_traces(only)
        tracemalloc.stop()
    finally:
        sanitizer.uninstall()
    return sum(stat.size_diff for stat in after.compare_to(before, "filename"))


def epoch_cost(loader, rounds: int, epochs: int):
    """CPU time of an epoch of the loader's index sampler alone, off and on: what the
    sanitizer adds, without the loader's own (much larger, much noisier) work."""
    sampler = loader.batch_sampler
    times = {False: [], True: []}
    for r in range(rounds):
        for on in (False, True) if r % 2 == 0 else (True, False):
            if on:
                sanitizer.install(lambda m: None)
            try:
                began = time.process_time()
                for _ in range(epochs):
                    for _ in sampler:
                        pass
                times[on].append((time.process_time() - began) / epochs)
            finally:
                sanitizer.uninstall()
    return min(times[True]) - min(times[False])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rounds = 3 if args.quick else args.rounds
    torch.set_num_threads(1)
    dataset = TensorDataset(torch.randn(ROWS, 8))
    goals = {"torch": 1.02, "user-batch": 1.02, "workers": 1.005}
    ok = True
    print(f"{'case':<11} {'epoch off':>10} {'wall ratio min/median':>22} {'added':>9} {'implied':>8}  goal")
    for name, loader in loaders(dataset).items():
        best, median, epoch = overhead(loader, rounds, args.epochs)
        added = epoch_cost(loader, 3 * rounds, 3 * args.epochs)
        implied = 1 + added / epoch
        goal = goals.get(name)
        verdict = "-" if goal is None else (f"<= {goal} " + ("met" if implied <= goal else "MISSED"))
        ok &= goal is None or implied <= goal
        print(
            f"{name:<11} {epoch * 1000:>8.1f}ms {best:>12.4f} / {median:<7.4f}"
            f" {added * 1e6:>7.0f}us {implied:>8.4f}  {verdict}"
        )
    grown = growth(300, 3000)
    ok &= grown < 1024
    print(
        f"memory: the sanitizer holds {grown:+d} B more after 3000 epochs of one sampler than after 300"
        + (" (constant)" if grown < 1024 else " (GROWS)")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
