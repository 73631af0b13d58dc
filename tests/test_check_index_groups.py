"""A `List[List[int]]` hint draws groups of the items' indices, whatever the parameter's
name says. On main (63c89c8) `groups` was drawn by its name as two keys, `[0, 1]`: every
set failed on `len(group)` and both classes here were "could not build"."""

from __future__ import annotations

import pytest
from index_groups_samplers import ExactKFromEachGroup, KFromEachGroup
from printed import fails_alone

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_wrong_class_over_hinted_groups_is_found():
    result = check_class(KFromEachGroup, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def test_its_exact_twin_is_built_and_clean():
    result = check_class(ExactKFromEachGroup, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
