"""pytest plugin (entry point `pytest11`): `pytest --dplen TARGET` adds one test per
sampler class in TARGET, and the `dplen_check` fixture checks a class from a test.

Factories registered with `flake8_dplen.check.factory` in a conftest.py are seen, since
pytest imports conftest files before it collects. Loaded in every pytest run of an
environment that has flake8-dplen, so it imports nothing heavy until asked.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Optional

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("dplen", "Sampler len/iter search (flake8-dplen)")
    group.addoption(
        "--dplen",
        action="append",
        default=[],
        metavar="TARGET",
        help="check the samplers of TARGET (module, module:Class, package or path); repeatable",
    )
    group.addoption(
        "--dplen-budget", type=float, default=2.0, help="seconds of search per class (default: 2)"
    )
    group.addoption("--dplen-seed", type=int, default=0, help="seed of the search (default: 0)")
    group.addoption(
        "--dplen-class-timeout",
        type=float,
        default=60.0,
        help="wall-clock limit of one class's search, in a process of its own (default: 60)",
    )
    group.addoption(
        "--dplen-watch",
        action="store_true",
        help="the length sanitizer: fail a test in which a sampler's epoch did not yield len() items",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("dplen_watch"):
        from ..watch.pytest_plugin import configure

        configure(config)


def _options(config: pytest.Config, **overrides: Any):
    from .search import Options

    base = {"budget": config.getoption("dplen_budget"), "seed": config.getoption("dplen_seed")}
    return Options(**{**base, **overrides})


class DplenFailure(Exception):
    """A class whose len() disagrees with its __iter__; the message carries the test to paste."""


def _checked(config: pytest.Config, cls: type, **overrides: Any) -> SimpleNamespace:
    """The class searched in a process of its own, as `dplen check` does: a sampler that
    exits, hangs or prints cannot take the test session with it."""
    from .isolate import check_classes

    limit = overrides.pop("class_timeout", config.getoption("dplen_class_timeout"))
    (_, entry), = check_classes([cls], _options(config, **overrides), 1, limit)
    return SimpleNamespace(**entry)


def _failure_text(result) -> str:
    return f"{result.counterexample}\n\nReproduce it with:\n\n{result.test}"


def _outcome(result) -> None:
    from .search import CANNOT_BUILD, NOT_CHECKED, OK

    if hasattr(result, "counterexample"):
        raise DplenFailure(_failure_text(result))
    if result.status == CANNOT_BUILD:
        pytest.skip(f"{getattr(result, 'class')} could not be built: {result.why}; {result.register}")
    if result.status not in (OK, NOT_CHECKED):  # crashed, timed out, an internal error
        raise DplenFailure(f"{getattr(result, 'class')} {result.status}: {result.why}")


class DplenItem(pytest.Item):
    def __init__(self, *, sampler: Optional[type] = None, error: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sampler = sampler
        self.error = error

    def runtest(self) -> None:
        if self.error:
            raise DplenFailure(self.error)
        _outcome(_checked(self.config, self.sampler))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, DplenFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, None, self.name


@pytest.hookimpl(tryfirst=True)  # before -k/-m deselect, so they apply to these items too
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list) -> None:
    targets = config.getoption("dplen")
    if not targets:
        return
    from ..cli.settings import load
    from . import report
    from .targets import resolve, sampler_bases

    bases, errors = sampler_bases(load().sampler_bases)
    found = resolve(targets, bases)
    for error in errors + found.errors:
        items.append(DplenItem.from_parent(session, name=f"dplen[{error.split(':')[0]}]", error=error))
    for cls in found.classes:
        items.append(DplenItem.from_parent(session, name=f"dplen[{report.name(cls)}]", sampler=cls))


@pytest.fixture
def dplen_check(request: pytest.FixtureRequest):
    """`dplen_check(MySampler, budget=5)`: fails the test with the counterexample and a
    test to paste; returns the result when the class agrees."""

    def check(cls: type, **options: Any):
        result = _checked(request.config, cls, **options)
        try:
            _outcome(result)
        except DplenFailure as failure:
            pytest.fail(str(failure), pytrace=False)
        return result

    return check
