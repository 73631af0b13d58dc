"""The test `dplen check` prints for a counterexample, run as a user who pastes it runs it."""

from __future__ import annotations

from typing import Callable, Optional

import pytest

from flake8_dplen.check.report import pytest_test


def printed_test(code: str) -> Callable[[], None]:
    """The test function of the pasted module `code`, run in a namespace of its own."""
    namespace: dict = {}
    exec(code, namespace)
    return next(v for k, v in namespace.items() if k.startswith("test_"))


def fails_alone(result, match: Optional[str] = None) -> None:
    """The test printed for the counterexample `result` fails on its own (with an
    AssertionError that matches `match`): it replays the case the search found."""
    with pytest.raises(AssertionError, match=match):
        printed_test(pytest_test(result))()
