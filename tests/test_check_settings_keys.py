"""Settings read by keys two levels deep are a dict of dicts (reads.fields_read follows
subscripts as it follows attributes), whatever the outer key's name: on main (f4693ac)
`cfg["sampler"]` was drawn as a sampler, and NestedKeysPK and its twin were "could not
build". A parameter handed only to torch.randperm is a number: CappedPermutation was "could
not build" (`n` said nothing; its twin measures `range(n)`)."""

from __future__ import annotations

import pytest
from settings_keys_samplers import CappedPermutation, ExactCappedPermutation, ExactNestedKeysPK, NestedKeysPK
from twins import built_and_clean, found_and_replayed


@pytest.mark.parametrize("cls", [NestedKeysPK, CappedPermutation])
def test_a_wrong_class_is_found(cls):
    found_and_replayed(cls)


@pytest.mark.parametrize("cls", [ExactNestedKeysPK, ExactCappedPermutation])
def test_its_exact_twin_is_built_and_clean(cls):
    built_and_clean(cls)
