"""The search builds a parameter no name or hint says how to make from what the class does
with it (issue 19, check/opaque.py): a dict of settings read by keys whose names say
nothing, a config read by attribute and by key or by dotted names, an object whose (or
whose attribute's) methods' results are unpacked, iterated, yielded or unused. On main at
b309b39 every class of tests/fixtures/check/opaque_samplers.py but the Labelled pair was
"could not build" (nothing to pass as `store`, as `settings['chunk']`..., or every
generated argument set failed); the Labelled pair (built by its name) must stay built."""

from __future__ import annotations

import inspect
from types import SimpleNamespace

import opaque_samplers
import pytest
from hypothesis import given, settings
from opaque_samplers import (
    ExactChunked,
    ExactConfigured,
    ExactHosted,
    ExactRanked,
    ExactResumed,
    ExactServed,
    ExactSettings,
    ExactSpans,
)

from flake8_dplen.check import opaque
from flake8_dplen.check.arguments import calls
from flake8_dplen.check.reads import fields_read
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)
CLASSES = [
    cls
    for name, cls in vars(opaque_samplers).items()
    if inspect.isclass(cls) and name.startswith(("Wrong", "Exact"))
]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_each_class_is_built_and_a_wrong_one_found(cls):
    result = check_class(cls, OPTIONS)
    if cls.__name__.startswith("Wrong"):
        assert result.status == COUNTEREXAMPLE, result.why
    else:
        assert result.status == OK and result.examples > 0, result.why


def test_a_result_unpacked_into_names_is_a_pair_or_a_list_of_pairs():
    bounds = opaque.result_use(ExactSpans, "store.bounds")
    assert bounds.unpacked and bounds.positions == {0, 1}
    spans = opaque.result_use(ExactSpans, "store.spans")
    assert spans.iterated and spans.items.unpacked and spans.items.positions == {0, 1}


def test_a_method_of_an_attribute_makes_that_attribute_an_object():
    fields = fields_read(ExactHosted, "args")
    assert fields.called == {"store.list_ids"} and "store" in fields.defaults
    nested = opaque.nest_calls(fields, {"store.list_ids"})
    assert nested.nested["store"].called == {"list_ids"} and "store" not in nested.defaults
    assert "step" in nested.defaults and not nested.called
    assert fields.called == {"store.list_ids"}  # what fields_read gave is left as it was


def test_results_read_in_a_tuple_assignment_yielded_or_discarded():
    # `rank, size = group.rank(), group.size()`, then `range(rank % size, n, size)`.
    assert opaque.result_use(ExactRanked, "process_group.rank").numeric
    assert opaque.result_use(ExactRanked, "process_group.size").numeric
    # `yield self.store.batch(i)`: a batch, which the loader iterates.
    assert opaque.result_use(ExactServed, "store.batch").iterated
    # `self.process_group.barrier()`: called for what it does.
    assert opaque.discarded(ExactRanked, "process_group.barrier")
    assert not opaque.discarded(ExactRanked, "process_group.size")


@settings(max_examples=30, deadline=None, database=None)
@given(calls(ExactSpans))
def test_spans_are_drawn_in_order(call):
    store = dict((name, shown.make()) for name, shown, _ in call.args)["store"]
    first, last = store.bounds()
    assert first <= last
    assert all(begin <= end for begin, end in store.spans())


def test_a_key_is_used_as_the_attribute_it_is_stored_in_is():
    # `self.order = checkpoint["order"]`, then `self.order[checkpoint["done"]:]`: a list.
    assert opaque.key_use(ExactResumed, "checkpoint", "order").iterated
    assert opaque.key_use(ExactResumed, "checkpoint", "done").numeric
    assert opaque.key_use(ExactSettings, "settings", "order").strings == {"reversed"}


@settings(max_examples=20, deadline=None, database=None)
@given(calls(ExactChunked))
def test_a_dotted_name_read_with_no_default_is_drawn_and_one_with_a_default_kept(call):
    # `self.chunk = getattr(opts, "sampler.chunk")`, then `range(..., self.chunk)`: a size.
    assert opaque.key_use(ExactChunked, "opts", "sampler.chunk").numeric
    (_, shown, _), _ = call.args
    opts = eval(shown.code, {"SimpleNamespace": SimpleNamespace})  # the code shown is Python
    assert vars(opts) == vars(shown.make()) and set(vars(opts)) == {"sampler.chunk"}


@settings(max_examples=20, deadline=None, database=None)
@given(calls(ExactConfigured))
def test_a_config_read_by_attribute_and_by_key_answers_both(call):
    assert fields_read(ExactConfigured, "cfg").mixed
    cfg = dict((name, shown.make()) for name, shown, _ in call.args)["cfg"]
    assert cfg.data.batch_size >= 1 and cfg.get("drop_last", False) in (True, False)


def _raising(*args, **kwargs):
    raise RuntimeError("a reading of ours that fails")


@pytest.mark.parametrize(
    "cls, reading, said",
    [
        (ExactSpans, "result_use", "nothing to pass as `store`"),
        (ExactSettings, "key_use", "nothing to pass as `settings['chunk']`"),
        # Outside the readings each guards: the whole of it falls back (_opaque_or_not).
        (ExactHosted, "_plain_calls", "nothing to pass as `args`"),
        # Failing while a value is drawn: no internal error, the class's outcome without
        # it (a SimpleNamespace has no `get`).
        (ExactConfigured, "Settings", "every generated argument set failed"),
    ],
)
def test_a_failing_reading_falls_back_to_what_the_search_said_without_it(monkeypatch, cls, reading, said):
    import flake8_dplen.check.arguments as arguments

    monkeypatch.setattr(arguments, reading, _raising)
    result = check_class(cls, OPTIONS)
    assert result.status == CANNOT_BUILD and said in result.why
