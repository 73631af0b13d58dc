"""Bucket edges (`bucket_edges`, `bins`, `boundaries`...) are drawn as one to four sorted
sizes among the items' sizes. On main (63c89c8) nothing said how to make `bucket_edges`:
BucketsByEdges and its twin were "could not build". DigitizedBins (whose `bins` np.digitize
takes) was built already; it is kept for the exact side of another spelling."""

from __future__ import annotations

import pytest
from boundaries_samplers import BucketsByEdges, DigitizedBins, ExactBucketsByEdges
from printed import fails_alone

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_wrong_class_over_bucket_edges_is_found():
    result = check_class(BucketsByEdges, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


@pytest.mark.parametrize("cls", [ExactBucketsByEdges, DigitizedBins])
def test_exact_classes_over_bucket_edges_are_built_and_clean(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
