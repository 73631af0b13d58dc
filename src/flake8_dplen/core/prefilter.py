"""The cheap tests every file gets before LibCST is imported or run: a text search, then
a look at the `ast` tree flake8 has already built. Importing LibCST and parsing with it
costs more than flake8's own checks on a small tree, so a file is only handed to LibCST
when a class that may be a sampler defines `__len__` and something in the module rounds."""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterable, Optional

from ..config import Config

_ROUNDING_CALLS = {"int", "round", "floor", "ceil", "trunc"}
_ENDLESS_CALLS = {"cycle", "count", "repeat", "islice"}
# A name that says it is a batch size (the rules import it from here: one definition).
BATCH_NAME = re.compile(r"batch|(^|_)bs$|bsz")
# A name that says it is a position in the epoch, where a resumed __iter__ starts.
OFFSET_NAME = re.compile(r"consumed|start|offset|skip|resume|cursor|yielded|processed")
# torch's samplers that define __len__ (Sampler itself does not).
_TORCH_LEN_BASES = {
    "BatchSampler",
    "RandomSampler",
    "SequentialSampler",
    "SubsetRandomSampler",
    "WeightedRandomSampler",
    "DistributedSampler",
}


def duck_sampler(name: str, bases: Iterable[str], methods: Iterable[str]) -> bool:
    """A class that no base makes a sampler but that is one by how DataLoader uses it:
    `sampler=` and `batch_sampler=` take any iterable with a `__len__`, and Megatron-style
    pretraining samplers are such plain classes. Only one named as a sampler, with no base
    but `object`, that defines both methods itself: a container elsewhere in a package
    (a dict-like class, a dataset) is not judged by what a sampler must count."""
    return name.endswith("Sampler") and set(bases) <= {"object"} and {"__iter__", "__len__"} <= set(methods)


def might_define_sampler(text: str, config: Config) -> bool:
    """The text test: `__len__` or `__iter__` (an inherited `__len__` can disagree with
    it), and a sampler base name."""
    if "__len__" not in text and "__iter__" not in text:
        return False
    if "Sampler" in text:
        return True
    return any(base.rpartition(".")[2] in text for base in config.sampler_bases)


def _aliases(body) -> Dict[str, str]:
    """Local name -> the name it was imported as (`import numpy as np`, `floor as fl`)."""
    found: Dict[str, str] = {}
    for stmt in body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            for alias in stmt.names:
                if alias.asname:
                    found[alias.asname] = alias.name.rpartition(".")[2]
        elif isinstance(stmt, (ast.If, ast.Try)):
            found.update(_aliases(stmt.body))
            found.update(_aliases(getattr(stmt, "orelse", [])))
            for handler in getattr(stmt, "handlers", []):
                found.update(_aliases(handler.body))
    return found


def _last_name(node: ast.expr, aliases: Dict[str, str]) -> Optional[str]:
    if isinstance(node, ast.Subscript):
        return _last_name(node.value, aliases)
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return aliases.get(node.id, node.id)
    return None


def _rounds(node: ast.AST, aliases: Dict[str, str]) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.BinOp) and isinstance(child.op, ast.FloorDiv):
            return True
        if isinstance(child, ast.Call) and _last_name(child.func, aliases) in _ROUNDING_CALLS:
            return True
    return False


def could_report(tree: ast.Module, config: Config) -> bool:
    """False only when no rule can fire: no possible sampler with `__len__`, or nothing
    that rounds anywhere a `__len__` could reach."""
    wanted = {"Sampler"} | {base.rpartition(".")[2] for base in config.sampler_bases}
    aliases = _aliases(tree.body)
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    samplers = set()
    changed = True
    while changed:  # subclasses of this module's own samplers are samplers too
        changed = False
        for cls in classes:
            if cls.name in samplers:
                continue
            names = {_last_name(base, aliases) for base in cls.bases}
            duck = duck_sampler(cls.name, [n or "?" for n in names] + ["?"] * len(cls.keywords), _methods(cls))
            if duck or names & samplers or any(n and any(w in n for w in wanted) for n in names):
                samplers.add(cls.name)
                changed = True
    methods = {cls.name: _methods(cls) for cls in classes if cls.name in samplers}
    with_len = [cls for cls in classes if cls.name in samplers and "__len__" in methods[cls.name]]
    # A base imported from a module of the project (not torch's) may define __len__: the
    # model reads it from disk (core/project.py).
    len_bases = _TORCH_LEN_BASES | {base.rpartition(".")[2] for base in config.sampler_bases}
    project = _project_imports(tree.body)
    if "*" in project:  # any base may come from a module of the project
        project |= {_last_name(b, aliases) for cls in classes for b in cls.bases}
    len_bases |= project
    changed = True
    while changed:  # a class inherits __len__ from a base that defines or inherits one
        changed = False
        for cls in classes:
            if cls.name in methods and cls.name not in len_bases:
                if "__len__" in methods[cls.name] or any(
                    _last_name(b, aliases) in len_bases for b in cls.bases
                ):
                    len_bases.add(cls.name)
                    changed = True
    # __iter__ may reach an endless loop through a method of the class or of a base here,
    # a function of the module, or a `__next__` (when it returns self).
    functions = [s for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
    endless = any("__next__" in own for own in methods.values()) or any(
        _endless_signal(node, aliases)
        for method in [*functions, *(m for own in methods.values() for m in own.values())]
        for node in ast.walk(method)
    )
    if any(
        _shape_may_report(cls, methods[cls.name], len_bases, aliases, endless)
        for cls in classes
        if cls.name in methods
    ):
        return True
    # A __len__ under an __iter__ of a base in another module of the project (DPL115 runs both).
    if any(
        "__iter__" not in methods[cls.name] and {_last_name(b, aliases) for b in cls.bases} & project
        for cls in with_len
    ):
        return True
    if not with_len:
        return False
    # Rounding may sit in the class, in a base defined here, or in a module constant.
    return any(_rounds(cls, aliases) for cls in classes if cls.name in samplers) or any(
        _rounds(stmt, aliases) for stmt in tree.body if isinstance(stmt, (ast.Assign, ast.AnnAssign))
    )


def _project_imports(body) -> set:
    """The names bound by `from <module> import ...` from modules other than torch's."""
    found = set()
    for stmt in body:
        if isinstance(stmt, ast.ImportFrom) and (stmt.level or not (stmt.module or "").startswith("torch")):
            found.update(alias.name for alias in stmt.names)  # as _last_name spells a base
        elif isinstance(stmt, (ast.If, ast.Try)):
            found |= _project_imports(stmt.body) | _project_imports(getattr(stmt, "orelse", []))
    return found


def _methods(cls: ast.ClassDef) -> Dict[str, ast.AST]:
    return {s.name: s for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}


def _shape_may_report(
    cls: ast.ClassDef, methods: Dict[str, ast.AST], len_bases, aliases, endless: bool
) -> bool:
    """What the rules on the shape of __iter__ need: an __iter__ with a __len__ inherited
    (possibly from a base two levels up, which LibCST then finds), or with this class's
    __len__ an endless loop (`endless`: in some sampler class of the module, whose
    methods __iter__ may call), an attribute that __len__ reads assigned in __iter__, a
    loop stepped by a batch size, a `continue` or `if` in a loop of counted steps, or a
    stride test (`i % k == rank`); or, either way, a position attribute anywhere in the
    class."""
    iter_func = methods.get("__iter__")
    if iter_func is None:
        return False
    length = methods.get("__len__")
    if length is None:
        return any(_last_name(base, aliases) in len_bases for base in cls.bases)
    # The position may slice what __iter__ walks in __init__ or in a helper.
    if any(isinstance(n, ast.Attribute) and OFFSET_NAME.search(n.attr) for n in ast.walk(cls)):
        return True
    if _may_skip_counted_steps(iter_func, length) or _tests_a_stride(iter_func):
        return True
    if endless:
        return True
    if any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Return)) for n in ast.walk(iter_func)):
        return True  # DPL115 runs both methods: any __iter__ that yields or returns
    assigned = set()
    for node in ast.walk(iter_func):
        if isinstance(node, ast.Call):
            name = _last_name(node.func, aliases)
            if (
                name == "range"
                and len(node.args) == 3
                and BATCH_NAME.search(_last_name(node.args[2], {}) or "")
            ):
                return True
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            assigned.update(t.attr for t in targets if isinstance(t, ast.Attribute))
    return any(isinstance(n, ast.Attribute) and n.attr in assigned for n in ast.walk(length))


def _endless_signal(node: ast.AST, aliases: Dict[str, str]) -> bool:
    if isinstance(node, ast.While):
        return isinstance(node.test, ast.Constant) and bool(node.test.value)
    return isinstance(node, ast.Call) and _last_name(node.func, aliases) in _ENDLESS_CALLS


def _tests_a_stride(iter_func: ast.AST) -> bool:
    """A comparison with a `%` on one side: `i % world == rank` keeps one index in `world`."""
    return any(
        isinstance(n, ast.Compare)
        and any(
            isinstance(side, ast.BinOp) and isinstance(side.op, ast.Mod) for side in (n.left, *n.comparators)
        )
        for n in ast.walk(iter_func)
    )


def _may_skip_counted_steps(iter_func: ast.AST, length: ast.AST) -> bool:
    """__len__ returns a bare count and a loop of `range(k)` or `while k > 0` steps in
    __iter__ has a `continue` or an `if` (a step may yield nothing)."""
    if not any(
        isinstance(n, ast.Return) and isinstance(n.value, (ast.Attribute, ast.Name)) for n in ast.walk(length)
    ):
        return False
    for loop in ast.walk(iter_func):
        counted = (
            isinstance(loop, ast.For)
            and isinstance(loop.iter, ast.Call)
            and _last_name(loop.iter.func, {}) == "range"
            and len(loop.iter.args) == 1
        ) or (isinstance(loop, ast.While) and isinstance(loop.test, ast.Compare))
        if counted and any(isinstance(n, (ast.Continue, ast.If)) for n in ast.walk(loop)):
            return True
    return False
