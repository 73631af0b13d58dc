"""A wrapped sampler is also drawn as one that yields an index twice (RandomSampler with
replacement). On main (f4693ac) only SequentialSampler and RandomSampler without
replacement were drawn, and FirstSightings, wrong only when an index repeats, was "ok"."""

from __future__ import annotations

from repeating_inner_samplers import ExactFirstSightings, FirstSightings
from twins import built_and_clean, found_and_replayed


def test_a_wrapper_that_drops_repeats_is_found():
    found_and_replayed(FirstSightings)


def test_its_exact_twin_is_built_and_clean():
    built_and_clean(ExactFirstSightings)
