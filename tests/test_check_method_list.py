"""A dataset method called with no argument is drawn as a list with one value per item
(DataShape.lists) also when the class keeps a copy of what it returns
(`np.asarray(dataset.get_lengths())`). On main (f4693ac) the method returned a value with
no length there, and LengthBands was "could not build" (its twin, whose len() walks the
bands too, was built from records in a later round)."""

from __future__ import annotations

from method_list_samplers import ExactLengthBands, LengthBands
from twins import built_and_clean, found_and_replayed


def test_a_wrong_class_over_a_method_list_is_found():
    found_and_replayed(LengthBands)


def test_its_exact_twin_is_built_and_clean():
    built_and_clean(ExactLengthBands)
