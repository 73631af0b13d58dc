"""What the benchmarks print about the machine they ran on, and where they find torch.

Standard library only: the flake8 benchmark imports this module in its "without" runs,
which must not load anything of flake8-dplen.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]


def torch_root() -> Optional[str]:
    """The folder of the installed torch package, or None when there is none."""
    # find_spec does not run torch/__init__.py, which takes seconds and hundreds of MB.
    spec = importlib.util.find_spec("torch")
    if spec is None or not spec.submodule_search_locations:
        return None
    return list(spec.submodule_search_locations)[0]


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def loadavg() -> str:
    """The load average: other jobs on a shared machine are the main source of noise."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"
