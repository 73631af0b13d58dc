"""Runtime check that ``len(obj)`` equals the number of batches ``iter(obj)`` yields.

Pure standard library on purpose: it must run wherever the sampler runs, without
pulling torch or numpy into the import of the lint plugin.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable, Optional, Tuple

__all__ = ["LengthReport", "check_length", "assert_length", "expected_poisson_batches"]

# Sizes of batches past len() shown in a message; the report keeps all of them.
_SHOWN_SIZES = 5


@dataclass(frozen=True)
class LengthReport:
    """Outcome of :func:`check_length`.

    ``yielded`` and ``extra_sizes`` are only set in the deterministic mode (one
    epoch, no ``expected``); ``counts``/``mean``/``stderr`` are always set so that
    callers can treat both modes alike.
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

    @property
    def epochs(self) -> int:
        return len(self.counts)

    @property
    def difference(self) -> float:
        """Batches yielded (or their mean) minus ``len()``."""
        return (self.yielded if self.yielded is not None else self.mean) - self.reported

    @property
    def message(self) -> str:
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
) -> LengthReport:
    """Iterate ``obj`` and compare the number of batches with ``len(obj)``.

    With ``epochs == 1`` and no ``expected`` the count must equal ``len(obj)``
    exactly. Otherwise the count is treated as random: ``reseed(epoch)`` is called
    before each epoch, and ``len(obj)`` passes when it is within one batch of the
    expectation (an integer cannot do better) and the observed mean agrees with that
    expectation within ``z`` standard errors.
    """
    if epochs < 1:
        raise ValueError(f"epochs must be >= 1, got {epochs}")
    if expected is not None and epochs < 2:
        raise ValueError("checking against `expected` needs epochs >= 2 to estimate the spread")
    reported = len(obj)
    if epochs == 1 and expected is None:
        return _check_once(obj, reported, reseed, z)

    counts = []
    for epoch in range(epochs):
        if reseed is not None:
            reseed(epoch)
        counts.append(sum(1 for _ in obj))
    mean, stderr = _mean_and_stderr(counts)
    if expected is None:
        # The mean stands in for the unknown expectation, so its own uncertainty
        # widens the one-batch rounding allowance instead of being checked alone.
        ok = abs(reported - mean) <= 1 + z * stderr
    else:
        ok = abs(reported - expected) <= 1 and abs(mean - expected) <= z * stderr
    return LengthReport(reported, tuple(counts), mean, stderr, ok, expected=expected, z=z)


def assert_length(obj: Any, **kw: Any) -> LengthReport:
    """:func:`check_length` for tests: raises ``AssertionError`` with the report's message."""
    report = check_length(obj, **kw)
    if not report.ok:
        raise AssertionError(report.message)
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
    empty_weight = 1.0 if empty_batch_counts else 0.0
    if n == 0 or q == 0.0:
        return steps * empty_weight
    if q == 1.0:
        return steps * float(-(-n // m))
    fourier = _fourier_terms(n, q, m)
    if fourier is not None and fourier * 3.5 < 18.0 * math.sqrt(n * q * (1.0 - q)) + 2:
        per_step = _mean_ceil_fourier(n, q, m)
    else:
        per_step = _mean_ceil_direct(n, q, m)
    p_empty = math.exp(n * math.log1p(-q))
    return steps * (per_step + empty_weight * p_empty)


# E[ceil(K/m)] has two exact evaluations with opposite costs: summing the pmf needs
# ~18 standard deviations of terms, the Fourier form ~m/sd terms. The 3.5 above is
# their measured per-term cost ratio. The Fourier form is only exact when its terms
# die out before j = m/2; otherwise it cancels m-sized terms down to the answer.


def _mean_ceil_direct(n: int, q: float, m: int) -> float:
    """E[ceil(K/m)] for K ~ Binomial(n, q), 0 < q < 1, by summing the pmf.

    Walks the pmf outward from the mode with the ratio recurrence, starting from an
    unnormalised weight of 1 and dividing by the summed weight at the end: that
    sidesteps lgamma, whose absolute error near 1e7 would cost ~1e-9 relative.
    Stops once a weight is below 1e-17 of the summed weight and its term below
    1e-17 of the summed terms (the latter matters when the mode is 0 and the answer
    is all tail); past the mode the pmf only falls, and below it so does ceil(k/m).
    """
    odds = q / (1.0 - q)
    mode = min(n, int((n + 1) * q))
    total = 0.0
    weighted = 0.0
    w = 1.0
    k = mode
    while k <= n:
        term = w * (-(-k // m))
        if w < 1e-17 * total and term < 1e-17 * weighted:
            break
        total += w
        weighted += term
        w *= (n - k) * odds / (k + 1)
        k += 1
    w = 1.0
    k = mode
    while k > 0:
        w *= k / ((n - k + 1) * odds)
        k -= 1
        if w < 1e-17 * total:
            break
        total += w
        weighted += w * (-(-k // m))
    return weighted / total


def _mean_ceil_fourier(n: int, q: float, m: int) -> float:
    """E[ceil(K/m)] for K ~ Binomial(n, q), 0 < q < 1, via the characteristic function.

    ceil(K/m) = (K + r(K)) / m with the sawtooth r(K) = (-K) mod m, and over the
    m-th roots of unity w^j the sawtooth's expectation is exactly
    E[r] = (m-1)/2 - sum_{j=1}^{m-1} phi(j) / (1 - w^j),  phi(j) = (1 - q + q w^j)^n.
    Terms j and m-j are conjugate, so only j <= m/2 is summed; |phi| falls with j
    there, which bounds everything not yet summed.
    """
    a = 4.0 * q * (1.0 - q)
    tol = 1e-17 * max(n * q, 1.0)
    rest = 0.0
    for j in range(1, m // 2 + 1):
        half = math.pi * j / m
        s = math.sin(half)
        x = a * s * s  # 1 - |1 - q + q w^j|^2, kept apart for log1p's precision
        mag = 0.0 if x >= 1.0 else math.exp(0.5 * n * math.log1p(-x))
        phase = n * math.atan2(q * math.sin(2.0 * half), 1.0 - 2.0 * q * s * s)
        # 2 Re[phi / (1 - w^j)], using 1 / (1 - e^{it}) = (1 + i cot(t/2)) / 2
        term = mag * (math.cos(phase) - math.sin(phase) * math.cos(half) / s)
        rest += term / 2.0 if 2 * j == m else term
        if mag * (m - 2 * j) / (2.0 * s) < tol:
            break
    return (n * q + (m - 1) / 2.0 - rest) / m


def _fourier_terms(n: int, q: float, m: int) -> Optional[float]:
    """About how many terms _mean_ceil_fourier sums before |phi| < 1e-17/m; None if
    |phi| stays above that up to j = m/2 (|phi|^2 >= e^{-4nq(1-q) sin^2}).
    """
    if m == 1:
        return 0.0  # ceil(K/1) = K: no terms, the mean is just nq
    need = 2.0 * (math.log(m) + 39.2) / (n * 4.0 * q * (1.0 - q))
    if need >= 1.0:
        return None
    terms = m / math.pi * math.asin(math.sqrt(need)) + 1
    return terms if terms < m // 2 else None


def _check_once(
    obj: Any, reported: int, reseed: Optional[Callable[[int], Any]], z: float
) -> LengthReport:
    if reseed is not None:
        reseed(0)
    count = 0
    extra = []
    for batch in obj:
        if count >= reported:
            extra.append(_batch_size(batch))
        count += 1
    return LengthReport(
        reported, (count,), float(count), 0.0, count == reported,
        yielded=count, extra_sizes=tuple(extra), z=z,
    )


def _mean_and_stderr(counts: list) -> Tuple[float, float]:
    k = len(counts)
    mean = sum(counts) / k
    var = sum((c - mean) ** 2 for c in counts) / (k - 1)
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
        what = (
            f"len() is {-gap:.2f} above {ref}:"
            f" ~{-gap:.1f} batches per epoch promised by len() never come"
        )
    else:
        what = f"len() equals {ref}"
    if r.expected is not None and abs(r.mean - r.expected) > r.z * r.stderr:
        what += f"; iteration disagrees with expected={r.expected:g} itself"
    return f"{head}; {what} [{verdict}]"
