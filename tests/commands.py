"""Running the project's commands as a user does, for the tests that read their output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Optional


def python_m(module: str, *args: str, cwd: Optional[Path] = None) -> subprocess.CompletedProcess:
    """`python -m module args...` in a subprocess of this interpreter, its output as text."""
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )
