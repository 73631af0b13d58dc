"""A parameter handed only to numpy's ordering and running functions (`np.argsort(x)`,
`np.cumsum(x)`) is drawn as a list of values. On main (f4693ac) nothing said how to make
`difficulties`: GrowingCurriculum and its twin were "could not build". ExactCumulativeShards
(`shard_sizes`, drawn by its name) was built already; it keeps the exact side of cumsum."""

from __future__ import annotations

import pytest
from ordered_values_samplers import ExactCumulativeShards, ExactGrowingCurriculum, GrowingCurriculum
from twins import built_and_clean, found_and_replayed


def test_a_wrong_class_over_ordered_values_is_found():
    found_and_replayed(GrowingCurriculum)


@pytest.mark.parametrize("cls", [ExactGrowingCurriculum, ExactCumulativeShards])
def test_exact_classes_over_ordered_values_are_built_and_clean(cls):
    built_and_clean(cls)
