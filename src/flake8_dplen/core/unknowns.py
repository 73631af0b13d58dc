"""Where the counting interpreter (core/yieldcount.py) goes on past a value it does not
know instead of stopping: what a class builds from the data (its labels' classes, a dict
of indices per class, a weight per class) and never counts with.

Such a value is an `Opaque`: a count taken from it (a test, a length, a loop over it, a
number) still stops the model, so no count the model reports depends on it. Two things
are judged here on the code before it runs:

- a dict or set built by a literal or a comprehension is opaque when building it runs no
  code of the project and changes nothing (`quiet`);
- a loop over an opaque value is skipped (`Skip`), what it binds or changes made opaque
  after it, when its body yields, returns and raises nothing, cannot run forever, runs
  no code of the project, and touches what the model holds only where that cannot reach
  a count behind the model's back: a list it changes is one no other name refers to (it
  becomes opaque), and it reads a list or an object only to measure it (`len(x)`), to
  index or walk a list of plain values, or through `self.<attr>`."""

from __future__ import annotations

import builtins
from typing import Callable, Dict, List, Optional, Tuple

from . import syntax as cst
from .classindex import children, walk

# The builtins a value may name (`defaultdict(list)`, `key=len`): functions it does not know.
BUILTIN_NAMES = frozenset(n for n in dir(builtins) if not n.startswith("_"))
# Methods that make a new value from their receiver and change nothing.
READING_METHODS = frozenset(
    {"tolist", "copy", "numpy", "long", "int", "cpu", "clone", "flatten", "item", "keys", "values", "items", "get"}
)
# Libraries whose functions change no list's length they are given (a shuffle reorders).
_LIBRARIES = frozenset({"numpy", "torch", "math", "random"})
# Builtins that change what they are given, or run code.
_CHANGING_BUILTINS = frozenset({"setattr", "delattr", "exec", "eval", "next", "globals", "locals", "vars", "iter"})
_STOPPERS = (cst.Yield, cst.Return, cst.Raise, cst.Global, cst.Nonlocal, cst.While, cst.Try, cst.With, cst.Await)
_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def quiet(node: cst.CSTNode, local: Callable[[str], bool]) -> bool:
    """Every call in `node` is a library's or a builtin's (`local(name)`: the name is the
    code's own, bound in scope or a function or class of the module) or a method that
    makes a new value: building `node` changes nothing the model holds."""
    for call in walk(node):
        if isinstance(call, _SCOPES) or any(isinstance(c, _SCOPES) for c in children(call)):
            return False
        if not isinstance(call, cst.Call):
            continue
        func = call.func
        if isinstance(func, cst.Name) and not local(func.value) and func.value not in _CHANGING_BUILTINS:
            continue
        if isinstance(func, cst.Attribute) and func.attr.value in READING_METHODS:
            continue
        root = _root(func)
        if isinstance(func, cst.Attribute) and root is not None and not local(root.value):
            continue
        return False
    return True


def _root(node: cst.BaseExpression) -> Optional[cst.Name]:
    while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)):
        node = node.func if isinstance(node, cst.Call) else node.value
    return node if isinstance(node, cst.Name) else None


def _made_by_builtin(func: cst.Attribute, root: cst.Name) -> bool:
    """`func` is a method of what a builtin's call returns (a new value), not of a builtin."""
    node = func.value
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        node = node.value
    return (
        isinstance(node, cst.Call)
        and node.func is root
        and root.value in BUILTIN_NAMES
        and root.value not in _CHANGING_BUILTINS | {"reversed", "enumerate", "zip", "map", "filter"}
    )


# A place the model holds a value in: (the value, how to make it opaque there).
Place = Tuple[object, Callable[[], None]]


class Skip:
    """The plan for skipping one loop over an opaque value, or the reason it cannot be.

    `held(node)` gives the Place a name or `self.<attr>` node refers to before the loop
    (None for what the body binds itself or a module's name; a method's or a property's
    place holds a value of kind "other"); `kind(value)` is "plain" (a number, a string, an opaque value), "data" (a
    caller's sequence or one of its elements), "list" (a list of plain values), "nested"
    (a list holding lists or objects), "object" (the object judged or another of the
    module's) or "other"; `callee(call)` is a call's qualified name, `local(name)` whether
    a name is the code's own, and `shared(value)` whether more than one place the model
    holds refers to a value."""

    def __init__(self, loop: cst.For, held, kind, callee, local, shared) -> None:
        self.held, self.kind, self.callee, self.local, self.shared = held, kind, callee, local, shared
        self.reason: Optional[str] = None
        self.spoiled: List[Callable[[], None]] = []
        self.rebound: List[cst.BaseExpression] = []
        self.allowed: Dict[int, str] = {}  # id of a node that reads something held -> how
        if loop.orelse is not None or loop.asynchronous is not None:
            self.reason = "for-else"
            return
        self.store(loop.target)
        for node in walk(loop.body):
            if self.reason is None:
                self.visit(node)
        for node in walk(loop.body):
            if self.reason is None and isinstance(node, (cst.Name, cst.Attribute)):
                self.read(node)

    def fail(self, why: str) -> None:
        self.reason = self.reason or why

    def visit(self, node: cst.CSTNode) -> None:
        if isinstance(node, _STOPPERS) or any(isinstance(c, _SCOPES) for c in children(node)):
            self.fail(f"{type(node).__name__} in a loop over an unknown value")
        elif isinstance(node, cst.Assign):
            for target in node.targets:
                self.store(target.target)
        elif isinstance(node, cst.AugAssign) and self.kind((self.held(node.target) or (None,))[0]) != "plain":
            self.change(node.target)  # `x += [v]` extends the list `x` refers to, in place
        elif isinstance(node, (cst.AugAssign, cst.AnnAssign, cst.NamedExpr, cst.For, cst.CompFor, cst.Del)):
            self.store(node.target)
            if isinstance(node, (cst.For, cst.CompFor)):
                self.allowed.setdefault(id(node.iter), "walked")
        elif isinstance(node, cst.Subscript):
            self.allowed.setdefault(id(node.value), "indexed")
        elif isinstance(node, (cst.Comparison, cst.BinaryOperation)):
            # `labels == c`, `sizes + [0]`: an operator makes a new value, the operands stay.
            operands = [node.left, *(c.comparator for c in node.comparisons)] if isinstance(node, cst.Comparison) else [node.left, node.right]
            for operand in operands:
                self.allowed.setdefault(id(operand), "computed")
        elif isinstance(node, cst.Attribute):
            self.allowed.setdefault(id(node.value), "base")  # `self` of `self.x`
            self.allowed[id(node.attr)] = "name"
        elif isinstance(node, cst.Arg) and node.keyword is not None:
            self.allowed[id(node.keyword)] = "name"
        elif isinstance(node, cst.Call):
            self.call(node)

    def store(self, target: cst.BaseExpression) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.store(element.value)
            return
        owner = self.held(target.value) if isinstance(target, cst.Attribute) else None
        if (
            self.held(target) is not None
            or isinstance(target, cst.Name)
            or (owner is not None and self.kind(owner[0]) == "object")
        ):
            self.allowed[id(target)] = "rebound"  # `x = ...`, `self.x = ...`
            self.rebound.append(target)
        else:
            self.change(target)

    def change(self, target: cst.BaseExpression) -> None:
        """`x[i] = v`, `x.append(v)`, `self.x[i] += v`, `x.setdefault(k, []).append(v)`:
        what `x` refers to changes."""
        node, depth = target, 0
        while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)) and (
            isinstance(node, cst.Call) or self.held(node) is None
        ):
            node, depth = (node.func if isinstance(node, cst.Call) else node.value), depth + 1
        place = self.held(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
        if place is None:
            if not (isinstance(node, cst.Name) and self.bound_here(node.value)):
                self.fail("a change to a value the model cannot follow")
            return
        self.allowed[id(node)] = "changed"
        value, spoil = place
        kind = self.kind(value)
        if kind == "plain":
            return
        if kind in ("list", "nested") and depth == 0 and not self.shared(value):
            self.spoiled.append(spoil)  # the list becomes opaque: its length is not known
            return
        self.fail(f"a change to a {kind} value in a loop over an unknown value")

    def bound_here(self, name: str) -> bool:
        """A name the body binds and the model did not hold before the loop: what it holds
        is made in the body from values read as `read` allows."""
        return any(isinstance(t, cst.Name) and t.value == name for t in self.rebound)

    def call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Name):
            if self.local(func.value) or self.bound_here(func.value) or func.value in _CHANGING_BUILTINS:
                self.fail(f"a call of {func.value} in a loop over an unknown value")
            elif func.value == "len":
                for arg in node.args:
                    self.allowed.setdefault(id(arg.value), "measured")
            return
        if not isinstance(func, cst.Attribute):
            self.fail("a call of a computed function")
            return
        callee = self.callee(node)
        root = _root(func)
        if root is not None and _made_by_builtin(func, root):
            return  # `str(label).lower()`: a method of a new value a builtin made
        # A method of a value the body made (`batch.append(i)`, the loop's own item) changes
        # that value, which `change` follows; any other root not the code's is a library's.
        # A method of a module-level value (`logger.info(...)`, callee None) reaches no count:
        # the model holds no such value but a number (an argument the call is given is a
        # read `read` judges).
        if root is not None and not self.local(root.value) and not self.bound_here(root.value):
            if callee is not None and callee.split(".")[0] not in _LIBRARIES:
                self.fail(f"a call of {callee} in a loop over an unknown value")
            return
        if func.attr.value in READING_METHODS:
            self.allowed.setdefault(id(func.value), "indexed")
        else:
            self.change(func.value)

    def read(self, node) -> None:
        place = self.held(node)
        if place is None or self.allowed.get(id(node)) in ("rebound", "changed", "name"):
            return
        kind = self.kind(place[0])
        how = self.allowed.get(id(node))
        if (
            kind in ("plain", "data")
            or (kind == "list" and how in ("indexed", "walked", "measured", "computed"))
            or (kind == "nested" and how == "measured")
            or (kind == "object" and how == "base" and isinstance(node, cst.Name))
        ):
            return
        self.fail(f"a {kind} value read in a loop over an unknown value")
