"""Bucket edges (`bucket_edges`, `bins`, `boundaries`...) are drawn as one to four sorted
sizes among the items' sizes. On main (63c89c8) nothing said how to make `bucket_edges`:
BucketsByEdges and its twin were "could not build". DigitizedBins (whose `bins` np.digitize
takes) was built already; it is kept for the exact side of another spelling."""

from __future__ import annotations

import pytest
from boundaries_samplers import BucketsByEdges, DigitizedBins, ExactBucketsByEdges
from twins import built_and_clean, found_and_replayed


def test_a_wrong_class_over_bucket_edges_is_found():
    found_and_replayed(BucketsByEdges)


@pytest.mark.parametrize("cls", [ExactBucketsByEdges, DigitizedBins])
def test_exact_classes_over_bucket_edges_are_built_and_clean(cls):
    built_and_clean(cls)
