"""A parameter named as an index of the items by key (`label_to_indices`, `class2idxs`: a
key's name, `_to_` or `2`, a plural) is drawn as one, a dict from drawn keys to the items holding
each. On main (63c89c8) the name said group keys (its `indices`): Episodes, which samples
the lists, was "could not build" (every set failed); ChunksPerLabel was found only by a
later round that learned the dict from the failures."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from index_param_samplers import ChunksPerLabel, EpisodeFrames, Episodes, ExactChunksPerLabel
from twins import built_and_clean, found_and_replayed

from flake8_dplen.check.search import _strategy


def test_a_wrong_class_over_an_index_parameter_is_found():
    found_and_replayed(ChunksPerLabel)


@pytest.mark.parametrize("cls", [ExactChunksPerLabel, Episodes])
def test_exact_classes_over_an_index_parameter_are_built_and_clean(cls):
    built_and_clean(cls)


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
    built_and_clean(EpisodeFrames)
