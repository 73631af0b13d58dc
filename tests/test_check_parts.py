"""A scheduler over the parts of a concatenation that reads an attribute of each part and
makes a sampler of each with the sampler class it is given by default: on main (349d3e4)
the parts were ranges and the class was drawn sampler instances, and both classes here
were "could not build". A class as a default is kept (callers pass classes there), and
the parts are Tables of what the class reads of them (reads.DataShape.parts)."""

from __future__ import annotations

from parts_samplers import ExactRoundRobinParts, RoundRobinParts
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


def test_a_wrong_scheduler_over_parts_is_found():
    result = check_class(RoundRobinParts, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    # The default sampler class is kept, and left out of the printed call.
    assert "sampler=" not in result.call.code and "'samples'" in result.call.code
    fails_alone(result)


def test_its_exact_twin_is_built_and_clean():
    result = check_class(ExactRoundRobinParts, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0


def test_a_reading_of_ours_that_fails_leaves_parts_unread(monkeypatch):
    def broken(*args):
        raise RuntimeError("a reading of ours that fails on code it was not grown on")

    monkeypatch.setattr(reads, "_parts_shape", broken)
    assert data_shape(RoundRobinParts, "dataset").parts is None
