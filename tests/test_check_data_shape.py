"""Data shaped by the class's use of its items (reads.data_shape, arguments._table): items
unpacked or indexed as tuples or dicts, attributes of the dataset that hold one value per
item, methods that return a dict per item. Keys are drawn in a drawn number of groups
(singletons, groups smaller than K), sizes unevenly around the unit. On main (70c4010)
PKSampler, TokenBudget and LengthFilter were "ok": only an empty range built the first
(its items are unpacked), and the 0/1 records never passed a token budget or a length
limit. BucketBatches was found there too, on records."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest
from data_shape_samplers import (
    BucketBatches,
    ByCost,
    Crops,
    ExactBucketBatches,
    ExactByCost,
    ExactCrops,
    ExactFlagGroups,
    ExactGroupedBatches,
    ExactLengthCap,
    ExactLengthFilter,
    ExactPKSampler,
    ExactSceneShards,
    ExactTextBuckets,
    ExactTokenBudget,
    FlagGroups,
    GroupedBatches,
    HelpedPK,
    LengthCap,
    LengthFilter,
    Pairs,
    PerItemLengths,
    PKSampler,
    SceneShards,
    TextBuckets,
    TokenBudget,
)
from printed import fails_alone

from flake8_dplen.check.reads import DataShape, data_shape, size_limits
from flake8_dplen.check.records import Table
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_the_shape_is_read_from_the_code():
    assert data_shape(PKSampler, "data_source") == DataShape(fields={0: "", 1: "pid", 2: ""})
    # A subclass that only changes a method: its base's loop over the data is read.
    assert data_shape(ExactPKSampler, "data_source") == data_shape(PKSampler, "data_source")
    # Walked and never counted with: a container (DataShape.indexed), whatever its name.
    assert data_shape(BucketBatches, "dataset") == DataShape(columns={"lengths"}, indexed={"lengths"})
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
    assert data_shape(FlagGroups, "dataset") == DataShape(columns={"flag"}, arrays={"flag"}, indexed={"flag"})
    # Stored by the base it is handed to; a column of dicts read by key.
    assert data_shape(SceneShards, "dataset") == DataShape(columns={"frames"}, rows={"frames": {"time"}}, indexed={"frames"})


@pytest.mark.parametrize("cls", [PKSampler, BucketBatches, TokenBudget, LengthFilter, Crops, SceneShards, FlagGroups, ByCost])
def test_a_wrong_class_of_each_family_is_found(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    assert "Table(" in result.call.code
    # The pasted test rebuilds the same Table and fails alone.
    fails_alone(result)


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


def test_per_item_values_named_by_the_parameter():
    # `group_ids`: keys in drawn groups, as a Table's key field (it had no strategy on main).
    result = check_class(GroupedBatches, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert check_class(ExactGroupedBatches, OPTIONS).status == OK


def test_a_list_per_item_is_as_long_as_the_dataset():
    result = check_class(PerItemLengths, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    args = {name: shown.make() for name, shown, _ in result.call.args}
    assert len(args["seqlens"]) == len(args["dataset"])


def test_helpers_the_data_is_handed_to_are_read():
    # self._index(data_source, ...) -> shape_helpers.index_by_identity(source) -> samples.
    assert data_shape(HelpedPK, "data_source").fields == {0: "", 1: "identity", 2: ""}
    assert check_class(HelpedPK, OPTIONS).status == COUNTEREXAMPLE


def test_items_whose_length_is_taken_are_sequences():
    # On 857ad60 only an empty range built TextBuckets (len() of an int item raises): "ok".
    assert data_shape(TextBuckets, "dataset") == DataShape(sized=True)
    # A slice of the data is no item.
    assert not data_shape(Pairs, "dataset").sized
    result = check_class(TextBuckets, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    table = result.call.args[0][1].make()
    assert len({len(text) // TextBuckets._WIDTH for text in table}) >= 2  # two buckets, one with a tail
    fails_alone(result)
    assert check_class(ExactTextBuckets, OPTIONS).status == OK


def test_sizes_are_drawn_around_the_numbers_the_code_compares_them_with():
    # On 44cb66d sizes were drawn up to 17 only: the limit of 100 was never crossed, "ok".
    assert size_limits(LengthCap) == (100,)
    result = check_class(LengthCap, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert max(result.call.args[0][1].make().lengths) == 101
    assert check_class(ExactLengthCap, OPTIONS).status == OK
