"""A setting's default is not the only value drawn: a positive float default gets other
fractions (or halves and doubles), and an int default far above any data drawn is left
out (each sampler built with it was that long). On main (f4693ac) RareLabelRepeats was
"ok" (`rare_below=0.001` was the only value, which no small dataset crosses);
RefilledPerClass and its twin were "could not build": `per_class`, handed only as
`random.choices(..., k=per_class)`, said nothing (a count keyword is a number now). A
sampler of 100000 indices per build left a 2-second budget four samplers, and a class of
my probes that was wrong only below that default was "ok"; the last test shows the
default is no longer drawn."""

from __future__ import annotations

import pytest
from defaults_samplers import ExactRareLabelRepeats, ExactRefilledPerClass, RareLabelRepeats, RefilledPerClass
from hypothesis import HealthCheck, given, settings
from twins import built_and_clean, found_and_replayed

from flake8_dplen.check.search import _strategy


@pytest.mark.parametrize("cls", [RareLabelRepeats, RefilledPerClass])
def test_a_wrong_class_behind_its_default_is_found(cls):
    found_and_replayed(cls)


@pytest.mark.parametrize("cls", [ExactRareLabelRepeats, ExactRefilledPerClass])
def test_its_exact_twin_is_built_and_clean(cls):
    built_and_clean(cls)


def test_an_int_default_above_any_data_is_not_drawn():
    lengths = []

    @settings(max_examples=60, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(_strategy(RefilledPerClass, None))
    def draw(call):
        lengths.extend(value.make() for name, value, _ in call.args if name == "epoch_length")

    draw()
    assert lengths and 100000 not in lengths
