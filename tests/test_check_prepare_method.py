"""Samplers whose __iter__ reads an attribute that only a method callers call first sets
(issue 19: `prepare()`, `build_batches()`, `set_state(epoch)`): the search calls that
method on every sampler it builds, once a sampler's own AttributeError named the
attribute, and the pasted test calls it too. One that nothing sets stays "could not
build", on the attribute."""

from __future__ import annotations

from prepare_samplers import ExactPlannedBatches, PlannedBatches, StatedBatches, UnplannedBatches
from printed import fails_alone

from flake8_dplen.check.prepared import setters
from flake8_dplen.check.report import pytest_test
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_the_setters_of_an_attribute_fewest_required_parameters_first():
    # `plan()` and `_rebuild()` take nothing: the public one first (callers call it);
    # `start_epoch(epoch)` sets it through `self._rebuild()`, and takes an epoch.
    assert setters(PlannedBatches, "batches") == ("plan", "_rebuild", "start_epoch")
    # What the constructor sets is no setter's: __init__ already ran.
    assert setters(PlannedBatches, "sizes") == ()
    assert setters(UnplannedBatches, "batches") == ()


def test_a_wrong_class_is_found_after_the_method_that_prepares_it():
    result = check_class(PlannedBatches, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    assert [method.target.__name__ for method in result.call.then] == ["plan"]
    pasted = pytest_test(result)
    assert "sampler = PlannedBatches(" in pasted and "\n    sampler.plan()\n" in pasted, pasted
    fails_alone(result)


def test_a_method_that_takes_arguments_is_called_with_drawn_ones():
    result = check_class(StatedBatches, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    (method,) = result.call.then
    assert method.target.__name__ == "set_state" and [name for name, _, _ in method.args][0] == "epoch"
    assert f"\n    sampler.set_state({method.arguments})\n" in pytest_test(result)
    fails_alone(result)


def test_its_exact_twin_is_prepared_and_clean():
    result = check_class(ExactPlannedBatches, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0


def test_an_attribute_no_method_sets_still_cannot_be_built():
    result = check_class(UnplannedBatches, OPTIONS)
    assert result.status == CANNOT_BUILD, result
    assert "object has no attribute 'batches'" in result.why
    assert "then ." not in result.why
