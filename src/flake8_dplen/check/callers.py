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
samplers), and a subclass's `super().__init__(...)`, which builds the class as well.
Nothing is restricted when there is no call site, when a call spreads `*args` or
`**kwargs`, or when the class is handed around as a value (`partial(Cls, ...)`,
`sampler_cls=Cls`, a registry): whoever calls it then is not seen.

A wrapper of "a sampler" is given, by the search, samplers of indices and samplers of
batches alike. When every call site hands it a sampler of indices (torch's, or a class
of the project built on one), it is given only those: a wrapper that handles its items
as indices is wrong on batches, but no caller gives it any (V-JEPA's
DistributedSamplerWrapper, whose `itemgetter(*indices)` returns the one batch itself on
a rank with one item, is only ever handed a weighted sampler of indices, by its
subclass). What a site passes is known when it calls the sampler's class in place, or
names a local that only such calls assign.
"""

from __future__ import annotations

import ast
import inspect
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterator, List, Optional, Tuple

from .reads import class_trees, stored_as, super_init

# Files read at most, so that a class imported from a large tree costs a bounded time.
_MAX_FILES = 3000
_SKIPPED = {"__pycache__", "node_modules", "site-packages", "dist-packages", "build", "dist"}
# Calls that name the class without building it.
_NOT_BUILDING = {"isinstance", "issubclass", "type", "super"}
# What a call site hands a wrapper: a sampler of indices, of batches, or one not known.
INDEX, BATCHES, UNKNOWN = "indices", "batches", ""
# torch's samplers by the kind of their items.
_TORCH_KINDS = {
    **dict.fromkeys(
        [
            "SequentialSampler",
            "RandomSampler",
            "SubsetRandomSampler",
            "WeightedRandomSampler",
            "DistributedSampler",
        ],
        INDEX,
    ),
    "BatchSampler": BATCHES,
}


@dataclass(frozen=True, eq=False)
class _Site:
    """A call that builds the class: the call, the function it is in (whose assignments
    say what a local it passes holds; the module outside functions) and its module."""

    call: ast.Call
    scope: ast.AST
    module: ast.Module


def _calls(cls: type) -> Optional[Tuple[List[inspect.Parameter], List[str], Tuple["_Site", ...]]]:
    """The parameters of ``cls``, the names it takes by position, and its call sites; None
    when its signature cannot be read or its call sites cannot all be seen."""
    try:
        params = list(inspect.signature(cls).parameters.values())
    except (TypeError, ValueError):
        return None
    sites = _seen_sites(cls)
    return None if sites is None else (params, _positional(params), sites)


def unpassed(cls: type) -> FrozenSet[str]:
    """The parameters of ``cls`` with a default that no call site passes; none when the
    call sites cannot all be seen (see the module's doc)."""
    seen = _calls(cls)
    if seen is None:
        return frozenset()
    params, positional, sites = seen
    passed = {name for site in sites for name in _passed(site, positional)}
    return frozenset(p.name for p in params if p.default is not p.empty and p.name not in passed)


def sampler_kinds(cls: type, name: str) -> FrozenSet[str]:
    """What the call sites of ``cls`` pass as its parameter ``name``: :data:`INDEX`,
    :data:`BATCHES`, :data:`UNKNOWN` (a site that passes something not known, or leaves the
    parameter to its default); empty when the call sites cannot all be seen."""
    seen = _calls(cls)
    if seen is None:
        return frozenset()
    _, positional, sites = seen
    given = [(_passed(site, positional).get(name), site) for site in sites]
    return frozenset(UNKNOWN if value is None else _kind(value, site) for value, site in given)


def _passed(site: "_Site", positional: List[str]) -> Dict[str, ast.expr]:
    """What one call site passes, by parameter name (``**kwargs`` and ``*args`` spread
    nothing nameable)."""
    passed = dict(zip(positional, site.call.args))
    passed.update((k.arg, k.value) for k in site.call.keywords if k.arg)
    return passed


def restricted_by_callers(cls: type) -> bool:
    """Some parameter of ``cls`` is handed samplers of indices at every call site, so the
    search draws only those for it (arguments.calls)."""
    seen = _calls(cls)
    return seen is not None and any(sampler_kinds(cls, p.name) == {INDEX} for p in seen[0])


def _positional(params: List[inspect.Parameter]) -> List[str]:
    return [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


def _seen_sites(cls: type) -> Optional[Tuple["_Site", ...]]:
    """The class's call sites, or None when there is none or they cannot all be seen."""
    root = _root(cls)
    sites = _sites(root, cls.__name__) if root is not None else ()
    if not sites or any(site is None for site in sites):
        return None
    return sites


def _kind(value: ast.AST, site: _Site) -> str:
    """The kind of sampler ``value`` is, at ``site``: a call of a sampler's class, or a
    local of the site's function that only such calls assign."""
    if isinstance(value, ast.Call):
        return _class_kind(_dotted_name(value.func), site.module)
    if not isinstance(value, ast.Name):
        return UNKNOWN
    stores = [
        node
        for node in ast.walk(site.scope)
        if isinstance(node, ast.Name) and node.id == value.id and isinstance(node.ctx, ast.Store)
    ]
    assigned = [
        node.value
        for node in ast.walk(site.scope)
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id == value.id
        and isinstance(node.value, ast.Call)
    ]
    arguments = getattr(site.scope, "args", None)
    # A parameter of the function, a loop variable or an unpacking: not known.
    if (
        not assigned
        or len(assigned) != len(stores)
        or (
            arguments is not None
            and value.id in {a.arg for a in ast.walk(arguments) if isinstance(a, ast.arg)}
        )
    ):
        return UNKNOWN
    kinds = {_class_kind(_dotted_name(call.func), site.module) for call in assigned}
    return kinds.pop() if len(kinds) == 1 else UNKNOWN


def _class_kind(name: str, module: ast.Module, depth: int = 4) -> str:
    """The kind of sampler the class ``name`` is: one of torch's, or a class of the
    module whose first base is one (a subclass of `WeightedRandomSampler`)."""
    if name in _TORCH_KINDS:
        return _TORCH_KINDS[name]
    for node in module.body:
        if isinstance(node, ast.ClassDef) and node.name == name and node.bases and depth:
            return _class_kind(_dotted_name(node.bases[0]), module, depth - 1)
    return UNKNOWN


def _dotted_name(node: ast.AST) -> str:
    """The name a call or a base ends with (`tud.RandomSampler` -> RandomSampler)."""
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def only_len_reads(cls: type, name: str) -> bool:
    """Whether, of the class and its bases (not torch's), only ``__len__`` reads parameter
    ``name`` or the attributes of ``self`` the constructor stores it in: a length the
    caller would state (`length`, returned as given), which the iteration never follows."""
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
def _sites(root: Path, name: str) -> Tuple[Optional[_Site], ...]:
    """Each call that builds ``name`` under ``root``, or None for a call that spreads its
    arguments or a use of the class as a value."""
    found: List[Optional[_Site]] = []
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


def _in_tree(tree: ast.Module, name: str) -> List[Optional[_Site]]:
    found: List[Optional[_Site]] = []
    scopes, inits = _scopes(tree), _subclass_inits(tree, name)
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
        if isinstance(node, ast.Call) and (_names(node.func, name) or id(node) in inits):
            harmless.add(id(node.func))
            spread = any(isinstance(a, ast.Starred) for a in node.args) or any(
                k.arg is None for k in node.keywords
            )
            found.append(None if spread else _Site(node, scopes.get(id(node), tree), tree))
    for node in ast.walk(tree):
        if (
            _names(node, name)
            and isinstance(getattr(node, "ctx", None), ast.Load)
            and id(node) not in harmless
        ):
            found.append(None)  # handed around as a value: built where it is not seen
    return found


def _subclass_inits(tree: ast.Module, name: str) -> FrozenSet[int]:
    """The `super().__init__(...)` calls of the classes whose first base is ``name``."""
    return frozenset(
        id(node)
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef) and cls.bases and _names(cls.bases[0], name)
        for node in ast.walk(cls)
        if super_init(node)
    )


def _scopes(tree: ast.Module) -> Dict[int, ast.AST]:
    """The innermost function that holds each node (by id); the module's own nodes have
    none."""
    scopes: Dict[int, ast.AST] = {}
    functions = [
        f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
    ]
    # Outer functions first, so that an inner one overwrites what its outer one holds.
    for function in sorted(functions, key=lambda f: (f.lineno, f.col_offset)):
        scopes.update((id(node), function) for node in ast.walk(function))
    return scopes


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
