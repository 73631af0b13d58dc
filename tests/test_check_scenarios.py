"""Scenarios of real use beyond one fresh epoch: every rank of worlds of 1 to 4 for a
class that asks torch.distributed (answered without a process group), and the second
epoch, after set_epoch, of a class that has one. On main (8d0aec6) both wrong classes
below were "ok": the one-process group answered world size 1, and one epoch was run."""

from __future__ import annotations

import math

import torch.distributed as dist
from hypothesis import given, settings
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


def test_a_rank_other_than_0_is_tried_without_a_process_group():
    assert asks_distributed(RankShard) and not asks_distributed(Rebatched)
    result = check_class(RankShard, OPTIONS)
    assert result.status == COUNTEREXAMPLE
    assert finding(result) == (
        "RankShard(dataset=range(1)) on rank 1 of 2 (as torch.distributed answers):"
        " len 1, __iter__ yielded 0 batches"
    )
    assert "    with as_rank(world_size=2, rank=1):" in pytest_test(result)
    _fails_when_pasted(result)
    assert not dist.is_initialized()  # the answers were undone, and no group was made
    assert check_class(ExactRankShard, OPTIONS).status == OK


def test_as_rank_answers_and_restores():
    with as_rank(world_size=3, rank=2):
        assert (dist.is_initialized(), dist.get_world_size(), dist.get_rank()) == (True, 3, 2)
    assert not dist.is_initialized()


def test_the_second_epoch_after_set_epoch_is_judged():
    result = check_class(Rebatched, OPTIONS)
    assert result.status == COUNTEREXAMPLE
    assert finding(result) == (
        "Rebatched(dataset=range(1), batch_size=2), in its second epoch (after set_epoch(1)):"
        " len 1, __iter__ yielded 0 batches"
    )
    assert "    sampler.set_epoch(1)\n    assert_length(sampler)\n" in pytest_test(result)
    _fails_when_pasted(result)
    # len() asked after set_epoch, as a trainer asks it at the start of an epoch.
    assert check_class(ExactRebatched, OPTIONS).status == OK


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
