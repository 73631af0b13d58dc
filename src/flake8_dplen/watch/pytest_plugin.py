"""`pytest --dplen-watch`: the sanitizer for a whole session.

A mismatch seen while a test runs fails that test; one seen later (an epoch abandoned
in a fixture's teardown, a random sampler judged on its mean at the end) is listed in
the terminal summary and fails the session. Registered by the `dplen` plugin when the
option is given, so a session without it imports nothing of this.
"""

from __future__ import annotations

from typing import List

import pytest

from . import sanitizer
from .sanitizer import Mismatch


def configure(config: pytest.Config) -> None:
    config.pluginmanager.register(WatchPlugin(), "dplen-watch")


class WatchPlugin:
    def __init__(self) -> None:
        self.seen: List[Mismatch] = []
        self.late: List[Mismatch] = []

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        sanitizer.install(self.seen.append)

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        sanitizer.uninstall()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem):
        sanitizer.running(item.nodeid)
        try:
            return (yield)
        finally:
            sanitizer.running(None)
            sanitizer.finish(item.nodeid)
            self.late.extend(self._take(item.nodeid))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item):
        failed = True
        try:
            result = yield
            failed = False
            return result
        finally:
            sanitizer.finish(item.nodeid)
            mine = self._take(item.nodeid)
            if mine and not failed:
                head = "dplen watch: a sampler's len() disagreed with its epoch:"
                pytest.fail("\n".join([head, *(m.message for m in mine)]), pytrace=False)
            # The test's own failure stays its outcome; the mismatches go to the summary.
            self.late.extend(mine)

    def _take(self, test: str) -> List[Mismatch]:
        mine = [m for m in self.seen if m.test == test]
        self.seen[:] = [m for m in self.seen if m.test != test]
        return mine

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        sanitizer.finish()
        self.late.extend(self.seen)
        self.seen.clear()
        self.late.extend(sanitizer.report())
        if self.late and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.late:
            terminalreporter.section("dplen watch")
            for mismatch in self.late:
                owner = f" (in {mismatch.test})" if mismatch.test else ""
                terminalreporter.line(mismatch.message + owner)
