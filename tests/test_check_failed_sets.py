"""Classes whose every generated argument set failed ("could not build", issue 19), built
from what their code does with a parameter: a dataset attribute read into a local and
used there as a number, a dataset attribute read by a constant key and indexed by the
class's indices, a list named as one length whose len() failed beside a count. On main
(b309b39) each of the six classes here was "could not build"; each wrong one is now
found and its exact twin stays clean. A reading of ours that raises leaves the search
as it was without it (reads.fallback)."""

from __future__ import annotations

import pytest
from failed_sets_samplers import (
    BufferShards,
    ExactBufferShards,
    ExactLengthBuckets,
    ExactSizeClusters,
    LengthBuckets,
    SizeClusters,
)
from printed import fails_alone

from flake8_dplen.check import pinned as pinned_module
from flake8_dplen.check import reads
from flake8_dplen.check.reads import data_shape, use_of
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_local_read_from_a_parameter_is_used_as_the_local_is():
    # `num_buffers = self.dataset.num_buffers; num_buffers // self.num_replicas`
    assert use_of(BufferShards, "dataset.num_buffers").numeric
    assert data_shape(BufferShards, "dataset").numbers == {"num_buffers", "len_buffer"}


def test_what_an_index_takes_is_not_followed_into_a_local():
    # `part = x[indices]` may be a part of x, not an item: its local says nothing of items.
    assert use_of(SizeClusters, "data_source.meta").keys["size"].items.iterated is False


def test_a_column_read_by_a_constant_key_is_a_dict_of_columns():
    # `data_source.meta["size"][indices]`: the key's value is indexed, one value per item,
    # whatever "size" says as a name.
    assert data_shape(SizeClusters, "data_source").keyed == {"meta": {"size": False}}


@pytest.mark.parametrize("cls", [BufferShards, SizeClusters, LengthBuckets])
def test_a_wrong_class_whose_sets_all_failed_is_found(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


@pytest.mark.parametrize("cls", [ExactBufferShards, ExactSizeClusters, ExactLengthBuckets])
def test_its_exact_twin_is_built_and_clean(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0


def test_a_len_failure_pins_the_operand_of_len_not_the_count_beside_it():
    try:
        LengthBuckets(seq_len=8, num_bucket=2)
    except TypeError as exc:
        error = exc
    assert pinned_module.pinned(error, LengthBuckets, ["seq_len", "num_bucket", "max_tokens"]) == {"seq_len"}


def _raises(*args, **kwargs):
    raise RuntimeError("a reading of ours that fails on code it was not grown on")


@pytest.mark.parametrize("broken, cls", [("_local_reads", BufferShards), ("_number_or_column", SizeClusters)])
def test_a_new_reading_that_raises_leaves_the_search_as_it_was(monkeypatch, broken, cls):
    monkeypatch.setattr(reads, broken, _raises)
    result = check_class(cls, OPTIONS)
    # Not an internal error: the class ends as main left it (not built), its reason the
    # class's own failure.
    assert result.status == CANNOT_BUILD, result
    assert result.why.startswith("every generated argument set failed"), result.why


def test_a_narrowing_that_raises_pins_every_name_on_the_line(monkeypatch):
    monkeypatch.setattr(pinned_module, "_narrowed", _raises)
    try:
        LengthBuckets(seq_len=8, num_bucket=2)
    except TypeError as exc:
        error = exc
    assert pinned_module.pinned(error, LengthBuckets, ["seq_len", "num_bucket"]) == {"seq_len", "num_bucket"}
