"""Data shaped by the class's use of its items (reads.data_shape, arguments._table): items
unpacked or indexed as tuples or dicts, attributes of the dataset that hold one value per
item, methods that return a dict per item. Keys are drawn in a drawn number of groups
(singletons, groups smaller than K), sizes unevenly around the unit. On main (70c4010)
PKSampler, TokenBudget and LengthFilter were "ok": only an empty range built the first
(its items are unpacked), and the 0/1 records never passed a token budget or a length
limit. BucketBatches was found there too, on records."""

from __future__ import annotations

import math
import random
from collections import defaultdict

import numpy as np
import pytest
import shape_helpers
from torch.utils.data import DistributedSampler, Sampler

from flake8_dplen.check.reads import DataShape, data_shape, size_limits
from flake8_dplen.check.records import Table
from flake8_dplen.check.report import pytest_test
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


class _PK(Sampler):
    """P identities x K images; an identity with fewer than K images gives them all once,
    while len() counts K for every one."""

    def _take(self, indices):
        return random.sample(indices, min(len(indices), self.num_instances))

    def __iter__(self):
        out = []
        for pid in random.sample(self.pids, len(self.pids)):
            out.extend(self._take(self.index_dic[pid]))
        return iter(out)

    def __len__(self):
        return len(self.pids) * self.num_instances


class PKSampler(_PK):
    def __init__(self, data_source, num_instances: int):
        self.num_instances = num_instances
        self.index_dic = defaultdict(list)
        for index, (_, pid, _) in enumerate(data_source):
            self.index_dic[pid].append(index)
        self.pids = list(self.index_dic)


class ExactPKSampler(PKSampler):
    def _take(self, indices):
        return random.choices(indices, k=self.num_instances)  # with replacement when short


class BucketBatches(Sampler):
    """Items bucketed by length (`dataset.lengths`), batched within each bucket, every
    bucket's tail kept; len() is one ceil over all items."""

    def __init__(self, dataset, batch_size: int, bucket_width: int = 2):
        self.batch_size = batch_size
        buckets = defaultdict(list)
        for i, length in enumerate(dataset.lengths):
            buckets[length // bucket_width].append(i)
        self.buckets = list(buckets.values())
        self.n = len(dataset)

    def __iter__(self):
        for bucket in self.buckets:
            for i in range(0, len(bucket), self.batch_size):
                yield bucket[i : i + self.batch_size]

    def __len__(self):
        return math.ceil(self.n / self.batch_size)


class ExactBucketBatches(BucketBatches):
    def __len__(self):
        return sum(math.ceil(len(b) / self.batch_size) for b in self.buckets)


class TokenBudget(Sampler):
    """Items packed greedily until `max_tokens` would be passed
    (`dataset.get_data_info(i)["num_tokens"]`); len() divides the tokens by the budget."""

    def __init__(self, dataset, max_tokens: int):
        self.dataset, self.max_tokens = dataset, max_tokens
        self.tokens = [dataset.get_data_info(i)["num_tokens"] for i in range(len(dataset))]

    def __iter__(self):
        batch, used = [], 0
        for i, tokens in enumerate(self.tokens):
            if batch and used + tokens > self.max_tokens:
                yield batch
                batch, used = [], 0
            batch.append(i)
            used += tokens
        if batch:
            yield batch

    def __len__(self):
        return math.ceil(sum(self.tokens) / self.max_tokens)


class ExactTokenBudget(TokenBudget):
    def __len__(self):
        return sum(1 for _ in TokenBudget.__iter__(self))


class LengthFilter(Sampler):
    """Items longer than `max_len` (`dataset[i]["length"]`) are left out; len() still
    counts every item."""

    def __init__(self, dataset, batch_size: int, max_len: int = 4):
        self.batch_size = batch_size
        self.n = len(dataset)
        self.kept = [i for i in range(len(dataset)) if dataset[i]["length"] <= max_len]

    def __iter__(self):
        for i in range(0, len(self.kept), self.batch_size):
            yield self.kept[i : i + self.batch_size]

    def __len__(self):
        return math.ceil(self.n / self.batch_size)


class ExactLengthFilter(LengthFilter):
    def __len__(self):
        return math.ceil(len(self.kept) / self.batch_size)


class Crops(Sampler):
    """Whole crops of `crop` pixels of each frame, whose sizes a method of the dataset gives
    (checked with hasattr first); len() counts a partial crop at each edge."""

    def __init__(self, dataset, crop: int):
        assert hasattr(dataset, "frame_sizes"), "the dataset must give its frame sizes"
        self.crop = crop
        self.frames = dataset.frame_sizes()

    def __iter__(self):
        for i, (height, width) in enumerate(self.frames):
            for top in range(0, height - self.crop + 1, self.crop):
                for left in range(0, width - self.crop + 1, self.crop):
                    yield (i, top, left)

    def __len__(self):
        return sum(math.ceil(h / self.crop) * math.ceil(w / self.crop) for h, w in self.frames)


class ExactCrops(Crops):
    def __len__(self):
        return sum((h // self.crop) * (w // self.crop) for h, w in self.frames)


class SceneShards(DistributedSampler):
    """Frames cut into scenes where the time jumps by more than 3; each rank takes the
    scenes that start in its share of the frames. The dataset is stored by torch's base
    (`self.dataset`), its frames are dicts read by key; len() is the base's even share."""

    def __init__(self, dataset, num_replicas=None, rank=None):
        super().__init__(dataset, num_replicas=num_replicas, rank=rank, shuffle=False)

    def _mine(self):
        assert "frames" in dir(self.dataset), "the dataset must list its frames"
        times = [x["time"] for x in self.dataset.frames]
        scenes = []
        for i, t in enumerate(times):
            if i == 0 or abs(t - times[i - 1]) > 3:
                scenes.append([])
            scenes[-1].append(i)
        share = len(times) // self.num_replicas
        return [i for scene in scenes if self.rank * share <= scene[0] < (self.rank + 1) * share for i in scene]

    def __iter__(self):
        return iter(self._mine())


class ExactSceneShards(SceneShards):
    def __len__(self):
        return len(self._mine())


class FlagGroups(Sampler):
    """Batches within the groups of `dataset.flag`, stored as `self.flag` and counted and
    compared element by element with numpy (an array, as mmdet's group flags are); len()
    is one ceiling over all items, not one per group."""

    def __init__(self, dataset, batch_size: int):
        self.flag = dataset.flag
        self.sizes = np.bincount(self.flag, minlength=1)
        self.batch_size = batch_size

    def __iter__(self):
        for group in range(len(self.sizes)):
            members = np.where(self.flag == group)[0].tolist()
            for i in range(0, len(members), self.batch_size):
                yield members[i : i + self.batch_size]

    def __len__(self):
        return math.ceil(len(self.flag) / self.batch_size)


class ExactFlagGroups(FlagGroups):
    def __len__(self):
        return sum(math.ceil(int(size) / self.batch_size) for size in self.sizes)


class ByCost(Sampler):
    """Batches closed when the cost of their items reaches `budget`; the cost of each
    item is a field of the dataset's table, named by `cost_field`. len() is the total
    cost over the budget, which a batch that overshoots makes too high."""

    def __init__(self, dataset, cost_field: str, budget: int):
        self.dataset, self.field, self.budget = dataset, cost_field, budget

    def _batches(self):
        costs = self.dataset.table[self.field]
        start, spent = 0, 0
        for i, cost in enumerate(costs):
            spent += cost
            if spent >= self.budget:
                yield list(range(start, i + 1))
                start, spent = i + 1, 0
        if start < len(costs):
            yield list(range(start, len(costs)))

    def __iter__(self):
        return self._batches()

    def __len__(self):
        return math.ceil(sum(self.dataset.table[self.field]) / self.budget)


class ExactByCost(ByCost):
    def __len__(self):
        return sum(1 for _ in self._batches())


def test_the_shape_is_read_from_the_code():
    assert data_shape(PKSampler, "data_source") == DataShape(fields={0: "", 1: "pid", 2: ""})
    # A subclass that only changes a method: its base's loop over the data is read.
    assert data_shape(ExactPKSampler, "data_source") == data_shape(PKSampler, "data_source")
    assert data_shape(BucketBatches, "dataset") == DataShape(columns={"lengths"})
    assert data_shape(TokenBudget, "dataset") == DataShape(infos={"get_data_info": {"num_tokens"}})
    assert data_shape(LengthFilter, "dataset") == DataShape(keys={"length"})
    # What a method of the dataset returns, unpacked as the items would be (each position
    # named by one of the names the code gives it).
    shape = data_shape(Crops, "dataset")
    assert list(shape.lists) == ["frame_sizes"] and not (shape.fields or shape.columns or shape.infos)
    assert shape.lists["frame_sizes"] in ({0: "h", 1: "w"}, {0: "height", 1: "width"})
    # A table read by a field whose name another parameter gives.
    assert data_shape(ByCost, "dataset").named == {"table": "cost_field"}
    # A column used as a numpy array through the attribute it is stored in.
    assert data_shape(FlagGroups, "dataset") == DataShape(columns={"flag"}, arrays={"flag"})
    # Stored by the base it is handed to; a column of dicts read by key.
    assert data_shape(SceneShards, "dataset") == DataShape(columns={"frames"}, rows={"frames": {"time"}})


@pytest.mark.parametrize("cls", [PKSampler, BucketBatches, TokenBudget, LengthFilter, Crops, SceneShards, FlagGroups, ByCost])
def test_a_wrong_class_of_each_family_is_found(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    assert "Table(" in result.call.code
    # The pasted test rebuilds the same Table and fails alone.
    namespace = {}
    exec(pytest_test(result), namespace)
    test = next(v for k, v in namespace.items() if k.startswith("test_"))
    with pytest.raises(AssertionError):
        test()


@pytest.mark.parametrize("cls", [ExactPKSampler, ExactBucketBatches, ExactTokenBudget, ExactLengthFilter, ExactCrops, ExactSceneShards, ExactFlagGroups, ExactByCost])
def test_a_right_class_of_each_family_passes(cls):
    assert check_class(cls, OPTIONS).status == OK


def test_the_pk_counterexample_is_a_group_smaller_than_k():
    result = check_class(PKSampler, OPTIONS)
    table = result.call.args[0][1].make()
    k = result.call.build().num_instances
    sizes = defaultdict(int)
    for _, pid, _ in table:
        sizes[pid] += 1
    assert min(sizes.values()) < k


def test_a_table_is_rebuilt_from_its_repr():
    table = Table(
        2,
        items=[(0, 1), (1, 1)],
        columns={"lengths": [3, 4]},
        infos={"info": [{"h": 1}, {"h": 2}]},
        lists={"sizes": [(1, 2), (3, 4)], "_private": [0, 1]},
    )
    again = eval(repr(table))
    assert list(again) == [(0, 1), (1, 1)] and again.lengths == [3, 4] and again.info(1) == {"h": 2}
    # A private name the class reads is there too; dir() lists what the table has.
    assert again.sizes() == [(1, 2), (3, 4)] and again._private() == [0, 1]
    assert {"lengths", "info", "sizes"} <= set(dir(again))
    flags = Table(2, columns={"flag": np.array([0, 1])})
    assert repr(flags) == "Table(2, columns={'flag': np.array([0, 1])})"
    with pytest.raises(AttributeError):
        table.missing


class GroupedBatches(Sampler):
    """detectron2's grouped batching, reduced: batches within each group of `group_ids`
    (aspect-ratio groups), every group's tail kept; len() is one ceil over the sampler."""

    def __init__(self, sampler, group_ids, batch_size: int):
        self.sampler, self.group_ids, self.batch_size = sampler, group_ids, batch_size

    def __iter__(self):
        buffers = defaultdict(list)
        for idx in self.sampler:
            group = buffers[self.group_ids[idx]]
            group.append(idx)
            if len(group) == self.batch_size:
                yield list(group)
                group.clear()
        yield from (list(b) for b in buffers.values() if b)

    def __len__(self):
        return math.ceil(len(self.sampler) / self.batch_size)


class ExactGroupedBatches(GroupedBatches):
    def __len__(self):
        counts = defaultdict(int)
        for idx in self.sampler:
            counts[self.group_ids[idx]] += 1
        return sum(math.ceil(c / self.batch_size) for c in counts.values())


def test_per_item_values_named_by_the_parameter():
    # `group_ids`: keys in drawn groups, as a Table's key field (it had no strategy on main).
    result = check_class(GroupedBatches, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert check_class(ExactGroupedBatches, OPTIONS).status == OK


class PerItemLengths(Sampler):
    """Takes the dataset and a list of its lengths; refuses a list of another length, as
    cut2min's bucket sampler asserts."""

    def __init__(self, dataset, seqlens, batch_size: int):
        if len(seqlens) != len(dataset):
            raise ValueError("one length per item")
        self.order = sorted(range(len(dataset)), key=seqlens.__getitem__)
        self.batch_size = batch_size

    def __iter__(self):
        for i in range(0, len(self.order), self.batch_size):
            yield self.order[i : i + self.batch_size]

    def __len__(self):
        return len(self.order) // self.batch_size


def test_a_list_per_item_is_as_long_as_the_dataset():
    result = check_class(PerItemLengths, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    args = {name: shown.make() for name, shown, _ in result.call.args}
    assert len(args["seqlens"]) == len(args["dataset"])


class HelpedPK(_PK):
    """The P x K sampler whose index is built by a helper of another module: the loop
    that unpacks the items is only there."""

    def __init__(self, data_source, num_instances: int):
        self.num_instances = num_instances
        self.index_dic = self._index(data_source)
        self.pids = list(self.index_dic)

    def _index(self, source):
        return shape_helpers.index_by_identity(source)


def test_helpers_the_data_is_handed_to_are_read():
    # self._index(data_source, ...) -> shape_helpers.index_by_identity(source) -> samples.
    assert data_shape(HelpedPK, "data_source").fields == {0: "", 1: "identity", 2: ""}
    assert check_class(HelpedPK, OPTIONS).status == COUNTEREXAMPLE


class _GroupBatches(Sampler):
    """Batches within each group of items (`_groups`), every group's tail kept; len() is
    one ceil over the whole dataset."""

    def __init__(self, dataset, batch_size: int):
        self.dataset, self.batch_size = dataset, batch_size

    def __iter__(self):
        for group in self._groups():
            for i in range(0, len(group), self.batch_size):
                yield group[i : i + self.batch_size]

    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size)


class _ExactGroupBatches:
    def __len__(self):
        return sum(math.ceil(len(group) / self.batch_size) for group in self._groups())


class TextBuckets(_GroupBatches):
    """Texts bucketed by their own length (`len(text)` of each item, as text-generation
    samplers bucket abstracts)."""

    _WIDTH = 4  # texts whose lengths differ by less than this share a bucket

    def _groups(self):
        buckets = defaultdict(list)
        for i, text in enumerate(self.dataset):
            buckets[len(text) // self._WIDTH].append(i)
        return list(buckets.values())


class ExactTextBuckets(_ExactGroupBatches, TextBuckets):
    pass

class Pairs(Sampler):
    def __init__(self, dataset):
        self.dataset = dataset

    def __iter__(self):
        for i in range(0, len(self.dataset), 2):
            yield list(range(i, i + len(self.dataset[i : i + 2])))

    def __len__(self):
        return math.ceil(len(self.dataset) / 2)


def test_items_whose_length_is_taken_are_sequences():
    # On 857ad60 only an empty range built TextBuckets (len() of an int item raises): "ok".
    assert data_shape(TextBuckets, "dataset") == DataShape(sized=True)
    # A slice of the data is no item.
    assert not data_shape(Pairs, "dataset").sized
    result = check_class(TextBuckets, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    table = result.call.args[0][1].make()
    assert len({len(text) // TextBuckets._WIDTH for text in table}) >= 2  # two buckets, one with a tail
    namespace = {}
    exec(pytest_test(result), namespace)
    test = next(v for k, v in namespace.items() if k.startswith("test_"))
    with pytest.raises(AssertionError):
        test()
    assert check_class(ExactTextBuckets, OPTIONS).status == OK


class LengthCap(_GroupBatches):
    """Items longer than 100 (a limit written in the code, as samplers of abstracts or
    protein chains cut at a fixed length) are left out; len() counts every item."""

    def _groups(self):
        return [[i for i, length in enumerate(self.dataset.lengths) if length <= 100]]


class ExactLengthCap(_ExactGroupBatches, LengthCap):
    pass

def test_sizes_are_drawn_around_the_numbers_the_code_compares_them_with():
    # On 44cb66d sizes were drawn up to 17 only: the limit of 100 was never crossed, "ok".
    assert size_limits(LengthCap) == (100,)
    result = check_class(LengthCap, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert max(result.call.args[0][1].make().lengths) == 101
    assert check_class(ExactLengthCap, OPTIONS).status == OK
