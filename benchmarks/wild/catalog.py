"""The harness modules of the wild corpus, by slug, and where each project's files go."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from typing import Dict, List

from environment import REPO

from . import harness
from .entry import Project
from .split import part

CACHE = REPO / ".cache" / "wild"
TRUTH = Path(__file__).resolve().parent / "groundtruth"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", name.lower().replace("/", "__"))


def projects() -> Dict[str, Project]:
    """slug -> Project, every harness module imported (each registers its samplers)."""
    found = {}
    for info in pkgutil.iter_modules(harness.__path__):
        if info.name.startswith("_"):
            continue
        project = importlib.import_module(f"{harness.__name__}.{info.name}").PROJECT
        if slug(project.name) != info.name:
            raise ValueError(
                f"harness/{info.name}.py: its project {project.name!r} has the slug {slug(project.name)}"
            )
        found[info.name] = project
    return found


def select(names: List[str], which: str = "all") -> Dict[str, Project]:
    """The projects named (slugs or project names; all when none), of one part or both."""
    every = projects()
    if names:
        wanted = {slug(n) for n in names}
        unknown = wanted - set(every)
        if unknown:
            raise SystemExit(f"wild: no harness for {', '.join(sorted(unknown))}")
        every = {s: p for s, p in every.items() if s in wanted}
    return {s: p for s, p in every.items() if which == "all" or part(p.name) == which}
