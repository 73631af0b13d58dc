"""Scenarios of real use beyond one fresh epoch: every rank of worlds of 1 to 4 for a
class that asks torch.distributed (answered without a process group), and the second
epoch of every class, after set_epoch where it has one (a DataLoader iterates the same
sampler each epoch). On main (8d0aec6) RankShard and Rebatched were "ok": the one-process
group answered world size 1, and one epoch was run; on 857ad60 WrapsAround was "ok": only
a class with set_epoch was run twice."""

from __future__ import annotations

import math

import pytest
import torch.distributed as dist
from hypothesis import given, settings
from torch.distributed import get_rank, get_world_size, is_initialized
from torch.utils.data import Sampler

from flake8_dplen.check.arguments import calls
from flake8_dplen.check.report import finding, pytest_test
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, asks_distributed, check_class
from flake8_dplen.runtime import as_rank

OPTIONS = Options(budget=2.0, seed=0)


class RankShard(Sampler):
    """Takes its shard by asking torch.distributed; len() rounds every shard up, but the
    last ranks get fewer items."""

    def __init__(self, dataset):
        self.dataset = dataset
        self.world = dist.get_world_size() if dist.is_initialized() else 1
        self.rank = dist.get_rank() if dist.is_initialized() else 0

    def __iter__(self):
        return iter(range(self.rank, len(self.dataset), self.world))

    def __len__(self):
        return math.ceil(len(self.dataset) / self.world)


class ExactRankShard(RankShard):
    def __len__(self):
        return len(range(self.rank, len(self.dataset), self.world))


class Rebatched(Sampler):
    """Batches made in __init__ keep the tail; set_epoch makes them again from the second
    epoch on and drops it; len() was counted once."""

    def __init__(self, dataset, batch_size: int):
        self.dataset, self.batch_size = dataset, batch_size
        self.batches = self._make(keep_tail=True)
        self.count = len(self.batches)

    def _make(self, keep_tail):
        n, b = len(self.dataset), self.batch_size
        batches = [list(range(i, min(i + b, n))) for i in range(0, n, b)]
        return batches if keep_tail else [x for x in batches if len(x) == b]

    def set_epoch(self, epoch):
        if epoch > 0:
            self.batches = self._make(keep_tail=False)

    def __iter__(self):
        return iter(self.batches)

    def __len__(self):
        return self.count


class ExactRebatched(Rebatched):
    def __len__(self):
        return len(self.batches)


def _fails_when_pasted(result) -> None:
    namespace = {}
    exec(pytest_test(result), namespace)
    test = next(v for k, v in namespace.items() if k.startswith("test_"))
    try:
        test()
    except AssertionError:
        return
    raise AssertionError("the pasted test passes: it does not reproduce the case alone")


def _pasted_counterexample(cls):
    """The check's counterexample for `cls` and the test it pastes, which fails alone."""
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE
    _fails_when_pasted(result)
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


class WrapsAround(Sampler):
    """No set_epoch: a short last batch is completed by the next epoch's first items (the
    wrap-around of Megatron's batch samplers, reduced), which that epoch then skips;
    len() counts a fresh epoch."""

    def __init__(self, dataset, batch_size: int):
        self.dataset, self.batch_size = dataset, batch_size
        self.offset = 0

    def __iter__(self):
        order = list(range(self.offset, len(self.dataset)))
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        self.offset = len(batches[-1]) % self.batch_size if batches else 0
        return iter(batches)

    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size)


class ExactWrapsAround(WrapsAround):
    def __len__(self):
        return math.ceil((len(self.dataset) - self.offset) / self.batch_size)


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


class ImportedRankShard(RankShard):
    """RankShard asking by the names it imported from torch.distributed (on 857ad60 these
    asked torch itself, which a group of one answered: "ok")."""

    def __init__(self, dataset):
        self.dataset = dataset
        self.world, self.rank = (get_world_size(), get_rank()) if is_initialized() else (1, 0)


class ExactImportedRankShard(ImportedRankShard):
    __len__ = ExactRankShard.__len__


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


class AskedShard(Sampler):
    """Takes the world size as an argument but asks torch.distributed for its rank."""

    def __init__(self, dataset, num_replicas=None):
        self.dataset = dataset
        self.num_replicas = num_replicas if num_replicas is not None else dist.get_world_size()
        self.rank = dist.get_rank() if dist.is_initialized() else 0

    def __iter__(self):
        return iter(range(self.rank, len(self.dataset), self.num_replicas))

    def __len__(self):
        return len(range(self.rank, len(self.dataset), self.num_replicas))


@settings(max_examples=60, database=None, deadline=None)
@given(calls(AskedShard, distributed=True))
def test_a_world_size_passed_is_the_world_torch_answers(call):
    # Any other world size leaves the rank torch answers outside it, which no run can.
    passed = {name: shown.make() for name, shown, _ in call.args}
    assert passed["num_replicas"] in (None, call.world[0])
