"""A parameter named as an index of the items by key (`label_to_indices`, `class2idxs`: a
plural after `_to_` or `2`) is drawn as one, a dict from drawn keys to the items holding
each. On main (63c89c8) the name said group keys (its `indices`): Episodes, which samples
the lists, was "could not build" (every set failed); ChunksPerLabel was found only by a
later round that learned the dict from the failures."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from index_param_samplers import ChunksPerLabel, EpisodeFrames, Episodes, ExactChunksPerLabel
from printed import fails_alone

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, _strategy, check_class

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


def test_ends_of_spans_are_no_index():
    # huggingface/lerobot's EpisodeAwareSampler (tuning) went from found to "could not
    # build" while `dataset_to_indices` was drawn as a dict.
    drawn = []

    @settings(max_examples=30, database=None, suppress_health_check=list(HealthCheck))
    @given(_strategy(EpisodeFrames, None))
    def draw(call):
        drawn.append(call.code)

    draw()
    assert drawn and not any("dataset_to_indices={" in code for code in drawn), drawn
    result = check_class(EpisodeFrames, OPTIONS)
    assert result.status == OK and result.examples > 0, result
