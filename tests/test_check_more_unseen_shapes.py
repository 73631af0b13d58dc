"""`dplen check`, with no factory, on the shapes of tests/more_unseen_shapes.py: every
class is built; a wrong one (`*Wrong`) gets a counterexample, a correct one (`*Ok`) is ok
(no counterexample on an exact class)."""

from __future__ import annotations

import inspect

import more_unseen_shapes
import pytest
from torch.utils.data import Sampler

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

PROBES = sorted(
    name
    for name, value in vars(more_unseen_shapes).items()
    if inspect.isclass(value) and issubclass(value, Sampler) and value.__module__ == more_unseen_shapes.__name__
)


@pytest.mark.parametrize("name", PROBES)
def test_built_and_judged_without_a_factory(name):
    result = check_class(getattr(more_unseen_shapes, name), Options(budget=2.0, seed=0))
    expected = COUNTEREXAMPLE if name.endswith("Wrong") else OK
    assert name.endswith(("Ok", "Wrong"))
    assert result.status == expected, result.why
