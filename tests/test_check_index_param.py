"""A parameter named as an index of the items by key (`label_to_indices`, `class2idxs`: a
plural after `_to_` or `2`) is drawn as one, a dict from drawn keys to the items holding
each. On main (63c89c8) the name said group keys (its `indices`): Episodes, which samples
the lists, was "could not build" (every set failed); ChunksPerLabel was found only by a
later round that learned the dict from the failures."""

from __future__ import annotations

import pytest
from index_param_samplers import ChunksPerLabel, Episodes, ExactChunksPerLabel
from printed import fails_alone

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_wrong_class_over_an_index_parameter_is_found():
    result = check_class(ChunksPerLabel, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


@pytest.mark.parametrize("cls", [ExactChunksPerLabel, Episodes])
def test_exact_classes_over_an_index_parameter_are_built_and_clean(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
