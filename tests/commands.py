"""Running the project's commands as a user does, for the tests that read their output."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import List, Optional


def python_m(module: str, *args: str, cwd: Optional[Path] = None) -> subprocess.CompletedProcess:
    """`python -m module args...` in a subprocess of this interpreter, its output as text."""
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


# One report line of flake8's default format: path:line:col: CODE text.
REPORT = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<text>.*)$")


def flake8_reports(stdout: str, stderr: str, returncode: int) -> List["re.Match[str]"]:
    """The report lines of a flake8 run, each matched by REPORT; anything else fails.

    A plugin that raises does not print a traceback: flake8 prints '"flake8-dplen[DPL]"
    failed during execution ...' on stderr and exits 1, which would pass for "found
    something". Any stderr at all is therefore a failure."""
    assert stderr == "", stderr
    assert returncode in (0, 1), (returncode, stdout)
    reports = []
    for raw in stdout.splitlines():
        match = REPORT.match(raw)
        assert match, f"not a flake8 report line: {raw!r}"
        reports.append(match)
    assert (returncode == 1) == bool(reports), (returncode, stdout)
    return reports
