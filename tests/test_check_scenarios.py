"""Scenarios of real use beyond one fresh epoch: every rank of worlds of 1 to 4 for a
class that asks torch.distributed (answered without a process group), and the second
epoch of every class, after set_epoch where it has one (a DataLoader iterates the same
sampler each epoch). On main (8d0aec6) RankShard and Rebatched were "ok": the one-process
group answered world size 1, and one epoch was run; on 857ad60 WrapsAround was "ok": only
a class with set_epoch was run twice."""

from __future__ import annotations

import pytest
import torch.distributed as dist
from hypothesis import given, settings
from printed import fails_alone
from scenarios_samplers import (
    AskedShard,
    ExactImportedRankShard,
    ExactRankShard,
    ExactRebatched,
    ExactWarmsUpOnItsOwn,
    ExactWrapsAround,
    ImportedRankShard,
    RankShard,
    Rebatched,
    WarmsUpOnItsOwn,
    WrapsAround,
)
from torch.distributed import get_rank, get_world_size, is_initialized

from flake8_dplen.check.arguments import calls
from flake8_dplen.check.report import finding, pytest_test
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, asks_distributed, check_class
from flake8_dplen.runtime import as_rank

OPTIONS = Options(budget=2.0, seed=0)


def _pasted_counterexample(cls):
    """The check's counterexample for `cls` and the test it pastes, which fails alone."""
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE
    fails_alone(result)
    return finding(result), pytest_test(result)


def test_a_rank_other_than_0_is_tried_without_a_process_group():
    assert asks_distributed(RankShard) and not asks_distributed(Rebatched)
    found, pasted = _pasted_counterexample(RankShard)
    assert found == (
        # Before s11-check: range(1) on rank 1 of 2, a rank with no item (legitimate.py).
        "RankShard(dataset=range(3)) on rank 1 of 2 (as torch.distributed answers):"
        " len 2, __iter__ yielded 1 item"
    )
    assert "    with as_rank(world_size=2, rank=1):" in pasted
    assert not dist.is_initialized()  # the answers were undone, and no group was made
    assert check_class(ExactRankShard, OPTIONS).status == OK


def test_as_rank_answers_and_restores():
    with as_rank(world_size=3, rank=2):
        assert (dist.is_initialized(), dist.get_world_size(), dist.get_rank()) == (True, 3, 2)
    assert not dist.is_initialized()


@pytest.mark.parametrize(
    "cls, exact, scenario, then",
    [
        # len() asked after set_epoch, as a trainer asks it at the start of an epoch.
        (Rebatched, ExactRebatched, "after set_epoch(1)", "    sampler.set_epoch(1)\n"),
        # Iterated again, with no set_epoch the class does not have.
        (WrapsAround, ExactWrapsAround, "iterated again", ""),
    ],
)
def test_the_second_epoch_is_judged(cls, exact, scenario, then):
    found, pasted = _pasted_counterexample(cls)
    assert found == (
        # Before s11-check: range(1) in batches of 2, a batch the data cannot fill.
        f"{cls.__name__}(dataset=range(3), batch_size=2), in its second epoch ({scenario}):"
        " len 2, __iter__ yielded 1 batch of size 2"
    )
    assert f"    assert_length(sampler)  # the first epoch agrees\n{then}    assert_length(sampler)\n" in pasted
    assert check_class(exact, OPTIONS).status == OK


def test_names_imported_from_torch_distributed_are_answered():
    with as_rank(world_size=3, rank=2):
        assert (is_initialized(), get_world_size(), get_rank()) == (True, 3, 2)
    assert not is_initialized()
    found, _ = _pasted_counterexample(ImportedRankShard)
    assert found == (
        "ImportedRankShard(dataset=range(3)) on rank 1 of 2 (as torch.distributed answers):"
        " len 2, __iter__ yielded 1 item"
    )
    assert not dist.is_initialized()
    assert check_class(ExactImportedRankShard, OPTIONS).status == OK


@settings(max_examples=60, database=None, deadline=None)
@given(calls(AskedShard, distributed=True))
def test_a_world_size_passed_is_the_world_torch_answers(call):
    # Any other world size leaves the rank torch answers outside it, which no run can.
    passed = {name: shown.make() for name, shown, _ in call.args}
    assert passed["num_replicas"] in (None, call.world[0])


def test_a_class_that_counts_its_own_epochs_is_iterated_further():
    # Before s15-search only the second iteration of a class without set_epoch was
    # judged: WarmsUpOnItsOwn was "ok".
    from flake8_dplen.check.epochs import counted_epochs

    assert counted_epochs(WarmsUpOnItsOwn) == (2, 3, 4)
    assert counted_epochs(ExactWrapsAround) == (2, 3, 4)
    assert counted_epochs(RankShard) == ()
    result = check_class(WarmsUpOnItsOwn, OPTIONS)
    assert result.status == COUNTEREXAMPLE and result.epoch >= 2, finding(result)
    assert f"the same object iterated {result.epoch + 1} times" in finding(result)
    fails_alone(result)
    assert f"for _ in range({result.epoch}):" in pytest_test(result)
    assert check_class(ExactWarmsUpOnItsOwn, OPTIONS).status == OK
