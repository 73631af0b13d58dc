"""A `List[List[int]]` hint draws groups of the items' indices, whatever the parameter's
name says. On main (63c89c8) `groups` was drawn by its name as two keys, `[0, 1]`: every
set failed on `len(group)` and KFromEachGroup and its twin were "could not build". A `Type[X]` hint
passes the class X (there a function returning a number was drawn, as for a Callable):
BatchedPerBucket and its twin were "could not build" too; so were Tiles and its twin, a
`Tuple[int, int]` hint being read as nothing (now a tuple of sizes). A `Dict[K, List[int]]`
hint is an index by key: ByKey and its twin, whose use says a dict of lists too, were
built before as well; they pin the hint's reading."""

from __future__ import annotations

import pytest
from hinted_samplers import (
    BatchedPerBucket,
    ByKey,
    ExactBatchedPerBucket,
    ExactByKey,
    ExactKFromEachGroup,
    ExactTiles,
    KFromEachGroup,
    Tiles,
)
from twins import built_and_clean, found_and_replayed


@pytest.mark.parametrize("cls", [KFromEachGroup, BatchedPerBucket, Tiles, ByKey])
def test_a_wrong_class_built_from_its_hints_is_found(cls):
    found_and_replayed(cls)


@pytest.mark.parametrize("cls", [ExactKFromEachGroup, ExactBatchedPerBucket, ExactTiles, ExactByKey])
def test_its_exact_twin_is_built_and_clean(cls):
    built_and_clean(cls)
