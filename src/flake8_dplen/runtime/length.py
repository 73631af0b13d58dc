"""Runtime check that ``len(obj)`` equals the number of batches ``iter(obj)`` yields.

Pure standard library on purpose: it must run wherever the sampler runs, without
pulling torch or numpy into the import of the lint plugin.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, Callable, Iterator, Optional, Sequence, Tuple

from .limits import TimedOut
from .poisson import expected_pieces

__all__ = [
    "LengthReport",
    "check_length",
    "assert_length",
    "check_resumed",
    "assert_resumed",
    "REST",
    "EPOCH",
    "expected_poisson_batches",
    "judge_counts",
]

# Sizes of batches past len() shown in a message; the report keeps all of them.
_SHOWN_SIZES = 5


@dataclass(frozen=True)
class LengthReport:
    """Outcome of :func:`check_length`.

    ``yielded``, ``sizes`` and ``extra_sizes`` are only set in the deterministic mode
    (one epoch, no ``expected``); ``counts``/``mean``/``stderr`` are always set so that
    callers can treat both modes alike. ``cut_off`` says an epoch went past ``limit``
    batches and was stopped there: its count is a lower bound.
    """

    reported: int
    counts: Tuple[int, ...]
    mean: float
    stderr: float
    ok: bool
    expected: Optional[float] = None
    yielded: Optional[int] = None
    extra_sizes: Tuple[Optional[int], ...] = ()
    z: float = 3.0
    sizes: Tuple[Optional[int], ...] = ()
    cut_off: bool = False

    @property
    def epochs(self) -> int:
        return len(self.counts)

    @property
    def difference(self) -> float:
        """Batches yielded (or their mean) minus ``len()``."""
        return (self.yielded if self.yielded is not None else self.mean) - self.reported

    @property
    def message(self) -> str:
        if self.cut_off:
            return (
                f"len() = {self.reported}, iteration went on past {max(self.counts)} batches"
                " and was cut off there: an endless or runaway __iter__"
            )
        if self.yielded is not None:
            return _deterministic_message(self)
        return _random_message(self)


def check_length(
    obj: Any,
    *,
    epochs: int = 1,
    expected: Optional[float] = None,
    reseed: Optional[Callable[[int], Any]] = None,
    z: float = 3.0,
    limit: Optional[int] = None,
) -> LengthReport:
    """Iterate ``obj`` and compare the number of batches with ``len(obj)``.

    With ``epochs == 1`` and no ``expected`` the count must equal ``len(obj)``
    exactly. Otherwise the count is treated as random: ``reseed(epoch)`` is called
    before each epoch, and ``len(obj)`` passes when it is within one batch of the
    expectation (an integer cannot do better) and the observed mean agrees with that
    expectation within ``z`` standard errors.

    ``limit`` caps the batches taken from one epoch, so that an endless ``__iter__``
    ends the check (as a failed, ``cut_off`` report) instead of hanging it.
    """
    if epochs < 1:
        raise ValueError(f"epochs must be >= 1, got {epochs}")
    if expected is not None and epochs < 2:
        raise ValueError("checking against `expected` needs epochs >= 2 to estimate the spread")
    reported = len(obj)
    if epochs == 1 and expected is None:
        return _check_once(obj, reported, reseed, z, limit)

    counts, lengths = [], []
    for epoch in range(epochs):
        if reseed is not None:
            reseed(epoch)
        # Asked again after each reseed: a len() that follows set_epoch (a curriculum's
        # pool) is judged against its own epoch's count, not the first epoch's.
        lengths.append(len(obj) if epoch else reported)
        counts.append(sum(1 for _ in _take(obj, limit)))
        if limit is not None and counts[-1] > limit:
            return LengthReport(
                reported, tuple(counts), math.nan, math.nan, False, expected, z=z, cut_off=True
            )
    if expected is None and len(set(lengths)) > 1:
        # What each epoch yields past its own len(), judged as a random count around 0.
        apart = [count - length for count, length in zip(counts, lengths)]
        ok, _, stderr = judge_counts(0, len(apart), sum(apart), sum(d * d for d in apart), z=z)
        return LengthReport(reported, tuple(counts), sum(counts) / len(counts), stderr, ok, z=z)
    ok, mean, stderr = judge_counts(
        reported, len(counts), sum(counts), sum(c * c for c in counts), expected=expected, z=z
    )
    return LengthReport(reported, tuple(counts), mean, stderr, ok, expected=expected, z=z)


def judge_counts(
    reported: int, epochs: int, total: int, total_sq: int, *, expected: Optional[float] = None, z: float = 3.0
) -> Tuple[bool, float, float]:
    """``(ok, mean, stderr)`` of a random count from its running sums over ``epochs >= 2``
    epochs (the sanitizer keeps sums, not every count): ``len()`` passes when it is within
    one batch of the expectation and the mean agrees with the expectation within ``z``
    standard errors; without ``expected`` the mean stands in for it, and a count that is the
    same in every epoch is not random: len() must equal it."""
    mean, stderr = _mean_and_stderr(epochs, total, total_sq)
    if expected is None and epochs * total_sq == total * total and reported * epochs != total:
        # The same count in every epoch (the sums' equality case) and no expectation
        # declared: nothing says the count is random, so len() has no expectation to
        # round and must be that count. 3DInfomax's shuffling sampler (31 batches every
        # epoch under a len() of 32) passed as "one batch of rounding" before. A declared
        # expectation keeps its rounding: opacus' Poisson splitter, fixed, says
        # ceil(4.00001) = 5 where 200 epochs all gave 4.
        return False, mean, stderr
    if expected is None:
        # The mean stands in for the unknown expectation, so its own uncertainty
        # widens the one-batch rounding allowance instead of being checked alone.
        return abs(reported - mean) <= 1 + z * stderr, mean, stderr
    return abs(reported - expected) <= 1 and abs(mean - expected) <= z * stderr, mean, stderr


def assert_length(obj: Any, **kw: Any) -> LengthReport:
    """:func:`check_length` for tests: raises ``AssertionError`` with the report's message."""
    report = check_length(obj, **kw)
    if not report.ok:
        raise AssertionError(report.message)
    return report


# What len() of a sampler resumed mid-epoch must say (check_resumed's ``resumed_len``).
# REST: the items it still yields, as of any sampler: len() is what __iter__ yields.
# EPOCH: the whole epoch is also right when the rest is that epoch's tail: torchdata's and
# Lightning's loops restore their own batch counter and count on to len() (flash-attention's
# fault-tolerant samplers keep the whole epoch on purpose for that loop).
REST, EPOCH = "rest", "epoch"


def check_resumed(
    obj: Any,
    *,
    full: int,
    consumed: int,
    limit: Optional[int] = None,
    epoch: Optional[Sequence[Any]] = None,
    resumed_len: str = REST,
) -> LengthReport:
    """Judge ``obj`` resumed after ``consumed`` of the ``full`` items of its epoch: the rest
    it yields must be what its ``len()`` says now (a length recomputed on the resumed
    object); with ``resumed_len=EPOCH``, also a ``len()`` that still says the whole epoch
    when the rest is the end of it.

    The rest is the ``full - consumed`` items left, or, given ``epoch`` (the items of the
    whole epoch, unresumed), any tail of it shorter than the epoch: a position counted in
    another unit than the items (``start_iter`` iterations of a loader over an index
    sampler skip ``start_iter * batch_size`` indices; ``consumed_samples`` counts every
    rank's samples) skips a number of items this function cannot know, but the items
    left are still the end of the same epoch."""
    if resumed_len not in (REST, EPOCH):
        raise ValueError(f"resumed_len must be {REST!r} or {EPOCH!r}, not {resumed_len!r}")
    # len() is read before the rest is taken, as a loop reads it: a sampler that clears
    # its resume position once the epoch ends says the whole epoch again afterwards.
    reported = len(obj)
    batches = list(_take(obj, limit))
    report = _report(reported, tuple(map(_batch_size, batches)), 3.0, limit)
    if resumed_len == REST:
        return report
    left = report.yielded
    tail = epoch is not None and left < full and _plain(batches) == _plain(list(epoch)[len(epoch) - left :])
    rest = report.reported == full and (report.yielded == full - consumed or tail)
    return replace(report, ok=report.ok or (rest and not report.cut_off))


def assert_resumed(obj: Any, **judged: Any) -> LengthReport:
    """:func:`check_resumed` for tests, with its keywords: raises ``AssertionError`` with
    the report's message."""
    report = check_resumed(obj, **judged)
    if not report.ok:
        full, consumed = judged["full"], judged["consumed"]
        rest = f"the rest of the epoch is {full - consumed}"
        raise AssertionError(f"resumed after {consumed} of {full} items: {report.message}; {rest}")
    return report


def expected_poisson_batches(
    num_samples: int,
    sample_rate: float,
    max_batch_size: int,
    steps: int,
    empty_batch_counts: bool = True,
) -> float:
    """Exact expected number of physical batches of Poisson-sampled logical batches.

    Each of ``steps`` logical batches has ``K ~ Binomial(num_samples, sample_rate)``
    elements and is cut into ``ceil(K / max_batch_size)`` physical batches. An empty
    logical batch counts as one physical batch when ``empty_batch_counts`` (opacus'
    single-process splitter yields ``[]`` once) and as none otherwise (the distributed
    sampler skips it).
    """
    n, q, m = num_samples, sample_rate, max_batch_size
    if n < 0 or steps < 0 or m < 1 or not 0.0 <= q <= 1.0:
        raise ValueError(f"invalid arguments: n={n}, q={q}, m={m}, steps={steps}")
    # The same function the codemod writes into fixed samplers: one formula, one place.
    return steps * expected_pieces(n, q * n, m, empty_batch_counts)


def _check_once(
    obj: Any, reported: int, reseed: Optional[Callable[[int], Any]], z: float, limit: Optional[int]
) -> LengthReport:
    if reseed is not None:
        reseed(0)
    # Sizes only: a DataLoader's batches of tensors are not kept.
    return _report(reported, tuple(_batch_size(batch) for batch in _take(obj, limit)), z, limit)


def _take(obj: Any, limit: Optional[int]) -> Iterator[Any]:
    """The batches of one epoch, at most ``limit + 1`` (one past the limit shows a cut-off).
    A time limit that stops the epoch is told how many batches had come (``TimedOut.batches``):
    past len() the epoch ran on (an endless ``__iter__``, shown), up to len() it stalled, and a
    stall shows no length."""
    count = 0
    try:
        for batch in islice(obj, limit + 1 if limit is not None else None):
            count += 1
            yield batch
    except TimedOut as exc:
        exc.batches = count
        raise


def _report(reported: int, sizes: Tuple[Optional[int], ...], z: float, limit: Optional[int]) -> LengthReport:
    count = len(sizes)
    cut_off = limit is not None and count > limit
    return LengthReport(
        reported,
        (count,),
        float(count),
        0.0,
        count == reported and not cut_off,
        yielded=count,
        extra_sizes=sizes[reported:],
        z=z,
        sizes=sizes,
        cut_off=cut_off,
    )


def _plain(value: Any) -> Any:
    """``value`` as lists and scalars, so that batches compare by their contents: a tensor
    or an array (``tolist``), or a list or tuple of them."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _mean_and_stderr(k: int, total: int, total_sq: int) -> Tuple[float, float]:
    mean = total / k
    # Integer counts give integer sums, and then this numerator is exact: no cancellation.
    var = max(k * total_sq - total * total, 0) / (k * (k - 1))
    # Floor: if every epoch agreed, a count one batch off may still occur with
    # probability up to ~3/k (rule of three); the standard error of such a
    # Bernoulli(3/k) mean is ~sqrt(3)/k. Without it equal epochs give SE 0 and any
    # non-integer expectation would fail.
    return mean, max(math.sqrt(var / k), math.sqrt(3.0) / k)


def _batch_size(batch: Any) -> Optional[int]:
    # Samplers yield lists of indices; DataLoaders yield tuples/dicts of tensors
    # whose first entry carries the batch dimension.
    if isinstance(batch, Mapping):
        batch = next(iter(batch.values()), batch)
    elif isinstance(batch, (tuple, list)) and batch and all(_sized(e) for e in batch):
        batch = batch[0]
    try:
        return len(batch)
    except TypeError:
        return None


def _sized(x: Any) -> bool:
    return hasattr(x, "__len__") and not isinstance(x, (str, bytes))


def _plural(n: float, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "es" if word.endswith("ch") else "s")


def _deterministic_message(r: LengthReport) -> str:
    head = f"len() = {r.reported}, iteration yielded {_plural(r.yielded, 'batch')}"
    diff = r.yielded - r.reported
    if diff == 0:
        return head + ": they agree"
    if diff < 0:
        first, last = r.yielded, r.reported - 1
        span = f"#{first}" if first == last else f"#{first}..#{last}"
        return (
            f"{head} ({diff:+d}): {_plural(-diff, 'batch')} promised by len() never"
            f" {'comes' if diff == -1 else 'come'} ({span}, 0-based)"
        )
    first, last = r.reported, r.yielded - 1
    span = f"#{first}" if first == last else f"#{first}..#{last}"
    sizes = ", ".join("?" if s is None else str(s) for s in r.extra_sizes[:_SHOWN_SIZES])
    if len(r.extra_sizes) > _SHOWN_SIZES:
        sizes += ", ..."
    label = "size" if diff == 1 else "sizes"
    return (
        f"{head} ({diff:+d}): {_plural(diff, 'batch')} past len() ({span}, 0-based;"
        f" {label} {sizes}), lost to loops that stop at len()"
    )


def _random_message(r: LengthReport) -> str:
    head = (
        f"len() = {r.reported}, iteration yielded {r.mean:.2f} ± {r.stderr:.2f} batches"
        f" (mean ± SE over {r.epochs} epochs, range {min(r.counts)}..{max(r.counts)})"
    )
    target = r.mean if r.expected is None else r.expected
    gap = target - r.reported
    if r.expected is None:
        ref = "the observed mean"
    else:
        zscore = (r.mean - r.expected) / r.stderr
        ref = f"the expectation {r.expected:.2f} (observed mean is {zscore:+.1f} SE from it)"
    verdict = "ok" if r.ok else "MISMATCH"
    if gap > 0:
        what = f"len() is {gap:.2f} below {ref}: ~{gap:.1f} batches per epoch lie past len()"
    elif gap < 0:
        what = f"len() is {-gap:.2f} above {ref}: ~{-gap:.1f} batches per epoch promised by len() never come"
    else:
        what = f"len() equals {ref}"
    if r.expected is not None and abs(r.mean - r.expected) > r.z * r.stderr:
        what += f"; iteration disagrees with expected={r.expected:g} itself"
    return f"{head}; {what} [{verdict}]"
