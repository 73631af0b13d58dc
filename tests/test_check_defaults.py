"""A setting's default is not the only value drawn: a positive float default gets other
fractions (or halves and doubles), and an int default far above any data drawn is left
out (each sampler built with it was that long). On main (f4693ac) RareLabelRepeats was
"ok" (`rare_below=0.001` was the only value, which no small dataset crosses);
RefilledPerClass and its twin were "could not build": `per_class`, handed only as
`random.choices(..., k=per_class)`, said nothing (a count keyword is a number now), and
with that alone the wrong one was "ok" after four samplers of 100000 indices."""

from __future__ import annotations

import pytest
from defaults_samplers import ExactRareLabelRepeats, ExactRefilledPerClass, RareLabelRepeats, RefilledPerClass
from twins import built_and_clean, found_and_replayed


@pytest.mark.parametrize("cls", [RareLabelRepeats, RefilledPerClass])
def test_a_wrong_class_behind_its_default_is_found(cls):
    found_and_replayed(cls)


@pytest.mark.parametrize("cls", [ExactRareLabelRepeats, ExactRefilledPerClass])
def test_its_exact_twin_is_built_and_clean(cls):
    built_and_clean(cls)
