"""A dataset attribute the class indexes (`self.seen[g] = 0`) and never counts with is a
container, whatever its name says (reads.DataShape.indexed): the wrong class is found,
its exact twin built and clean."""

from __future__ import annotations

from indexed_column_samplers import ExactGroupTurns, GroupTurns
from printed import fails_alone

from flake8_dplen.check.reads import data_shape
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_counter_column_is_indexed():
    assert "num_seen_per_group" in data_shape(GroupTurns, "dataset").indexed


def test_a_wrong_class_is_found():
    result = check_class(GroupTurns, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def test_its_exact_twin_is_built_and_clean():
    result = check_class(ExactGroupTurns, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
