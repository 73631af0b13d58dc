"""A value handed to a torch function that takes a size or a range (`torch.arange(count)`,
`torch.randperm(n)`) is a number, not a tensor (reads._TORCH_SIZED): the wrong class is
found, its exact twin built and clean."""

from __future__ import annotations

from printed import fails_alone
from torch_sized_samplers import ExactFramesInOrder, FramesInOrder

from flake8_dplen.check.reads import use_of
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_the_items_given_to_arange_are_numbers():
    items = use_of(FramesInOrder, "frames_per_video").items
    assert items.numeric and not items.tensor


def test_a_wrong_class_is_found():
    result = check_class(FramesInOrder, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def test_its_exact_twin_is_built_and_clean():
    result = check_class(ExactFramesInOrder, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
