"""The resume scenario: a sampler stopped after k of its len() items and resumed through
the state API it has (a state_dict round trip, set_start_iter, set_epoch(epoch,
start_iter=...), a start_iter attribute), judged by check_resumed: the rest must be what
len() says after resuming (REST, the default), or, under Lightning's convention (EPOCH),
also a len() that still says the whole epoch while the items left are yielded. On main
(70c4010) every wrong class of resume_samplers.py that resumes by a method or an attribute
was "ok": only fresh epochs were run."""

from __future__ import annotations

import pytest
import resume_samplers as S
from printed import fails_alone

from flake8_dplen.check.report import finding, pytest_test
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class
from flake8_dplen.runtime import EPOCH, assert_resumed, check_resumed

OPTIONS = Options(budget=3.0, seed=0)
LIGHTNING = Options(budget=3.0, seed=0, resumed_len=EPOCH)


@pytest.mark.parametrize(
    "cls, how",
    [
        (S.StatefulSamplesWrong, "state_dict() after 1, load_state_dict() on a new one"),
        (S.StartIterSetterWrong, "set_start_iter(1)"),
    ],
)
@pytest.mark.parametrize("options", [OPTIONS, LIGHTNING], ids=["rest", "epoch"])
def test_a_wrong_resume_is_found_named_and_pasted(cls, how, options):
    result = check_class(cls, options)
    assert result.status == COUNTEREXAMPLE, result
    assert result.resumed is not None and result.resumed.k == 1
    assert f", resumed after 1 of {result.resumed.full} ({how}):" in finding(result)
    assert "assert_resumed(sampler, full=" in pytest_test(result)
    fails_alone(result, match="resumed after|len\\(\\)")


def test_the_smallest_case_is_shown():
    result = check_class(S.StatefulSamplesWrong, LIGHTNING)
    assert finding(result) == (
        "StatefulSamplesWrong(dataset=range(3), batch_size=2), resumed after 1 of 2"
        " (state_dict() after 1, load_state_dict() on a new one): len 2, __iter__ yielded 0 batches"
    )
    assert "resumed_len='epoch'" in pytest_test(result)
    fails_alone(result, match="resumed after|len\\(\\)")


# A len() recomputed on the resumed object is right under both conventions; the whole
# epoch in len() with only the rest yielded is right under Lightning's alone.
RECOUNTED = [S.StatefulRecounted, S.ConsumedSamples, S.LoopSetsStatePositionRecounted]
WHOLE_EPOCH = [
    S.StatefulBatches,
    S.StartIterAttribute,
    S.EpochStartIter,
    S.EpochStartIndex,
    S.LoopSetsStatePosition,
]


@pytest.mark.parametrize("cls", RECOUNTED + WHOLE_EPOCH)
def test_a_right_resume_passes_under_lightnings_convention(cls):
    assert check_class(cls, LIGHTNING).status == OK


@pytest.mark.parametrize("cls", RECOUNTED)
def test_a_recounted_len_passes_by_default(cls):
    assert check_class(cls, OPTIONS).status == OK


@pytest.mark.parametrize("cls", WHOLE_EPOCH)
def test_a_whole_epoch_len_after_a_resume_is_found_by_default(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE and result.resumed is not None, result
    assert result.report.reported == result.resumed.full > result.report.yielded
    assert "resumed_len" not in pytest_test(result)
    fails_alone(result, match="resumed after|len\\(\\)")


def test_a_position_in_the_state_is_loaded_as_a_loop_loads_it():
    result = check_class(S.LoopSetsStatePosition, OPTIONS)
    assert "load_state_dict() of its state_dict() with 'start_index': 1" in finding(result)
    assert "sampler.load_state_dict({**sampler.state_dict(), 'start_index': 1})" in pytest_test(result)


def test_a_constructor_position_is_judged_as_a_fresh_sampler():
    # A training loop builds it with the position and asks its len() for the steps left.
    result = check_class(S.ConsumedSamplesWrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE and result.resumed is None
    assert "consumed_samples=" in finding(result)


def test_check_resumed_by_either_convention():
    whole = S.StatefulBatches(range(10), 3)  # 4 batches
    whole.load_state_dict({"yielded": 1})
    assert check_resumed(whole, full=4, consumed=1, resumed_len=EPOCH).ok
    whole.load_state_dict({"yielded": 1})
    report = check_resumed(whole, full=4, consumed=1)
    assert not report.ok and (report.reported, report.yielded) == (4, 3)
    recounted = S.StatefulRecounted(range(10), 3)
    recounted.load_state_dict({"yielded": 1})
    assert check_resumed(recounted, full=4, consumed=1).ok
    skipped = S.StatefulSamplesWrong(range(10), 3)
    skipped.load_state_dict({"samples": 2})  # two batches skipped, not one
    report = check_resumed(skipped, full=4, consumed=1, resumed_len=EPOCH)
    assert not report.ok and report.yielded == 2
    skipped.load_state_dict({"samples": 2})  # its iteration used the position up
    message = "resumed after 1 of 4 items: len\\(\\) = 4, iteration yielded 2"
    with pytest.raises(AssertionError, match=message):
        assert_resumed(skipped, full=4, consumed=1, resumed_len=EPOCH)
    with pytest.raises(ValueError, match="resumed_len must be"):
        check_resumed(skipped, full=4, consumed=1, resumed_len="whole")


@pytest.mark.parametrize(
    "cls, how", [(S.CursorAttribute, "_cursor = 1"), (S.SkipSetter, "set_skip(1)")]
)
def test_a_position_of_any_name_the_core_reads_is_resumed(cls, how):
    # Neither name is one resume.py knows: the analysis core's offsets model (DPL116's
    # reading) finds where __iter__ starts and that len() leaves it out.
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE and result.resumed is not None, result
    assert f"({how}):" in finding(result)
    fails_alone(result, match="resumed after|len\\(\\)")
    assert check_class(cls, LIGHTNING).status == OK


@pytest.mark.parametrize("options", [OPTIONS, LIGHTNING], ids=["rest", "epoch"])
def test_a_position_counted_out_of_len_is_right(options):
    assert check_class(S.CursorRecounted, options).status == OK
