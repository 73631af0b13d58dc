"""A dataset's count of classes covers the keys of its index of the items by class
(arguments._group_count): the wrong class is found, its exact twin built and clean."""

from __future__ import annotations

from group_count_samplers import ExactForegroundRounds, ForegroundRounds
from printed import fails_alone

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_wrong_class_is_found():
    result = check_class(ForegroundRounds, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def test_its_exact_twin_is_built_and_clean():
    result = check_class(ExactForegroundRounds, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
