"""The two judgements a fixture pair of the check asks for: a wrong class is found, and the
test printed for it replays the case; its exact twin is built and found clean."""

from __future__ import annotations

from printed import fails_alone

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def found_and_replayed(cls: type, options: Options = OPTIONS) -> None:
    result = check_class(cls, options)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def built_and_clean(cls: type, options: Options = OPTIONS) -> None:
    result = check_class(cls, options)
    assert result.status == OK, result
    assert result.examples > 0
