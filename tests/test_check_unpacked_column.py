"""A dataset attribute whose values the class unpacks is drawn as rows of that many fields
(reads.DataShape.unpacked), each field by the name the code gives it: on main (349d3e4)
every set failed on the unpacking, and both classes here were "could not build"."""

from __future__ import annotations

from printed import fails_alone
from unpacked_column_samplers import BatchesPerSource, ExactBatchesPerSource

from flake8_dplen.check.reads import data_shape
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_column_unpacked_in_a_loop_has_rows_of_that_many_fields():
    assert data_shape(BatchesPerSource, "data_source").unpacked == {"images": {0: "source", 1: "", 2: ""}}


def test_a_wrong_class_that_unpacks_a_column_is_found():
    result = check_class(BatchesPerSource, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def test_its_exact_twin_is_built_and_clean():
    result = check_class(ExactBatchesPerSource, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
