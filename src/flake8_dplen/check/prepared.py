"""Methods a caller calls on a built sampler before iterating it.

A sampler whose ``__iter__`` or ``__len__`` reads ``self.<attr>`` that its constructor
never sets, but another method does (``prepare()``, ``build_batches()``, a
``set_state(epoch)`` that calls such a helper), fails on every generated argument set
with ``AttributeError`` until that method is called, as its callers call it. This reads,
from the class's code and its bases', the methods that assign the attribute, directly or
through a method of ``self`` they call; the search (search._unset) calls one of them on
each sampler it builds, once the sampler's own ``AttributeError`` named the attribute.
"""

from __future__ import annotations

import ast
import inspect
from functools import lru_cache
from typing import Dict, Set, Tuple

from .reads import class_trees

# Methods followed through calls of `self.<method>()`: a setter of a setter of a setter.
_DEPTH = 3


# Asked again of every argument set that fails on the same attribute: read once.
@lru_cache(maxsize=None)
def setters(cls: type, attr: str) -> Tuple[str, ...]:
    """The names of the methods of ``cls`` (its own or a base's, as the class resolves
    them) that assign ``self.<attr>``, or call on ``self`` a method that does; fewest
    required parameters first, then a public one before a private one (callers call the
    public), then one that assigns it itself. No dunder: ``__iter__`` and ``__len__`` are what
    the search judges, ``__init__`` already ran, and no caller prepares a sampler through
    ``__setstate__``."""
    methods = _methods(cls)
    depth: Dict[str, int] = {name: 0 for name, node in methods.items() if attr in _assigned(node)}
    for level in range(1, _DEPTH + 1):
        reached = {
            name
            for name, node in methods.items()
            if name not in depth and _self_calls(node) & {n for n, d in depth.items() if d == level - 1}
        }
        depth.update(dict.fromkeys(reached, level))
    found = [name for name in depth if _callable_alone(cls, name)]
    return tuple(
        sorted(found, key=lambda name: (_required(cls, name), name.startswith("_"), depth[name], name))
    )


def _methods(cls: type) -> Dict[str, ast.FunctionDef]:
    """The methods defined in the code of ``cls`` and its bases, each as the class
    resolves it (the first in the method resolution order)."""
    found: Dict[str, ast.FunctionDef] = {}
    for _, tree in class_trees(cls):
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name not in found:
                found[node.name] = node
    return {name: node for name, node in found.items() if not (name.startswith("__") and name.endswith("__"))}


def _self_name(function: ast.FunctionDef) -> str:
    positional = [*function.args.posonlyargs, *function.args.args]
    return positional[0].arg if positional else ""


def _on_self(node: ast.AST, me: str) -> bool:
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == me


def _assigned(function: ast.FunctionDef) -> Set[str]:
    """The attributes of ``self`` the method assigns: `self.a = ...`, `self.a: T = ...`,
    each `self.a` of `self.a, b = ...`, `setattr(self, "a", ...)`. Not `self.a += 1`,
    which needs `self.a` already there."""
    me = _self_name(function)
    augmented = {id(node.target) for node in ast.walk(function) if isinstance(node, ast.AugAssign)}
    found = {
        node.attr
        for node in ast.walk(function)
        if _on_self(node, me) and isinstance(node.ctx, ast.Store) and id(node) not in augmented
    }
    found |= {
        node.args[1].value
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "setattr"
        and len(node.args) >= 2
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id == me
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
    }
    return found


def _self_calls(function: ast.FunctionDef) -> Set[str]:
    me = _self_name(function)
    calls = [node for node in ast.walk(function) if isinstance(node, ast.Call)]
    return {call.func.attr for call in calls if _on_self(call.func, me)}


def _callable_alone(cls: type, name: str) -> bool:
    """A plain method of the instance, under its own name (not a property, a static or
    class method, nor an alias of another function)."""
    function = inspect.getattr_static(cls, name, None)
    return inspect.isfunction(function) and function.__name__ == name


def _required(cls: type, name: str) -> int:
    params = list(inspect.signature(getattr(cls, name)).parameters.values())[1:]
    return sum(
        param.default is param.empty and param.kind not in (param.VAR_POSITIONAL, param.VAR_KEYWORD)
        for param in params
    )
