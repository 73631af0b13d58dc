"""The search builds classes whose parameters' names say nothing, from what their code
does with them (issue 19). A parameter handed whole to a callee (`Subset(source, keep)`)
is drawn as the callee's own parameter is named (`indices`): on 8ff0d80 the class of
tests/fixtures/check/handed_samplers.py was "could not build" (`keep` only None, or
nothing to pass as `source`)."""

from __future__ import annotations

import pytest
from handed_samplers import ExactKeptBatches, KeptBatches, TwoNames

from flake8_dplen.check.arguments import _by_name
from flake8_dplen.check.handed import by_callee, callee_names
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_the_callee_parameters_a_value_is_passed_as_are_read_from_their_signatures():
    # Positional, through torch's Subset(dataset, indices) and RandomSampler(data_source).
    assert callee_names(KeptBatches, "keep") == {"indices"}
    assert callee_names(KeptBatches, "source") == {"dataset"}
    # Only divided by: handed to no callee.
    assert callee_names(KeptBatches, "size") == set()


def test_the_builder_is_the_one_the_callees_name_says():
    assert by_callee(KeptBatches, "keep", _by_name) is _by_name("indices")
    assert by_callee(KeptBatches, "size", _by_name) is None


def test_callees_that_disagree_say_nothing():
    assert callee_names(TwoNames, "pool") == {"indices", "data_source"}
    assert by_callee(TwoNames, "pool", _by_name) is None


def test_a_wrong_class_is_found():
    assert check_class(KeptBatches, OPTIONS).status == COUNTEREXAMPLE


@pytest.mark.parametrize("exact", [ExactKeptBatches])
def test_an_exact_class_is_built_and_stays_clean(exact):
    result = check_class(exact, OPTIONS)
    assert result.status == OK and result.examples > 0
