"""A dataset method called with a setting rather than an item's index answers for every
item (records.Table): `dataset.get_sample_weights(power)` failed on every set on main
(349d3e4), the class "could not build"; the wrong class is now found, its exact twin
stays clean, and a getter asked with an index still answers for that item."""

from __future__ import annotations

import numpy as np
from getter_samplers import ExactPoweredWeights, PoweredWeights
from printed import fails_alone

from flake8_dplen.check.records import Table
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_getter_asked_with_no_index_answers_for_every_item():
    table = Table(3, getters={"get_weight": [2, 0, 1]})
    assert table.get_weight(1) == 0 and table.get_weight(np.int64(2)) == 1
    assert table.get_weight(0.5) == [2, 0, 1] and table.get_weight("train") == [2, 0, 1]
    assert table.get_weight(slice(0, 2)) == [2, 0]
    # A copy: the class may change what it is given.
    table.get_weight(0.5).append(7)
    assert table.get_weight(None) == [2, 0, 1]


def test_a_wrong_class_that_asks_its_data_for_every_items_weight_is_found():
    result = check_class(PoweredWeights, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def test_its_exact_twin_is_built_and_clean():
    result = check_class(ExactPoweredWeights, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
