"""A parameter whose default is an empty collection (`excluded=()`) is also drawn as its
use in the class says (here a list of indices). On main (f4693ac) it was only ever left
empty, and ExcludingSampler, wrong only once something is excluded, was "ok"."""

from __future__ import annotations

from empty_default_samplers import ExactExcludingSampler, ExcludingSampler
from twins import built_and_clean, found_and_replayed


def test_a_wrong_class_behind_an_empty_default_is_found():
    found_and_replayed(ExcludingSampler)


def test_its_exact_twin_is_built_and_clean():
    built_and_clean(ExactExcludingSampler)
