"""The check's own dependencies, hypothesis and torch, imported as installed.

The user's path (PYTHONPATH, the working folder) comes before site-packages, so a module of
theirs named like one hypothesis or torch imports (a `sortedcontainers.py` stand-in that has
only `SortedList`) broke the check's own import, and the check said to install what was
installed. Such a module is now passed over for the check's imports, and said so.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
from typing import List, Optional, Tuple

NEEDED = ("hypothesis", "torch")


def import_needed() -> str:
    """Imports NEEDED; returns a one-line note when a module on the user's path shadowed one
    of their imports and the installed one was taken instead, "" otherwise. Raises the
    ImportError of a module that is not installed at all."""
    before = set(sys.modules)
    importing: List[str] = []
    try:
        _import_all(importing)
        return ""
    except ImportError as exc:
        shadow = _shadowing(exc.name)
        if shadow is None:
            raise
        entry, origin = shadow
        shadowed = exc.name
    # What the failed attempt left half imported is imported again without that entry: the
    # installed module is then in sys.modules, for the check and for the code it runs.
    for name in set(sys.modules) - before:
        del sys.modules[name]
    saved = sys.path[:]
    sys.path[:] = [p for p in saved if not _same(p, entry)]
    try:
        _import_all([])
    finally:
        sys.path[:] = saved
    return (
        f"dplen check: {origin} shadows the installed {shadowed}, which {importing[-1]} imports:"
        " the check, and the code it runs, use the installed one"
    )


def _import_all(importing: List[str]) -> None:
    for name in NEEDED:
        importing.append(name)
        importlib.import_module(name)


def _shadowing(name: Optional[str]) -> Optional[Tuple[str, str]]:
    """(the sys.path entry, the file) of the module `name` resolves to, when another entry
    further on holds an installed one; None when nothing else would be found."""
    if not name:
        return None
    top = name.split(".")[0]
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return None
    entry = os.path.dirname(spec.origin)
    if spec.submodule_search_locations is not None:  # a package: its folder's parent
        entry = os.path.dirname(entry)
    rest = [p for p in sys.path if not _same(p, entry)]
    if importlib.machinery.PathFinder.find_spec(top, rest) is None:
        return None
    return entry, spec.origin


def _same(path_entry: str, folder: str) -> bool:
    return os.path.realpath(path_entry or os.curdir) == os.path.realpath(folder)
