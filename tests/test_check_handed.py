"""The search builds classes whose parameters' names say nothing, from what their code
does with them (issue 19). A parameter handed whole to a callee (`Subset(source, keep)`)
is drawn as the callee's own parameter is named (`indices`); an object the class calls
methods of (`store.list_ids()`) has methods returning what the class's use of their
result says; `**kwargs` handed to a helper (`_every(source, **kwargs)`) carry the helper's
parameters, not the base's (`replacement`, which the helper rejected); a class that
refuses torch.distributed is run alone. On 8ff0d80 every
class of tests/fixtures/check/handed_samplers.py was "could not build" (`keep` only None;
nothing to pass as `source`, as `store`; `replacement` passed to the helper)."""

from __future__ import annotations

import pytest
from handed_samplers import (
    AloneBatches,
    ExactAloneBatches,
    ExactKeptBatches,
    ExactListedBatches,
    ExactThinnedItems,
    KeptBatches,
    ListedBatches,
    ThinnedItems,
    TwoNames,
    _every,
    _Kept,
    _Thinned,
)
from hypothesis import given, settings

from flake8_dplen.check.arguments import _by_name, _parameters, calls
from flake8_dplen.check.handed import by_callee, callee_names, kwargs_receiver
from flake8_dplen.check.opaque import result_use
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


def test_what_a_method_returns_is_used_as_the_local_it_is_assigned_to_is():
    ids = result_use(ListedBatches, "store.list_ids")
    # `ids = self.store.list_ids()`, then `len(ids)`, `list(ids)`: a list.
    assert ids.iterated and not ids.numeric
    # `len(ids) // self.group.size()`: a number.
    assert result_use(ListedBatches, "group.size").numeric


@settings(max_examples=30, deadline=None, database=None)
@given(calls(ExactListedBatches))
def test_an_object_answers_the_same_on_every_call(call):
    store = dict((name, shown.make()) for name, shown, _ in call.args)["store"]
    assert isinstance(store.ready, bool)
    assert store.list_ids() == store.list_ids() and len(store.list_ids()) >= 0


def test_kwargs_handed_to_a_helper_carry_its_parameters_not_the_bases():
    # `super().__init__(data_source=_every(source, **kwargs), generator=...)`: the
    # helper's call fills `source`; its `step` comes through the kwargs.
    assert kwargs_receiver(_Thinned) == (_every, {"source"})
    params, _ = _parameters(ThinnedItems)
    assert [p.name for p in params] == ["source", "step"]
    # No kwargs: nothing receives them.
    assert kwargs_receiver(_Kept) == (None, set())


WRONG = [KeptBatches, ListedBatches, ThinnedItems, AloneBatches]
EXACT = [ExactKeptBatches, ExactListedBatches, ExactThinnedItems, ExactAloneBatches]


@pytest.mark.parametrize("cls", WRONG + EXACT)
def test_each_class_is_built_and_a_wrong_one_found(cls):
    result = check_class(cls, OPTIONS)
    assert result.examples > 0
    assert result.status == (COUNTEREXAMPLE if cls in WRONG else OK), result
