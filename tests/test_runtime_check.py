"""Unit tests of flake8_dplen.runtime on plain Python iterables (no torch)."""

from __future__ import annotations

import dataclasses
import math
import random
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
from scipy.stats import binom

from flake8_dplen.runtime import (
    LengthReport,
    assert_length,
    check_length,
    expected_poisson_batches,
)


class Batches:
    """Yields ``sizes`` as lists of that many indices but claims ``claimed`` batches."""

    def __init__(self, sizes, claimed):
        self.sizes, self.claimed = list(sizes), claimed

    def __iter__(self):
        start = 0
        for size in self.sizes:
            yield list(range(start, start + size))
            start += size

    def __len__(self):
        return self.claimed


class RandomBatches:
    """Yields Binomial(n, q) batches per epoch, like a Poisson sampler that skips empties."""

    def __init__(self, n, q, claimed):
        self.n, self.q, self.claimed = n, q, claimed
        self.rng = random.Random()

    def __iter__(self):
        for _ in range(self.n):
            if self.rng.random() < self.q:
                yield [0]

    def __len__(self):
        return self.claimed


# --- deterministic mode ---------------------------------------------------------


def test_matching_length_is_ok():
    report = check_length(Batches([3, 3, 1], 3))
    assert report.ok
    assert (report.reported, report.yielded, report.difference) == (3, 3, 0)
    assert report.extra_sizes == ()
    assert report.message == "len() = 3, iteration yielded 3 batches: they agree"


def test_plain_list_of_batches():
    assert check_length([[0, 1], [2]]).ok


def test_extra_batches_are_listed_with_sizes():
    report = check_length(Batches([2, 1, 2, 1, 2, 1, 1], 6))
    assert not report.ok
    assert (report.reported, report.yielded, report.difference) == (6, 7, 1)
    assert report.extra_sizes == (1,)
    assert report.counts == (7,) and report.epochs == 1
    msg = report.message
    assert "len() = 6" in msg and "yielded 7 batches" in msg and "(+1)" in msg
    assert "#6" in msg and "size 1" in msg and "lost to loops that stop at len()" in msg


def test_many_extra_batches_message_is_one_line_and_truncated():
    report = check_length(Batches([5] * 20, 2))
    assert report.extra_sizes == (5,) * 18
    msg = report.message
    assert "\n" not in msg
    assert "(+18)" in msg and "#2..#19" in msg and "sizes 5, 5, 5, 5, 5, ..." in msg


def test_missing_batches_are_counted():
    report = check_length(Batches([2, 2, 2, 2, 1], 6))
    assert not report.ok
    assert (report.yielded, report.difference) == (5, -1)
    assert report.extra_sizes == ()
    msg = report.message
    assert "len() = 6" in msg and "yielded 5 batches" in msg and "(-1)" in msg
    assert "1 batch promised by len() never comes (#5" in msg

    msg = check_length(Batches([2], 4)).message
    assert "3 batches promised by len() never come (#1..#3" in msg


def test_batch_size_of_collated_batches():
    # DataLoader-style batches: a tuple or dict of per-field sequences.
    class Loader:
        def __iter__(self):
            yield ([1, 2, 3], [0, 0, 0])
            yield {"x": [1, 2], "y": [0, 0]}
            yield 7  # unsized

        def __len__(self):
            return 0

    assert check_length(Loader()).extra_sizes == (3, 2, None)
    assert "sizes 3, 2, ?" in check_length(Loader()).message


def test_reseed_is_called_once_in_deterministic_mode():
    seen = []
    check_length(Batches([1], 1), reseed=seen.append)
    assert seen == [0]


def test_report_is_frozen():
    report = check_length(Batches([1], 1))
    assert isinstance(report, LengthReport)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.ok = False


def test_assert_length():
    report = assert_length(Batches([1, 1], 2))
    assert report.ok
    with pytest.raises(AssertionError) as info:
        assert_length(Batches([1, 1, 1], 2))
    assert str(info.value) == check_length(Batches([1, 1, 1], 2)).message


def test_invalid_arguments():
    with pytest.raises(ValueError):
        check_length([], epochs=0)
    with pytest.raises(ValueError, match="epochs >= 2"):
        check_length([], expected=0.0)


# --- random mode ----------------------------------------------------------------


def _random_case(claimed, n=400, q=0.3):
    sampler = RandomBatches(n, q, claimed)
    return sampler, sampler.rng.seed


def test_random_counts_with_right_length_pass():
    sampler, reseed = _random_case(claimed=120)  # E = 400 * 0.3 = 120
    report = check_length(sampler, epochs=200, reseed=reseed, expected=120.0)
    assert report.ok, report.message
    assert report.yielded is None and report.epochs == 200
    assert len(set(report.counts)) > 1
    assert abs(report.mean - 120) <= 3 * report.stderr
    # SE of a Binomial(400, .3) count over 200 epochs is sqrt(84 / 200) ~ 0.65
    assert 0.5 < report.stderr < 0.8
    assert check_length(sampler, epochs=200, reseed=reseed).ok


def test_random_counts_with_wrong_length_fail():
    sampler, reseed = _random_case(claimed=110)
    report = check_length(sampler, epochs=200, reseed=reseed, expected=120.0)
    assert not report.ok
    msg = report.message
    assert "len() = 110" in msg and "over 200 epochs" in msg and "±" in msg
    assert "10.00 below the expectation 120.00" in msg and "[MISMATCH]" in msg
    assert not check_length(sampler, epochs=200, reseed=reseed).ok


def test_random_counts_are_reproducible_with_reseed():
    sampler, reseed = _random_case(claimed=120)
    first = check_length(sampler, epochs=20, reseed=reseed)
    assert check_length(sampler, epochs=20, reseed=reseed).counts == first.counts


def test_wrong_expectation_is_caught_even_when_len_matches_it():
    # len() agrees with the stated expectation, but iteration does not: not blind.
    sampler, reseed = _random_case(claimed=123)
    report = check_length(sampler, epochs=200, reseed=reseed, expected=123.0)
    assert not report.ok
    assert "disagrees with expected=123" in report.message


def test_len_within_one_of_a_fractional_expectation_passes():
    # Epochs alternate 120 and 121 batches: E = 120.5 is no integer, and either
    # neighbour is as good as an integer len() gets.
    class Alternating:
        def __init__(self, claimed):
            self.claimed, self.epoch = claimed, 0

        def reseed(self, epoch):
            self.epoch = epoch

        def __iter__(self):
            return iter([[0]] * (120 + self.epoch % 2))

        def __len__(self):
            return self.claimed

    for claimed in (120, 121):
        sampler = Alternating(claimed)
        report = check_length(sampler, epochs=200, expected=120.5, reseed=sampler.reseed)
        assert report.ok, report.message
        assert check_length(sampler, epochs=200, reseed=sampler.reseed).ok
    sampler = Alternating(122)
    assert not check_length(sampler, epochs=200, expected=120.5, reseed=sampler.reseed).ok


def test_constant_counts_have_a_standard_error_floor():
    report = check_length(Batches([1] * 10, 10), epochs=50, expected=10.0)
    assert report.ok
    assert report.counts == (10,) * 50
    assert report.stderr == pytest.approx(math.sqrt(3) / 50)
    # A constant count cannot pass for an expectation far from it...
    assert not check_length(Batches([1] * 10, 10), epochs=50, expected=10.5).ok
    # ...but one a rare off-by-one away (p ~ 1/100 here) is not flagged.
    assert check_length(Batches([1] * 10, 10), epochs=50, expected=10.01).ok


def test_a_count_the_same_in_every_epoch_must_equal_len():
    # Shuffled every epoch, 31 batches every time, no expectation declared: no rounding
    # excuses a len() of 32.
    off = Batches([1] * 31, 32)
    report = check_length(off, epochs=20, reseed=lambda epoch: None)
    assert not report.ok and report.counts == (31,) * 20
    assert check_length(Batches([1] * 31, 31), epochs=20, reseed=lambda epoch: None).ok
    # A declared expectation just above the count keeps its rounding up (opacus' Poisson
    # splitter, fixed: ceil(E) with E a hair above what every epoch gives).
    assert check_length(off, epochs=20, expected=31.05).ok


def test_reseed_gets_epoch_numbers():
    seen = []
    check_length(Batches([1], 1), epochs=4, reseed=seen.append)
    assert seen == [0, 1, 2, 3]


# --- expected_poisson_batches -------------------------------------------------------


def _brute_force(n, q, m, steps, empty_batch_counts=True):
    j = np.arange(0, n // m + 1)
    per_step = binom.sf(j * m, n, q).sum()  # E[ceil(K/m)] = sum_j P(K > j m)
    if empty_batch_counts:
        per_step += binom.pmf(0, n, q)
    return steps * per_step


CONFIGS = [
    (n, q, m)
    for n in (1, 2, 3, 7, 50, 256, 1000, 60000)
    for q in (1e-6, 1e-3, 0.01, 1 / 235, 0.1, 0.3, 0.5, 0.9, 0.999999)
    for m in (1, 2, 3, 7, 64, 100, 1000)
]


@pytest.mark.parametrize("empty_batch_counts", [True, False])
def test_expected_poisson_batches_matches_scipy(empty_batch_counts):
    worst = 0.0
    for n, q, m in CONFIGS:
        got = expected_poisson_batches(n, q, m, 10, empty_batch_counts)
        want = _brute_force(n, q, m, 10, empty_batch_counts)
        worst = max(worst, abs(got - want) / want)
    assert worst < 1e-12, worst


@pytest.mark.parametrize("n,q,m", [(1, 0.5, 1), (3, 1e-6, 1000), (7, 0.3, 2), (40, 0.9, 3)])
def test_expected_poisson_batches_exact_rational(n, q, m):
    qq = Fraction(q)
    exact = sum(math.comb(n, k) * qq**k * (1 - qq) ** (n - k) * max(1, -(-k // m)) for k in range(n + 1))
    assert expected_poisson_batches(n, q, m, 1) == pytest.approx(float(exact), rel=1e-14)


def test_expected_poisson_batches_opacus_mnist_case():
    # DPDataLoader over 60000 samples with batch_size 256: sample_rate = 1/235.
    got = expected_poisson_batches(60000, 1 / 235, 64, 235)
    assert got == pytest.approx(_brute_force(60000, 1 / 235, 64, 235), rel=1e-12)
    assert round(got, 1) == 1049.6


def test_expected_poisson_batches_edge_cases():
    assert expected_poisson_batches(100, 0.0, 8, 5) == 5.0
    assert expected_poisson_batches(100, 0.0, 8, 5, empty_batch_counts=False) == 0.0
    assert expected_poisson_batches(0, 0.5, 8, 5) == 5.0
    assert expected_poisson_batches(100, 1.0, 8, 5) == 5 * 13
    assert expected_poisson_batches(100, 0.5, 8, 0) == 0.0
    # m = 1: one physical batch per element, plus the empty ones
    assert expected_poisson_batches(10, 0.2, 1, 3) == pytest.approx(3 * (2 + 0.8**10))
    # m >= n: every non-empty logical batch is one physical batch
    q = 0.01
    assert expected_poisson_batches(50, q, 50, 50, False) == pytest.approx(50 * (1 - (1 - q) ** 50))
    for bad in [(-1, 0.5, 1, 1), (1, 1.5, 1, 1), (1, -0.1, 1, 1), (1, 0.5, 0, 1), (1, 0.5, 1, -1)]:
        with pytest.raises(ValueError):
            expected_poisson_batches(*bad)


def test_the_codemod_helper_is_the_runtime_formula_and_stands_alone():
    # The codemod pastes this function into users' files: it must run with no name from
    # this package in scope, and give what the runtime check computes.
    from flake8_dplen.runtime.poisson import helper_source

    namespace = {}
    exec(helper_source(), namespace)
    (name,) = [k for k in namespace if k.startswith("_dplen")]
    for n, q, m, empty in [(60000, 1 / 235, 64, True), (50, 0.02, 2, False), (10**6, 256 / 10**6, 100, True)]:
        pasted = namespace[name](n, q * n, m, empty_batch_counts=empty)
        assert 7 * pasted == pytest.approx(expected_poisson_batches(n, q, m, 7, empty), rel=1e-15)


def test_runtime_module_imports_no_numeric_stack():
    code = (
        "import sys, flake8_dplen.runtime\n"
        "bad = {'torch', 'numpy', 'scipy'} & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


class Stalling:
    """Yields ``before`` batches, then runs on without yielding; claims ``claimed``."""

    def __init__(self, before, claimed):
        self.before, self.claimed = before, claimed

    def __iter__(self):
        yield from ([i] for i in range(self.before))
        while True:
            pass

    def __len__(self):
        return self.claimed


@pytest.mark.parametrize("epochs", [1, 2])
def test_a_time_limit_is_told_how_many_batches_had_come(epochs):
    # The search tells a stall (stopped at or before len()) from an endless __iter__
    # (stopped past it) by this count; before s15-search the limit said nothing of it.
    from flake8_dplen.runtime import TimedOut, time_limit

    for before in (0, 3):
        with pytest.raises(TimedOut) as stopped:
            with time_limit(0.2):
                check_length(Stalling(before, claimed=5), epochs=epochs, limit=100)
        assert stopped.value.batches == before


class GrowingPool:
    """A pool of epoch + 1 items per epoch (a curriculum's), whose len() follows
    set_epoch; ``off`` makes len() two short of it from epoch 3 on (one short would pass
    as the rounding a random count is allowed)."""

    def __init__(self, off=False):
        self.epoch, self.off = 0, off

    def set_epoch(self, epoch):
        self.epoch = epoch

    def __iter__(self):
        return iter(range(self.epoch + 1))

    def __len__(self):
        return self.epoch + 1 - 2 * (self.off and self.epoch >= 3)


def test_a_len_that_follows_set_epoch_is_judged_epoch_by_epoch():
    # Judged against the first epoch's len() alone, the counts 1..20 had a mean of 10.5
    # against len() = 1: a "disagreement" no epoch showed.
    exact = GrowingPool()
    assert check_length(exact, epochs=20, reseed=exact.set_epoch).ok
    short = GrowingPool(off=True)
    assert not check_length(short, epochs=20, reseed=short.set_epoch).ok
