"""What a harness module of the wild corpus declares: its project (where the code comes
from and what it needs to load), and for each sampler class the cases to run it on.

A harness module is ``wild/harness/<slug>.py``; see wild/README.md for the conventions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

from realcode.recipes import Case

__all__ = ["Case", "Project", "Sampler", "sampler", "not_run"]


@dataclass
class Project:
    name: str  # GitHub owner/name or PyPI name: the split key (wild.split.part)
    source: str  # "github" (fetched in a session) or "pypi" (pip download, CI can do it)
    ref: str  # the commit (40 hex digits) or the release
    domain: str
    root: str = ""  # the folder of the repository that goes on sys.path ("src", "")
    # Stand-ins written by us for imports outside stdlib, torch and numpy:
    # dotted module name -> source.
    stubs: Dict[str, str] = field(default_factory=dict)
    # Top-level names served by a permissive stand-in (every attribute is one, calling
    # it gives one, a class may inherit from it): for imports a sampler needs only to load.
    absent: Tuple[str, ...] = ()
    # Packages whose __init__ is replaced by an empty one in the materialised tree (it
    # imports things the sampler does not need); the sampler's own module is never changed.
    empty_init: Tuple[str, ...] = ()
    samplers: List["Sampler"] = field(default_factory=list)


@dataclass
class Sampler:
    path: str  # the file, relative to the repository (or the unpacked wheel)
    cls: str
    cases: Optional[Callable[[type, Any], Any]] = None  # (class, its module) -> Cases
    skip: Optional[str] = None  # why the class is in the manifest but not run


def sampler(project: Project, path: str, cls: str):
    """Registers a generator of Cases for one class: ``cases(cls, module)``."""

    def register(function: Callable[[type, Any], Any]):
        project.samplers.append(Sampler(path, cls, function))
        return function

    return register


def not_run(project: Project, path: str, cls: str, why: str) -> None:
    project.samplers.append(Sampler(path, cls, skip=why))
