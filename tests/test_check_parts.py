"""A batcher that indexes the `sampler` it is given as a sequence, and a scheduler over the parts of a concatenation that reads an attribute of each part and
makes a sampler of each with the sampler class it is given by default: on main (349d3e4)
the parts were ranges and the class was drawn sampler instances, and both classes here
were "could not build". A class as a default is kept (callers pass classes there), and
the parts are Tables of what the class reads of them (reads.DataShape.parts)."""

from __future__ import annotations

import pytest
from parts_samplers import ExactRepeatedSlices, ExactRoundRobinParts, RepeatedSlices, RoundRobinParts
from printed import fails_alone

from flake8_dplen.check import reads
from flake8_dplen.check.reads import data_shape
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_what_the_class_reads_of_each_part_is_the_parts_shape():
    shape = data_shape(RoundRobinParts, "dataset")
    assert shape.parts is not None and shape.parts.columns == {"samples"}


def test_parts_read_of_nothing_have_no_shape():
    from data_families import ConcatPartsWrong

    assert data_shape(ConcatPartsWrong, "dataset").parts is None


def test_a_sampler_indexed_as_a_sequence_is_pinned():
    from torch.utils.data import RandomSampler

    from flake8_dplen.check.pinned import pinned

    try:
        RepeatedSlices(RandomSampler(range(3)), num_iter=2)
    except TypeError as exc:
        error = exc
    assert pinned(error, RepeatedSlices, ["sampler", "batch_size", "num_iter"]) == {"sampler"}


@pytest.mark.parametrize("cls", [RoundRobinParts, RepeatedSlices])
def test_a_wrong_class_is_found(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def test_the_default_sampler_class_is_kept():
    result = check_class(RoundRobinParts, OPTIONS)
    # Left out of the printed call.
    assert "sampler=" not in result.call.code and "'samples'" in result.call.code


@pytest.mark.parametrize("cls", [ExactRoundRobinParts, ExactRepeatedSlices])
def test_its_exact_twin_is_built_and_clean(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0


def test_a_reading_of_ours_that_fails_leaves_parts_unread(monkeypatch):
    def broken(*args):
        raise RuntimeError("a reading of ours that fails on code it was not grown on")

    monkeypatch.setattr(reads, "_parts_shape", broken)
    assert data_shape(RoundRobinParts, "dataset").parts is None
