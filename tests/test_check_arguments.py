"""Generated constructor arguments: what the search draws for conventional parameters."""

from __future__ import annotations

from arguments_samplers import (
    Splitter,
    TokenBatches,
    Wrapper,
)
from hypothesis import given, settings
from torch.utils.data import Sampler

from flake8_dplen.check.arguments import CannotBuild, _count_groups, _literal, calls


@settings(max_examples=100, derandomize=True, deadline=None)
@given(calls(Wrapper))
def test_rank_is_drawn_below_the_world_size_through_kwargs(call):
    args = {name: shown.make() for name, shown, _ in call.args}
    assert isinstance(args["dataset"], range)
    if isinstance(args.get("num_replicas"), int):
        if isinstance(args.get("rank"), int):
            assert 0 <= args["rank"] < args["num_replicas"]
    # What the report prints rebuilds the same arguments.
    assert call.code.startswith("Wrapper(dataset=range(")


@settings(max_examples=50, derandomize=True, deadline=None)
@given(calls(Splitter, {"optimizer": object()}))
def test_a_batch_sampler_hint_on_a_sampler_name_gives_batches(call):
    shown = {name: value for name, value, _ in call.args}
    # Read from the code, not built: a RandomSampler over range(0) refuses to be built,
    # and the search rejects that argument set.
    assert shown["sampler"].code.startswith("BatchSampler(")
    assert shown["max_batch_size"].make() >= 1
    assert "optimizer=<registered object>" in call.code


def test_dataset_sizes_reach_the_edges_around_the_batch_size():
    class Chunks(Sampler):
        def __init__(self, dataset, batch_size: int):
            pass

    pairs = set()

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(calls(Chunks))
    def collect(call):
        args = {name: shown.make() for name, shown, _ in call.args}
        pairs.add((len(args["dataset"]), args["batch_size"]))

    collect()
    for b in (2, 3):
        assert {(0, b), (1, b), (b - 1, b), (b, b), (b + 1, b), (2 * b, b)} & pairs
    assert {n - b for n, b in pairs} >= {0, 1}
    # No batch larger than the data and no empty data (legitimate.py): no caller's.
    assert min(n - b for n, b in pairs) == 0 and min(n for n, _ in pairs) == 1


def test_an_unknown_required_parameter_cannot_be_built():
    class NeedsTokenizer(Sampler):
        def __init__(self, dataset, tokenizer):
            self.tokens = [tokenizer.encode(text) for text in dataset]

    try:
        calls(NeedsTokenizer)
    except CannotBuild as exc:
        assert "nothing to pass as `tokenizer`" in str(exc)
    else:
        raise AssertionError("built without a tokenizer")


def test_a_function_by_hint_or_by_name_is_a_function_whatever_else_its_name_says():
    from flake8_dplen.check.search import OK, Options, check_class

    result = check_class(TokenBatches, Options(budget=2.0, seed=0))
    assert result.status == OK and result.examples > 10, result


def test_a_count_of_groups_beside_keys_drawn_as_no_collection_is_one_group():
    # `labels` named like keys but drawn as a number (its code said so): it names no group,
    # and counting them raised TypeError, an internal error that ended the class's search.
    drawn = {"labels": ("labels", _literal(5), False), "num_classes": ("num_classes", _literal(3), False)}
    _count_groups(drawn)
    assert drawn["num_classes"][1].make() == 1
    drawn["labels"] = ("labels", _literal([0, 4, 2]), False)
    _count_groups(drawn)
    assert drawn["num_classes"][1].make() == 5
