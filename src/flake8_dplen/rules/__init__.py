"""The rules, one module each (`dplNNN_<what>.py`); `RULES` finds them all, so a new
rule is one new file."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Dict, List

from .base import Rule

__all__ = ["RULES", "BY_CODE", "Rule", "gating"]


def _discover() -> List[Rule]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("dpl"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        own = [
            cls
            for cls in vars(module).values()
            if inspect.isclass(cls) and issubclass(cls, Rule) and cls.__module__ == module.__name__
        ]
        if len(own) != 1:
            raise ImportError(f"{module.__name__} must define exactly one rule, found {len(own)}")
        found.append(own[0]())
    return found


RULES: List[Rule] = _discover()
BY_CODE: Dict[str, Rule] = {rule.code: rule for rule in RULES}


def gating(code: str) -> bool:
    """Whether findings reported under `code` gate."""
    return code in BY_CODE and BY_CODE[code].gating
