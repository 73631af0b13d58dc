"""`dplen check`, with no factory, on the example families we wrote of issue 19's shapes
(tests/fixtures/check/: unseen_shapes.py, more_unseen_shapes.py, data_families.py, draw_families.py,
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
from printed import fails_alone
from torch.utils.data import Sampler

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class
from flake8_dplen.runtime import EPOCH

OPTIONS = Options(budget=2.0, seed=0)
LIGHTNING = Options(budget=2.0, seed=0, resumed_len=EPOCH)


def _judged(module):
    """(class, wrong, options) of a module: its EXACT and WRONG lists (and EXACT_UNDER_EPOCH:
    wrong by default, ok under Lightning's convention), or its samplers named *Ok / *Wrong."""
    if hasattr(module, "WRONG"):
        lightning = getattr(module, "EXACT_UNDER_EPOCH", [])
        return (
            [(c, False, OPTIONS) for c in module.EXACT]
            + [(c, True, OPTIONS) for c in module.WRONG + lightning]
            + [(c, False, LIGHTNING) for c in lightning]
        )
    own = [
        value
        for value in vars(module).values()
        if inspect.isclass(value) and issubclass(value, Sampler) and value.__module__ == module.__name__
    ]
    assert all(c.__name__.endswith(("Ok", "Wrong")) for c in own)
    return [(c, c.__name__.endswith("Wrong"), OPTIONS) for c in sorted(own, key=lambda c: c.__name__)]


CASES = [
    pytest.param(cls, wrong, options, id=f"{module.__name__}.{cls.__name__}-{options.resumed_len}")
    for module in (
        unseen_shapes,
        more_unseen_shapes,
        data_families,
        draw_families,
        legitimate_families,
        build_families,
    )
    for cls, wrong, options in _judged(module)
]


@pytest.mark.parametrize("cls, wrong, options", CASES)
def test_built_and_judged_without_a_factory(cls, wrong, options):
    result = check_class(cls, options)
    assert result.status == (COUNTEREXAMPLE if wrong else OK), result
    if wrong:
        # The scenario (rank, epoch, resume, seed) is replayed by the test printed for it.
        fails_alone(result)
