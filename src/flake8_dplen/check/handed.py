"""What a parameter is, read from the callee the class hands it to.

A parameter whose name says nothing (`valid_indices`, `subset`, `pool`) and that the class
neither reads fields of nor uses in a telling way is often handed on whole to a function
or a class that does: `Subset(self.data_source, valid_indices)`, `RandomSampler(data_source=
src)`, `self._split(order, bounds)`. The callee's own parameter is named for what it takes
(`indices`, `data_source`), and whoever wrote the callee named it for every caller: the
value is drawn as that name says (arguments._by_name). This reads the signature of any
callee the module can name, torch's included, not a list of spellings seen before.
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap
from typing import Any, Callable, Optional, Set, Tuple

from .reads import _callee, class_trees, held_in


def callee_names(cls: type, param: str) -> Set[str]:
    """The names of the callee parameters that receive ``param`` (or the attribute of
    ``self`` the constructor stores it in) where a method of the class passes it whole."""
    trees = class_trees(cls)
    roots = held_in(trees, param)
    names: Set[str] = set()
    for klass, tree in trees:
        module = sys.modules.get(getattr(klass, "__module__", ""))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                names |= _receiving(node, roots, klass, module)
    return names


def _receiving(call: ast.Call, roots: Set[str], owner: Any, module: Any) -> Set[str]:
    """The parameters of ``call``'s callee that a root is passed as."""
    passed = [i for i, arg in enumerate(call.args) if ast.unparse(arg) in roots]
    named = {kw.arg for kw in call.keywords if kw.arg and ast.unparse(kw.value) in roots}
    if not passed:
        return named  # a keyword names the callee's parameter itself
    function, skipped = _callee(call.func, owner, module)
    # Builtins (`len`, `print`, `isinstance`) name their parameters for no role.
    if not (inspect.isfunction(function) or inspect.isclass(function)) or inspect.isbuiltin(function):
        return named
    try:
        params = list(inspect.signature(function).parameters.values())[skipped:]
    except (TypeError, ValueError):
        return named
    positional = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return named | {positional[i] for i in passed if i < len(positional)}


def by_callee(cls: type, param: str, by_name: Callable[[str], Any]) -> Optional[Any]:
    """The builder the callees' names for ``param`` agree on; None when none names it, or
    when two name it for different things (one value is not both)."""
    builders = {by_name(name) for name in callee_names(cls, param) if name != param}
    builders.discard(None)
    return builders.pop() if len(builders) == 1 else None


def kwargs_receiver(owner: type) -> Tuple[Any, Set[str]]:
    """What the constructor of ``owner`` hands its `**kwargs` to when that is not a base's
    `__init__` (`get_inds(dataset, **kwargs)` beside `super().__init__(data_source=...)`),
    and the parameters of it that the call fills itself: the function, or False when it
    is no function the module can name; None when the kwargs go to a base, or to nothing
    (the base's parameters may come through then)."""
    init = vars(owner).get("__init__")
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(init)))
    except (OSError, TypeError, SyntaxError):
        return None, set()
    function = tree.body[0]
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function.args.kwarg is None:
        return None, set()
    name = function.args.kwarg.arg
    calls = [
        node
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
        and any(kw.arg is None and ast.unparse(kw.value) == name for kw in node.keywords)
    ]
    to_base = any(isinstance(call.func, ast.Attribute) and call.func.attr == "__init__" for call in calls)
    if not calls or to_base:
        return None, set()
    module = sys.modules.get(owner.__module__)
    callees = {_callee(call.func, owner, module)[0] for call in calls}
    callee = callees.pop() if len(callees) == 1 else None
    if not inspect.isfunction(callee):
        return False, set()
    params = list(inspect.signature(callee).parameters)
    filled = {kw.arg for call in calls for kw in call.keywords if kw.arg}
    for call in calls:
        fixed = [arg for arg in call.args if not isinstance(arg, ast.Starred)]
        filled |= set(params[: len(fixed)])
    return callee, filled
