"""A dataset method whose result the class unpacks into names is a split of the items'
indices into that many lists (reads.DataShape.splits): the wrong class is found, its exact
twin built and clean."""

from __future__ import annotations

from printed import fails_alone
from split_samplers import EasyFirst, ExactEasyFirst

from flake8_dplen.check.reads import data_shape
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_method_result_unpacked_into_names_is_a_split():
    shape = data_shape(EasyFirst, "dataset")
    assert shape.splits == {"easy_medium_hard": 3}
    assert not shape.lists


def test_a_wrong_class_over_a_split_is_found():
    result = check_class(EasyFirst, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def test_its_exact_twin_is_built_and_clean():
    result = check_class(ExactEasyFirst, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
