"""Samplers written for these tests (tests/fixtures/check/exact_families_samplers.py), one
per family the wild corpus holds (P x K with a rule, buckets, distributed with padding,
resumable in the ways real classes resume), each exact on every legitimate input: `dplen
check` must say ok on all of them. A resumed sampler's len() is the rest recounted or,
under Lightning's convention (resumed_len=EPOCH), may be the whole epoch, with the tail of
the epoch yielded (Lightning's fit loop restores its batch count and counts on to len();
gpt-neox takes its start_iter modulo len()); those are wrong under the default convention.
A position may count iterations of a loader over an index sampler, or every rank's samples
(a position its constructor takes is judged as a fresh sampler's:
tests/test_check_beyond_rules.py, Resumable). Beside them, the same families wrong, found.
Before this file, EpochStartIterByBatches and StartIterIndices were false counterexamples
(the rest was taken to be `full - k` items whatever k counted)."""

from __future__ import annotations

import exact_families_samplers as S
import pytest
from printed import printed_test

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class
from flake8_dplen.runtime import EPOCH, check_resumed

OPTIONS = Options(budget=3.0, seed=0)
LIGHTNING = Options(budget=3.0, seed=0, resumed_len=EPOCH)


@pytest.mark.parametrize(
    "cls",
    [
        S.PKWithRepeats,
        S.PKSkippingSmall,
        S.BucketBatches,
        S.PaddedShard,
        S.DistBatches,
        S.ClassBalanced,
        S.FilteredByLength,
        S.Curriculum,
        S.StatefulRecountedBatches,
        S.WeightedDraws,
    ],
)
def test_an_exact_sampler_is_ok(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == OK, result


# len() the whole epoch after a resume: exact under Lightning's convention alone.
UNDER_EPOCH = [S.EpochStartIterByBatches, S.StartIterIndices]


@pytest.mark.parametrize("cls", UNDER_EPOCH)
def test_a_whole_epoch_after_a_resume_is_exact_under_lightnings_convention_only(cls):
    assert check_class(cls, LIGHTNING).status == OK
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE and result.resumed is not None, result


@pytest.mark.parametrize(
    "cls",
    [S.PKSkippingSmallWrong, S.BucketBatchesWrong, S.PaddedShardWrong, S.EpochStartIterWraps],
)
def test_the_same_family_wrong_is_found(cls):
    assert check_class(cls, OPTIONS).status == COUNTEREXAMPLE


def test_the_rest_is_a_tail_of_the_epoch_in_whatever_unit_the_position_counts():
    epoch = list(range(10))
    skipped_batches = S.EpochStartIterByBatches(range(10), batch_size=3)
    skipped_batches.set_epoch(0, start_iter=2)  # 6 indices
    order = list(skipped_batches)
    skipped_batches.set_epoch(0)
    epoch = list(skipped_batches)
    assert order == epoch[6:]
    skipped_batches.set_epoch(0, start_iter=2)
    # Without the epoch only `full - consumed` items are the rest.
    assert not check_resumed(skipped_batches, full=10, consumed=2, resumed_len=EPOCH).ok
    assert check_resumed(skipped_batches, full=10, consumed=2, epoch=epoch, resumed_len=EPOCH).ok
    # Not a tail: the same count of other items.
    other = S.EpochStartIterByBatches(range(10), batch_size=3, seed=1)
    other.set_epoch(0, start_iter=2)
    assert list(other) != epoch[6:]
    assert not check_resumed(other, full=10, consumed=2, epoch=epoch, resumed_len=EPOCH).ok


def test_a_wrapper_handing_on_set_epoch_gets_a_batch_sampler_that_has_it():
    assert check_class(S.BatchShards, OPTIONS).status == OK
    result = check_class(S.BatchShardsPicked, OPTIONS)
    assert result.status == COUNTEREXAMPLE and "EpochBatchSampler(" in result.call.code


def test_the_pasted_test_of_a_position_judges_the_rest_as_a_tail():
    from flake8_dplen.check.report import pytest_test

    result = check_class(S.EpochStartIterWraps, LIGHTNING)
    assert result.resumed is not None and "start_iter=" in result.resumed.way.describe(1)
    code = pytest_test(result)
    assert "epoch = list(whole)" in code and "epoch=epoch)" in code
    for cls, fails in ((S.EpochStartIterWraps, True), (S.EpochStartIterByBatches, False)):
        test = printed_test(code.replace("EpochStartIterWraps", cls.__name__))
        if fails:
            with pytest.raises(AssertionError, match="resumed after"):
                test()
        else:
            test()  # the fixed class: its rest is start_iter * batch_size indices shorter
