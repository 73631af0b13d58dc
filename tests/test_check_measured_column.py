"""A dataset attribute whose values the class takes the length of is drawn as one sequence
of a drawn length per item (reads.DataShape.sequences), whatever its name says. On main
(63c89c8) `texts` and `captions` were drawn as numbers and every such set failed on
`len()`; only the later rounds' records built the classes, whose texts never fell in two
buckets: LengthBuckets was "ok". CaptionsUnderLimit (the subscript spelling) was found
through records already; it is kept for the shape its column is read in."""

from __future__ import annotations

import pytest
from measured_column_samplers import (
    CaptionsUnderLimit,
    ExactCaptionsUnderLimit,
    ExactLengthBuckets,
    LengthBuckets,
)
from twins import built_and_clean, found_and_replayed

from flake8_dplen.check.reads import data_shape


def test_columns_whose_values_are_measured_are_sequences():
    assert data_shape(LengthBuckets, "dataset").sequences == {"texts"}
    assert data_shape(CaptionsUnderLimit, "dataset").sequences == {"captions"}


@pytest.mark.parametrize("cls", [LengthBuckets, CaptionsUnderLimit])
def test_a_wrong_class_that_measures_a_column_is_found(cls):
    found_and_replayed(cls)


@pytest.mark.parametrize("cls", [ExactLengthBuckets, ExactCaptionsUnderLimit])
def test_its_exact_twin_is_built_and_clean(cls):
    built_and_clean(cls)
