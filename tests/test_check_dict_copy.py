"""A parameter the constructor copies with dict() is read through the copy
(reads.stored_as): walked by `.items()`, it is a mapping. On main (f4693ac) it was drawn
as a list, and StridedWindows and its twin were "could not build"."""

from __future__ import annotations

from dict_copy_samplers import ExactStridedWindows, StridedWindows
from twins import built_and_clean, found_and_replayed


def test_a_wrong_class_over_a_copied_mapping_is_found():
    found_and_replayed(StridedWindows)


def test_its_exact_twin_is_built_and_clean():
    built_and_clean(ExactStridedWindows)
