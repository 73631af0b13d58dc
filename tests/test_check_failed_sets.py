"""Classes whose every generated argument set failed ("could not build", issue 19), built
from what their code does with a parameter: a dataset attribute read into a local and
used there as a number, one read by a constant key and indexed by the class's indices, one read through a wrapped
sampler and counted with (records learn it is a number), a list named as one length
whose len() failed beside a count. On main (b309b39) each of the eight classes here was
"could not build"; each wrong one is now found and its exact twin stays clean. A
reading of ours that raises leaves the search as it was without it (reads.fallback)."""

from __future__ import annotations

import pytest
from failed_sets_samplers import (
    BufferShards,
    ExactBufferShards,
    ExactLengthBuckets,
    ExactSizeClusters,
    ExactViewBatches,
    LengthBuckets,
    SizeClusters,
    ViewBatches,
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


def test_a_record_is_copied_as_the_record_it_is():
    import copy
    import pickle

    from flake8_dplen.check.records import Records

    record = Records(3, seed=1, lists=True)[2].label
    for copied in (copy.deepcopy(record), copy.copy(record), pickle.loads(pickle.dumps(record))):
        assert copied == record and copied._path == record._path and list(copied) == list(record)


def test_a_column_of_records_counted_with_is_learned_a_number():
    from flake8_dplen.check.arguments import Learned
    from flake8_dplen.check.records import NumberWanted, Records
    from flake8_dplen.check.search import learn

    records = Records(4, seed=2)
    with pytest.raises(NumberWanted) as raised:
        max(1, records.n_views)
    assert learn(raised.value) == Learned(numbers=frozenset({"n_views"}))
    # A column's own attribute is no attribute of the dataset: nothing to learn.
    with pytest.raises(NumberWanted) as raised:
        records.meta.n_views // 2
    assert learn(raised.value) == Learned()
    # The next round's records answer it with the number drawn.
    assert Records(4, seed=2, numbers={"n_views": 3}).n_views == 3


def test_more_samples_than_items_from_a_class_without_replacement_is_no_callers_input():
    from flake8_dplen.check.arguments import Call, Shown
    from flake8_dplen.check.legitimate import degenerate

    def call(world=None, **kwargs):
        args = tuple((k, Shown(lambda v=v: v, repr(v)), False) for k, v in kwargs.items())
        return Call(LengthBuckets, args, world)

    assert degenerate(call(dataset=range(3), num_samples=4)).startswith("4 samples on each of 1 ranks over 3")
    # A rank's samples, as torch's samplers count them: 2 on each of 2 ranks over 3 items.
    assert degenerate(call((2, 1), dataset=range(3), num_samples=2)).startswith("2 samples on each of 2")
    assert degenerate(call(dataset=range(3), num_samples=3)) == ""
    # A class that can be told to draw with replacement may be asked for more, and one
    # told not to is wrong if it then promises them.
    assert degenerate(call(dataset=range(3), num_samples=4, replacement=False)) == ""


def test_a_column_read_by_a_constant_key_is_a_dict_of_columns():
    # `data_source.meta["size"][indices]`: the key's value is indexed, one value per item,
    # whatever "size" says as a name.
    assert data_shape(SizeClusters, "data_source").keyed == {"meta": {"size": False}}


@pytest.mark.parametrize("cls", [BufferShards, SizeClusters, LengthBuckets, ViewBatches])
def test_a_wrong_class_whose_sets_all_failed_is_found(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


@pytest.mark.parametrize(
    "cls", [ExactBufferShards, ExactSizeClusters, ExactLengthBuckets, ExactViewBatches]
)
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


def test_a_new_reading_that_raises_leaves_the_search_as_it_was(monkeypatch):
    monkeypatch.setattr(reads, "_local_reads", _raises)
    monkeypatch.setattr(reads, "_number_or_column", _raises)
    # Each reading falls back to what main read: no local followed, no dict of columns.
    assert not use_of(BufferShards, "dataset.num_buffers").numeric
    assert data_shape(SizeClusters, "data_source").keyed == {}
    for cls in (BufferShards, SizeClusters):
        # Not an internal error: the search ends the class with a verdict of its own
        # (records may still build it), never with our exception.
        result = check_class(cls, OPTIONS)
        assert result.status in (CANNOT_BUILD, COUNTEREXAMPLE), result
        assert "RuntimeError" not in result.why


def test_a_narrowing_that_raises_pins_every_name_on_the_line(monkeypatch):
    monkeypatch.setattr(pinned_module, "_narrowed", _raises)
    try:
        LengthBuckets(seq_len=8, num_bucket=2)
    except TypeError as exc:
        error = exc
    assert pinned_module.pinned(error, LengthBuckets, ["seq_len", "num_bucket"]) == {"seq_len", "num_bucket"}
