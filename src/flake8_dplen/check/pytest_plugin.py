"""pytest plugin (entry point `pytest11`): `pytest --dplen TARGET` adds one test per
sampler class in TARGET, and the `dplen_check` fixture checks a class from a test.

Factories registered with `flake8_dplen.check.factory` in a conftest.py are seen, since
pytest imports conftest files before it collects. Loaded in every pytest run of an
environment that has flake8-dplen, so it imports nothing heavy until asked.
"""

from __future__ import annotations

import inspect
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Dict, List, Optional, Set

import pytest

from . import switches


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("dplen", "Sampler len/iter search (flake8-dplen)")
    group.addoption(
        "--dplen",
        action="append",
        default=[],
        metavar="TARGET",
        help="check the samplers of TARGET (module, module:Class, package or path); repeatable",
    )
    switches.add(group.addoption, "--dplen-")
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

    base = {
        "budget": config.getoption("dplen_budget"),
        "seed": config.getoption("dplen_seed"),
        "resumed_len": config.getoption("dplen_resumed_len"),
    }
    return Options(**{**base, **overrides})


class DplenFailure(Exception):
    """A class whose len() disagrees with its __iter__; the message carries the test to paste."""


def _checked(config: pytest.Config, cls: type, **overrides: Any) -> SimpleNamespace:
    """The class searched in a process of its own, as `dplen check` does: a sampler that
    exits, hangs or prints cannot take the test session with it."""
    from .isolate import check_classes

    limit = overrides.pop("class_timeout", config.getoption("dplen_class_timeout"))
    ((_, entry),) = check_classes([cls], _options(config, **overrides), 1, limit)
    return SimpleNamespace(**entry)


def _failure_text(result) -> str:
    return f"{result.counterexample}\n\nReproduce it with:\n\n{result.test}"


def _outcome(result) -> None:
    __tracebackhide__ = True
    from .search import CANNOT_BUILD, NOT_CHECKED, OK

    if hasattr(result, "counterexample"):
        raise DplenFailure(_failure_text(result))
    if result.status == CANNOT_BUILD:
        pytest.skip(f"{getattr(result, 'class')} could not be built: {result.why}; {result.register}")
    if result.status not in (OK, NOT_CHECKED):  # crashed, timed out, an internal error
        raise DplenFailure(f"{getattr(result, 'class')} {result.status}: {result.why}")


# The collector between a module's file and its classes: `path/to/module.py::dplen::Class`
# is the id of a class's test, and `pytest 'path/to/module.py::dplen::Class'` runs it again.
GROUP = "dplen"


class DplenItem(pytest.Item):
    """One sampler class, searched in a child process when the test runs."""

    def __init__(self, *, sampler: type, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sampler = sampler

    def runtest(self) -> None:
        _outcome(_checked(self.config, self.sampler))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, DplenFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, _line(self.sampler), f"{GROUP}::{self.name}"


class DplenError(pytest.Item):
    """A TARGET that gave no classes (it cannot be imported, it names no class): a failing
    test, so that a typo in `--dplen` cannot pass as a clean run."""

    def __init__(self, *, error: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error

    def runtest(self) -> None:
        raise DplenFailure(self.error)

    def repr_failure(self, excinfo, style=None):
        return str(excinfo.value)

    def reportinfo(self):
        return self.path, None, self.name


class DplenFile(pytest.File):
    """The sampler classes of one module file: given by `--dplen`, or all of the file's
    when an argument names `path::dplen` (the id of a failure, pasted to rerun it)."""

    def __init__(self, *, classes: Optional[List[type]] = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.classes = classes

    def collect(self):
        classes = self.classes
        if classes is None:
            found = _resolve([str(self.path)])
            if found.errors:
                raise self.CollectError("; ".join(found.errors))
            classes = found.classes
        yield DplenGroup.from_parent(self, name=GROUP, classes=classes)


class DplenGroup(pytest.Collector):
    def __init__(self, *, classes: List[type], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.classes = classes

    def collect(self):
        for cls in self.classes:
            yield DplenItem.from_parent(self, name=cls.__qualname__, sampler=cls)


def _line(cls: type) -> Optional[int]:
    """The 0-based line of the class statement: where a skip or a failure points."""
    try:
        return inspect.getsourcelines(cls)[1] - 1
    except (OSError, TypeError):
        return None


def _resolve(targets: List[str]):
    from ..cli.settings import load
    from .targets import resolve, sampler_bases

    bases, errors = sampler_bases(load().sampler_bases)
    found = resolve(targets, bases)
    found.errors[:0] = errors
    return found


_SELECTED = pytest.StashKey[Set[Path]]()


def _selected_files(config: pytest.Config) -> Set[Path]:
    """Files that an argument names with `::dplen` after them."""
    if _SELECTED not in config.stash:
        here = config.invocation_params.dir
        parts = [str(arg).split("::") for arg in config.args]
        config.stash[_SELECTED] = {
            Path(os.path.abspath(here / p[0])) for p in parts if len(p) > 1 and p[1] == GROUP
        }
    return config.stash[_SELECTED]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> Optional[DplenFile]:
    # Called for every file pytest walks past: a set lookup.
    if file_path.suffix == ".py" and file_path in _selected_files(parent.config):
        return DplenFile.from_parent(parent, path=file_path)
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):
    """`--dplen TARGET` adds the classes of TARGET beside what the arguments collect, one
    DplenFile per module file; an argument that names `path::dplen...` selects instead
    (the pasted id of a failure runs that class alone, whatever addopts says)."""
    outcome = yield
    config = collector.config
    targets = config.getoption("dplen")
    if not isinstance(collector, pytest.Session) or not targets or _selected_files(config):
        return
    report = outcome.get_result()
    if not report.passed:
        return
    found = _resolve(targets)
    for error in found.errors:
        name = f"{GROUP}[{error.split(': ')[0]}]"
        report.result.append(DplenError.from_parent(collector, name=name, nodeid=name, error=error))
    by_file: Dict[str, List[type]] = {}
    for cls in found.classes:
        by_file.setdefault(_file_of(cls), []).append(cls)
    for file, classes in by_file.items():
        path = Path(file)
        # A file outside the rootdir keeps its absolute path as its id: pasted, it still runs.
        nodeid = None if path.is_relative_to(config.rootpath) else str(path)
        report.result.append(DplenFile.from_parent(collector, path=path, nodeid=nodeid, classes=classes))


def _file_of(cls: type) -> str:
    module = sys.modules.get(cls.__module__)
    return os.path.abspath(getattr(module, "__file__", None) or cls.__module__)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    # A skip points at the class that could not be built, not at the plugin's line.
    outcome = yield
    report = outcome.get_result()
    if isinstance(item, DplenItem) and report.skipped and isinstance(report.longrepr, tuple):
        line = _line(item.sampler)
        report.longrepr = (str(item.path), 0 if line is None else line + 1, report.longrepr[2])


@pytest.fixture
def dplen_check(request: pytest.FixtureRequest):
    """`dplen_check(MySampler, budget=5)`: fails the test with the counterexample and a
    test to paste; returns the result when the class agrees."""

    def check(cls: type, **options: Any):
        # Hidden from tracebacks: a skip points at the test's call, not into the plugin.
        __tracebackhide__ = True
        result = _checked(request.config, cls, **options)
        try:
            _outcome(result)
        except DplenFailure as failure:
            failed = str(failure)
        else:
            return result
        # Outside the except: inside it, pytest printed the message twice (chained).
        pytest.fail(failed, pytrace=False)

    return check
