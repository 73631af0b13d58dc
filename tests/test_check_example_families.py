"""`dplen check`, with no factory, on the example families we wrote of issue 19's shapes
(tests/unseen_shapes.py, more_unseen_shapes.py, data_families.py, draw_families.py,
legitimate_families.py, build_families.py):
every class is built; a correct one is ok (no counterexample on an exact class); a wrong
one gets a counterexample, and the test the check prints for it fails on its own. Each
module's docstring says which of its classes were missed before the change it came with;
the modules' ground-truth tests stay in test_check_data_families.py and
test_check_draw_families.py."""

from __future__ import annotations

import inspect

import build_families
import data_families
import draw_families
import legitimate_families
import more_unseen_shapes
import pytest
import unseen_shapes
from torch.utils.data import Sampler

from flake8_dplen.check.report import pytest_test
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=2.0, seed=0)


def _judged(module):
    """(class, wrong) of a module: its EXACT and WRONG lists, or its samplers named *Ok / *Wrong."""
    if hasattr(module, "WRONG"):
        return [(c, False) for c in module.EXACT] + [(c, True) for c in module.WRONG]
    own = [
        value
        for value in vars(module).values()
        if inspect.isclass(value) and issubclass(value, Sampler) and value.__module__ == module.__name__
    ]
    assert all(c.__name__.endswith(("Ok", "Wrong")) for c in own)
    return [(c, c.__name__.endswith("Wrong")) for c in sorted(own, key=lambda c: c.__name__)]


CASES = [
    pytest.param(cls, wrong, id=f"{module.__name__}.{cls.__name__}")
    for module in (
        unseen_shapes,
        more_unseen_shapes,
        data_families,
        draw_families,
        legitimate_families,
        build_families,
    )
    for cls, wrong in _judged(module)
]


@pytest.mark.parametrize("cls, wrong", CASES)
def test_built_and_judged_without_a_factory(cls, wrong):
    result = check_class(cls, OPTIONS)
    assert result.status == (COUNTEREXAMPLE if wrong else OK), result
    if wrong:
        # The scenario (rank, epoch, resume, seed) is replayed by the test printed for it.
        namespace: dict = {}
        exec(pytest_test(result), namespace)
        test = next(v for k, v in namespace.items() if k.startswith("test_"))
        with pytest.raises(AssertionError):
            test()
