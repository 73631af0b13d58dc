"""A number per key: a parameter whose name says sizes and that the class walks as a dict
(`source_sizes.items()`), or hinted `Dict[K, int]`, is drawn as a dict of sizes. On main
(63c89c8) it was a list of sizes, then (its code seen to walk a dict) an index of lists:
SourceBatches failed in the arithmetic on every set and was "could not build". Its exact
twin and Quotas were built there too; they are kept for the exact side."""

from __future__ import annotations

import pytest
from sized_mapping_samplers import ExactSourceBatches, Quotas, SourceBatches
from twins import built_and_clean, found_and_replayed


def test_a_wrong_class_over_sizes_per_key_is_found():
    found_and_replayed(SourceBatches)


@pytest.mark.parametrize("cls", [ExactSourceBatches, Quotas])
def test_exact_classes_over_sizes_per_key_are_built_and_clean(cls):
    built_and_clean(cls)
