"""Kinds of sampler the search once missed on the run-verified corpus, each written here
after the shape of the miss (not its code), checked for real with no factory."""

from __future__ import annotations

import sys
import types
from operator import itemgetter
from typing import List

import pytest
from hypothesis import given, settings
from torch.utils.data import BatchSampler, Sampler

from flake8_dplen.check.arguments import calls
from flake8_dplen.check.records import Records
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=5.0, seed=0)


class SplitShard(Sampler):
    """Each batch split across the processes; this process's piece of the last, short
    batch is yielded only when the batch reaches it, yet len() counts every batch."""

    def __init__(self, batch_sampler, num_processes=1, process_index=0, split_batches: bool = False):
        if split_batches and batch_sampler.batch_size % num_processes:
            raise ValueError("the batch size must divide among the processes")
        self.batch_sampler, self.split_batches = batch_sampler, split_batches
        self.num_processes, self.process_index = num_processes, process_index

    def __iter__(self):
        if not self.split_batches:
            yield from self.batch_sampler
            return
        piece = self.batch_sampler.batch_size // self.num_processes
        start = piece * self.process_index
        for batch in self.batch_sampler:
            if len(batch) > start:
                yield batch[start : start + piece]

    def __len__(self):
        return len(self.batch_sampler)


class Orientation(BatchSampler):
    """Batches of one orientation, read through `sampler.dataset`; under drop_last the
    mixed leftovers are dropped even when they would fill a batch."""

    def __init__(self, sampler: Sampler, batch_size: int, drop_last: bool = False):
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def __iter__(self):
        buckets: List[List[int]] = [[], []]
        for idx in self.sampler:
            info = self.sampler.dataset.get_info(idx)
            bucket = buckets[int(info["w"] < info["h"])]
            bucket.append(idx)
            if len(bucket) == self.batch_size:
                yield bucket[:]
                bucket.clear()
        left = buckets[0] + buckets[1]
        if left and not self.drop_last:
            yield left

    def __len__(self):
        n = len(self.sampler)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)


class PerGroup(Sampler):
    """Groups of `platforms` cycled batch by batch, every group padded to the largest:
    len() counts the data, not the padded groups."""

    def __init__(self, dataset, platforms, batch_size: int):
        self.dataset, self.platforms, self.batch_size = dataset, platforms, batch_size
        self.groups = {p: [] for p in platforms}
        for idx, item in enumerate(dataset.items):
            self.groups[item.platform].append(idx)

    def __iter__(self):
        longest = max(len(g) for g in self.groups.values())
        for start in range(0, longest, self.batch_size):
            for p in self.platforms:
                padded = (self.groups[p] * longest)[:longest]
                batch = padded[start : start + self.batch_size]
                if len(batch) == self.batch_size:
                    yield batch

    def __len__(self):
        return len(self.dataset) // self.batch_size


class PickWrapper(Sampler):
    """Gathers what any sampler yields and picks this rank's share with itemgetter, which
    returns the item itself, not a tuple of one, when the share is one item."""

    def __init__(self, sampler, num_replicas: int = 1, rank: int = 0):
        self.sampler, self.num_replicas, self.rank = sampler, num_replicas, rank

    def __iter__(self):
        items = list(self.sampler)
        positions = range(self.rank, len(items), self.num_replicas)
        return iter(itemgetter(*positions)(items)) if len(positions) else iter(())

    def __len__(self):
        return len(range(self.rank, len(self.sampler), self.num_replicas))


@pytest.mark.parametrize("cls", [SplitShard, Orientation, PerGroup, PickWrapper])
def test_found_without_a_factory(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert not result.report.ok


def test_split_batches_need_a_later_process_and_a_batch_size_it_divides():
    result = check_class(SplitShard, OPTIONS)
    args = {name: shown.make() for name, shown, _ in result.call.args}
    assert args["split_batches"] is True
    assert args["process_index"] >= 1
    assert args["batch_sampler"].batch_size % args["num_processes"] == 0


def test_data_read_through_the_dataset_is_searched_again_on_records():
    result = check_class(Orientation, OPTIONS)
    assert "Records(" in result.call.code
    assert isinstance(result.call.build().sampler.dataset, Records)


def test_an_unnamed_sampler_kind_can_be_a_batch_sampler():
    result = check_class(PickWrapper, OPTIONS)
    assert "BatchSampler(" in result.call.code
    # Its exact counterpart (the share kept a tuple) stays ok.

    class TupleWrapper(PickWrapper):
        def __iter__(self):
            items = list(self.sampler)
            return iter([items[i] for i in range(self.rank, len(items), self.num_replicas)])

    assert check_class(TupleWrapper, OPTIONS).status == OK


def test_records_are_the_same_for_the_same_path_and_split_both_ways():
    data = Records(16, seed=1)
    widths = [data.get_info(i)["w"] for i in range(16)]
    assert widths == [Records(16, seed=1).get_info[i]["w"] for i in range(16)]
    assert set(widths) == {0, 1}
    assert [item.platform for item in data.items] != [item.platform for item in Records(16, seed=2).items]
    assert len(data.items) == 16 and data[15] in (0, 1)
    with pytest.raises(IndexError):
        data[16]
    # A record is an int, not a sequence: iterating it must fail, not count keys for ever.
    with pytest.raises(TypeError):
        set(data[0].values())


class Conventions(Sampler):
    def __init__(
        self,
        iterable,
        train_iters,
        total_samples,
        data_parallel_size,
        data_parallel_rank,
        num_repeats,
        platforms,
        batch_size: List[int],
    ):
        pass


@settings(max_examples=100, derandomize=True, deadline=None)
@given(calls(Conventions))
def test_named_conventions(call):
    args = {name: shown.make() for name, shown, _ in call.args}
    assert isinstance(args["iterable"], range)
    assert args["train_iters"] >= 0 and args["total_samples"] >= 0
    assert 0 <= args["data_parallel_rank"] < args["data_parallel_size"] <= 4
    # Each sample repeated at least once: no caller means zero repeats.
    assert args["num_repeats"] >= 1
    assert sorted(args["platforms"]) == [0, 1]
    assert all(isinstance(b, int) and b >= 1 for b in args["batch_size"])


class _Lazy(types.ModuleType):
    """A module whose import fails on first touch, as speechbrain's deprecated redirects."""

    def __getattr__(self, name):
        raise ImportError(f"lazy import of {self.__name__} failed")


class LoadsAModule(PickWrapper):
    def __init__(self, *args, **kwargs):
        # A module loaded part-way through the search makes hypothesis read every
        # module's __file__ again.
        sys.modules.setdefault("dplen_test_loaded_late", types.ModuleType("dplen_test_loaded_late"))
        super().__init__(*args, **kwargs)


def test_a_broken_lazy_module_does_not_end_the_search(monkeypatch):
    monkeypatch.setitem(sys.modules, "dplen_test_lazy", _Lazy("dplen_test_lazy"))
    monkeypatch.delitem(sys.modules, "dplen_test_loaded_late", raising=False)
    result = check_class(LoadsAModule, OPTIONS)
    assert result.status != CANNOT_BUILD, result.why
    assert result.status == COUNTEREXAMPLE
    assert isinstance(sys.modules["dplen_test_lazy"], _Lazy)
