"""The resume scenario: a sampler stopped after k of its len() items and resumed through
the state API it has (a state_dict round trip, set_start_iter, set_epoch(epoch,
start_iter=...), a start_iter attribute), judged by check_resumed: the rest must be what
len() says after resuming, or, when len() still says the whole epoch, the items left. On
main (70c4010) every wrong class of resume_samplers.py that resumes by a method or an
attribute was "ok": only fresh epochs were run."""

from __future__ import annotations

import pytest
from printed import fails_alone
from resume_samplers import (
    ConsumedSamples,
    ConsumedSamplesWrong,
    EpochStartIndex,
    EpochStartIter,
    StartIterAttribute,
    StartIterSetterWrong,
    StatefulBatches,
    StatefulRecounted,
    StatefulSamplesWrong,
)

from flake8_dplen.check.report import finding, pytest_test
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class
from flake8_dplen.runtime import assert_resumed, check_resumed

OPTIONS = Options(budget=3.0, seed=0)


@pytest.mark.parametrize(
    "cls, how",
    [
        (StatefulSamplesWrong, "state_dict() after 1, load_state_dict() on a new one"),
        (StartIterSetterWrong, "set_start_iter(1)"),
    ],
)
def test_a_wrong_resume_is_found_named_and_pasted(cls, how):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    assert result.resumed is not None and result.resumed.k == 1
    assert f", resumed after 1 of {result.resumed.full} ({how}):" in finding(result)
    assert "assert_resumed(sampler, full=" in pytest_test(result)
    fails_alone(result, match="resumed after|len\\(\\)")


def test_the_smallest_case_is_shown():
    result = check_class(StatefulSamplesWrong, OPTIONS)
    assert finding(result) == (
        "StatefulSamplesWrong(dataset=range(3), batch_size=2), resumed after 1 of 2"
        " (state_dict() after 1, load_state_dict() on a new one): len 2, __iter__ yielded 0 batches"
    )


@pytest.mark.parametrize(
    "cls",
    [
        StatefulBatches,
        StatefulRecounted,
        StartIterAttribute,
        EpochStartIter,
        EpochStartIndex,
        ConsumedSamples,
    ],
)
def test_a_right_resume_passes(cls):
    # The whole epoch in len() with the rest yielded, and len() recomputed on the resumed
    # object, are both right.
    assert check_class(cls, OPTIONS).status == OK


def test_a_constructor_position_is_judged_as_a_fresh_sampler():
    # A training loop builds it with the position and asks its len() for the steps left.
    result = check_class(ConsumedSamplesWrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE and result.resumed is None
    assert "consumed_samples=" in finding(result)


def test_check_resumed_takes_either_length():
    whole = StatefulBatches(range(10), 3)  # 4 batches
    whole.load_state_dict({"yielded": 1})
    assert check_resumed(whole, full=4, consumed=1).ok
    recounted = StatefulRecounted(range(10), 3)
    recounted.load_state_dict({"yielded": 1})
    assert check_resumed(recounted, full=4, consumed=1).ok
    skipped = StatefulSamplesWrong(range(10), 3)
    skipped.load_state_dict({"samples": 2})  # two batches skipped, not one
    report = check_resumed(skipped, full=4, consumed=1)
    assert not report.ok and report.yielded == 2
    skipped.load_state_dict({"samples": 2})  # its iteration used the position up
    with pytest.raises(AssertionError, match="resumed after 1 of 4 items: len\\(\\) = 4, iteration yielded 2"):
        assert_resumed(skipped, full=4, consumed=1)
