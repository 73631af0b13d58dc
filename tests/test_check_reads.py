"""Generation read from the class's own code: a parameter that nothing else says how to
make is built from the attributes or keys the class reads from it. On main (8d0aec6)
every class here was "could not build"."""

from __future__ import annotations

from reads_samplers import (
    ConfiguredBatches,
    ConfiguredBatchesFloor,
    FromConfig,
    FromNestedConfig,
    FromOptions,
    Mystery,
    NeedsModel,
)

from flake8_dplen.check.report import finding, pytest_test
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=2.0, seed=0)


def test_an_options_object_is_built_from_what_the_class_reads():
    result = check_class(FromOptions, OPTIONS)
    assert result.status == COUNTEREXAMPLE
    assert finding(result) == (
        "FromOptions(opts=SimpleNamespace(batch_size=4, drop_last=False), dataset=range(1)):"
        " len 0, __iter__ yielded 1 batch of size 1"
    )
    assert "from types import SimpleNamespace" in pytest_test(result)


def test_a_dict_of_settings_and_a_nested_namespace_are_built():
    for cls in (FromConfig, FromNestedConfig):
        result = check_class(cls, OPTIONS)
        assert result.status == OK and result.examples > 50, (cls, result.why)


def test_what_cannot_be_read_is_named():
    result = check_class(NeedsModel, OPTIONS)
    assert result.status == CANNOT_BUILD
    assert result.why == (
        "nothing to pass as `model`: the class calls model.score(); register it:"
        " `flake8_dplen.check.register('reads_samplers.NeedsModel', args={'model': VALUE})`"
    )
    result = check_class(Mystery, OPTIONS)
    assert result.status == CANNOT_BUILD
    assert result.why == (
        "nothing to pass as `cfg.knob` (read with no default, and its name says nothing); register it:"
        " `flake8_dplen.check.register('reads_samplers.Mystery', args={'cfg.knob': VALUE})`"
    )


def test_a_parameter_read_in_the_base_constructor_is_built_for_the_subclass():
    # On main (aa63a46) the subclass was "could not build": nothing to pass as `cfg`.
    assert check_class(ConfiguredBatches, OPTIONS).status == OK
    assert check_class(ConfiguredBatchesFloor, OPTIONS).status == COUNTEREXAMPLE
