"""What the class's own project passes it: the parameters no call site sets.

The search must not report a counterexample on an input no caller would pass. A
parameter with a default that every call site of the class in its project leaves out,
and that only ``__len__`` reads (links-ads' SequentialTiledSampler inherits `length`,
which its sibling's iteration follows and its own ignores; its callers never pass it), is
kept at that default: it states a length no caller states. A parameter the iteration
reads is still drawn, passed or not: the class implements something for it (gpt-neox's
`wrap_last`, which no caller in gpt-neox passes, is wrong in a second epoch). The
call sites are the calls of the class by name in the source tree it was imported from
(its top package and the folder that holds it: the scripts beside a package build its
samplers). Nothing is restricted when there is no call site, when a call spreads `*args`
or `**kwargs`, or when the class is handed around as a value (`partial(Cls, ...)`,
`sampler_cls=Cls`, a registry): whoever calls it then is not seen.
"""

from __future__ import annotations

import ast
import inspect
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, Iterator, List, Optional, Tuple

# Files read at most, so that a class imported from a large tree costs a bounded time.
_MAX_FILES = 3000
_SKIPPED = {"__pycache__", "node_modules", "site-packages", "dist-packages", "build", "dist"}
# Calls that name the class without building it.
_NOT_BUILDING = {"isinstance", "issubclass", "type", "super"}


def unpassed(cls: type) -> FrozenSet[str]:
    """The parameters of ``cls`` with a default that no call site passes; none when the
    call sites cannot all be seen (see the module's doc)."""
    try:
        params = list(inspect.signature(cls).parameters.values())
    except (TypeError, ValueError):
        return frozenset()
    root = _root(cls)
    sites = _sites(root, cls.__name__) if root is not None else ()
    if not sites or any(site is None for site in sites):
        return frozenset()
    positional = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    passed = set()
    for count, keywords in sites:
        passed |= set(positional[:count]) | set(keywords)
    return frozenset(p.name for p in params if p.default is not p.empty and p.name not in passed)


def only_len_reads(cls: type, name: str) -> bool:
    """Whether, of the class and its bases (not torch's), only ``__len__`` reads parameter
    ``name`` or the attributes of ``self`` the constructor stores it in: a length the
    caller would state (`length`, returned as given), which the iteration never follows."""
    from .reads import class_trees, stored_as

    trees = class_trees(cls)
    roots = {root for _, tree in trees for root in stored_as(tree, name)} | {name}
    read = False
    for _, tree in trees:
        for method in ast.walk(tree):
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) or method.name == "__init__":
                continue
            uses = any(
                isinstance(node, (ast.Name, ast.Attribute)) and ast.unparse(node) in roots
                for node in ast.walk(method)
            )
            if uses and method.name != "__len__":
                return False
            read = read or uses
    return read


def _root(cls: type) -> Optional[Path]:
    """The folder of the class's top package's parent (its project), or of its module."""
    module = sys.modules.get(cls.__module__)
    file = getattr(module, "__file__", None)
    if not file:
        return None
    folder = Path(file).resolve().parent
    while (folder / "__init__.py").exists() and folder.parent != folder:
        folder = folder.parent
    # An installed package: its own folder only, not every package beside it.
    if folder.name in _SKIPPED:
        top = cls.__module__.split(".")[0]
        return folder / top if (folder / top).is_dir() else None
    return folder


@lru_cache(maxsize=64)
def _sites(root: Path, name: str) -> Tuple[Optional[Tuple[int, Tuple[str, ...]]], ...]:
    """Each call of ``name`` under ``root``: (positional count, keywords), or None for a
    call that spreads its arguments or a use of the class as a value."""
    found: List[Optional[Tuple[int, Tuple[str, ...]]]] = []
    for path in _files(root):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if name not in text:
            continue
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError):
            continue
        found += _in_tree(tree, name)
    return tuple(found)


def _in_tree(tree: ast.AST, name: str) -> List[Optional[Tuple[int, Tuple[str, ...]]]]:
    found: List[Optional[Tuple[int, Tuple[str, ...]]]] = []
    # Uses that build nothing: base classes, annotations, isinstance() and the like.
    harmless = set()
    for node in ast.walk(tree):
        parts: List[Optional[ast.AST]] = []
        if isinstance(node, ast.ClassDef):
            parts = list(node.bases)
        elif isinstance(node, ast.arg):
            parts = [node.annotation]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parts = [node.returns]
        elif isinstance(node, ast.AnnAssign):
            parts = [node.annotation]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _NOT_BUILDING:
            parts = list(node.args)
        harmless |= {id(inner) for part in parts if part is not None for inner in ast.walk(part)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _names(node.func, name):
            harmless.add(id(node.func))
            spread = any(isinstance(a, ast.Starred) for a in node.args) or any(
                k.arg is None for k in node.keywords
            )
            found.append(None if spread else (len(node.args), tuple(k.arg for k in node.keywords if k.arg)))
    for node in ast.walk(tree):
        if (
            _names(node, name)
            and isinstance(getattr(node, "ctx", None), ast.Load)
            and id(node) not in harmless
        ):
            found.append(None)  # handed around as a value: built where it is not seen
    return found


def _names(node: ast.AST, name: str) -> bool:
    return (isinstance(node, ast.Name) and node.id == name) or (
        isinstance(node, ast.Attribute) and node.attr == name
    )


def _files(root: Path) -> Iterator[Path]:
    count = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED and "venv" not in d)
        for file in sorted(files):
            if file.endswith(".py"):
                count += 1
                if count > _MAX_FILES:
                    return
                yield Path(folder) / file
