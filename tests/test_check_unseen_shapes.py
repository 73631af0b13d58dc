"""`dplen check`, with no factory, on the shapes of tests/unseen_shapes.py: every class is
built; a wrong one (`*Wrong`) gets a counterexample, a correct one (`*Ok`) is ok (no
counterexample on an exact class). Before s9-gen (aa63a46) 20 of these 54 were "could
not build" (every `*Wrong` subclass that overrides only `__len__` among them)."""

from __future__ import annotations

import inspect

import pytest
import unseen_shapes
from torch.utils.data import Sampler

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

PROBES = sorted(
    name
    for name, value in vars(unseen_shapes).items()
    if inspect.isclass(value) and issubclass(value, Sampler) and value.__module__ == unseen_shapes.__name__
)


@pytest.mark.parametrize("name", PROBES)
def test_built_and_judged_without_a_factory(name):
    result = check_class(getattr(unseen_shapes, name), Options(budget=2.0, seed=0))
    expected = COUNTEREXAMPLE if name.endswith("Wrong") else OK
    assert name.endswith(("Ok", "Wrong"))
    assert result.status == expected, result.why
