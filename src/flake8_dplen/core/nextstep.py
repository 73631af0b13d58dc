"""Whether an iterator class's `__next__` can end the iteration: `__iter__` returning
`self` yields until `__next__` raises StopIteration, so a `__next__` that provably never
raises anything, on some input, makes the iteration endless.

The proof is kept narrow, because a `__next__` that crashes (an IndexError past the end
of a list) is not endless either: no `raise`; `next()` only with a default or of an
endless iterator; otherwise only calls that cannot raise StopIteration (the class's own
methods, read the same way, `super().__iter__()`, a few builtins, torch/numpy/random/math
functions, list and tensor methods); and every subscript kept in range, by `% len(...)`, or by a counter that only ever starts at 0,
steps by 1 and is set back to 0 when it reaches the length of the list it indexes (or wraps
at it on every step: `self.i = (self.i + 1) % len(self.order)`)."""

from __future__ import annotations

from typing import Callable, Set

from . import syntax as cst
from .classindex import ClassIndex, assign_targets, is_int, is_self_attr, is_super_call, strip_parens, walk
from .names import ImportTable, len_arg
from .rounding import qualified_callee

# Callables that never raise StopIteration (list() and sorted() absorb the one that ends
# their argument; a generator turns a stray one into RuntimeError).
_SAFE_BUILTINS = frozenset(
    "len list int float bool str tuple dict set range min max sum abs sorted reversed "
    "enumerate zip iter isinstance super".split()
)
_SAFE_MODULES = ("torch.", "numpy.", "random.", "math.")
_SAFE_METHODS = frozenset("tolist item append extend copy numpy long cpu clone".split())


# Whether an expression, in a method, is an endless iterator (itershape's reading).
Endless = Callable[[cst.BaseExpression, cst.FunctionDef], bool]


def next_never_stops(index: ClassIndex, imports: ImportTable, endless: Endless) -> bool:
    """The class has a plain (not generator) `__next__` that no run can leave by
    StopIteration, per the rules above; `next(it)` is allowed where `it` is endless."""
    func = index.methods.get("__next__")
    if func is None or any(isinstance(n, cst.Yield) for n in walk(func.body)):
        return False
    return _Proof(index, imports, func, endless).holds(func, set())


class _Proof:
    def __init__(
        self, index: ClassIndex, imports: ImportTable, next_func: cst.FunctionDef, endless: Endless
    ) -> None:
        self.index = index
        self.imports = imports
        self.next_func = next_func
        self.endless = endless

    def holds(self, func: cst.FunctionDef, seen: Set[str]) -> bool:
        for node in walk(func.body):
            if isinstance(node, cst.Raise):
                return False
            if isinstance(node, cst.Call) and not self._safe_call(node, func, seen):
                return False
            if isinstance(node, cst.Subscript) and not self._in_range(node, func):
                return False
        return True

    def _safe_call(self, call: cst.Call, func: cst.FunctionDef, seen: Set[str]) -> bool:
        if isinstance(call.func, cst.Attribute):
            method = call.func.attr.value
            name = is_self_attr(call.func, func)
            if name is not None:
                helper = self.index.methods.get(name)
                if helper is None or any(isinstance(n, cst.Yield) for n in walk(helper.body)):
                    return False
                return name in seen or self.holds(helper, seen | {name})
            if is_super_call(call.func.value):
                return method == "__iter__"
            if method in _SAFE_METHODS:
                return True
        callee = qualified_callee(call, self.imports)
        if callee == "next" and call.args:
            # With a default it never raises; without, only what it reads can end.
            return len(call.args) == 2 or self.endless(call.args[0].value, func)
        if callee is None:
            return False
        return callee in _SAFE_BUILTINS or callee.startswith(_SAFE_MODULES)

    def _in_range(self, sub: cst.Subscript, func: cst.FunctionDef) -> bool:
        if len(sub.slice) != 1 or not isinstance(sub.slice[0].slice, cst.Index):
            return all(isinstance(s.slice, cst.Slice) for s in sub.slice)  # slices never raise
        key = sub.slice[0].slice.value
        if isinstance(key, cst.BinaryOperation) and isinstance(key.operator, cst.Modulo):
            return len_arg(key.right) is not None and len_arg(key.right).deep_equals(sub.value)
        counter = is_self_attr(key, func)
        listed = is_self_attr(sub.value, func)
        return counter is not None and listed is not None and self._reset_counter(counter, listed)

    def _reset_counter(self, counter: str, listed: str) -> bool:
        """`self.<counter>` only ever starts at 0 and steps by 1 in the class, and
        __next__ sets it back to 0 under `if self.<counter> >= len(self.<listed>)`, or
        every step wraps it (`self.i = (self.i + 1) % len(self.<listed>)`)."""
        wraps = False
        for method in self.index.methods.values():
            for node in walk(method.body):
                for target, value in assign_targets(node):
                    if is_self_attr(target, method) != counter:
                        continue
                    if isinstance(node, cst.AugAssign):
                        ok = isinstance(node.operator, cst.AddAssign) and is_int(value, 1)
                    elif _wrapped_step(value, counter, listed, method):
                        ok = wraps = True
                    else:
                        ok = is_int(value, 0) or _plus_one(value, counter, method)
                    if not ok:
                        return False
        return wraps or any(
            isinstance(node, cst.If)
            and _reaches_length(node.test, counter, listed, self.next_func)
            and self._resets(node.body, counter, self.next_func)
            for node in walk(self.next_func.body)
        )

    def _resets(self, body: cst.CSTNode, counter: str, func: cst.FunctionDef) -> bool:
        for node in walk(body):
            for target, value in assign_targets(node):
                if (
                    is_self_attr(target, func) == counter
                    and is_int(value, 0)
                    and isinstance(node, cst.Assign)
                ):
                    return True
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
                name = is_self_attr(node.func, func)
                helper = self.index.methods.get(name) if name is not None else None
                if helper is not None and helper is not func and self._resets(helper.body, counter, helper):
                    return True
        return False


def _reaches_length(test: cst.BaseExpression, counter: str, listed: str, func: cst.FunctionDef) -> bool:
    """`self.<counter> >= len(self.<listed>)` (or `==`, or the two sides swapped)."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    op = test.comparisons[0].operator
    left, right = test.left, test.comparisons[0].comparator
    if isinstance(op, (cst.LessThanEqual, cst.Equal)) and len_arg(left) is not None:
        left, right = right, left
    elif not isinstance(op, (cst.GreaterThanEqual, cst.Equal)):
        return False
    measured = len_arg(right)
    return (
        is_self_attr(left, func) == counter
        and measured is not None
        and is_self_attr(measured, func) == listed
    )


def _wrapped_step(value: cst.BaseExpression, counter: str, listed: str, func: cst.FunctionDef) -> bool:
    """`(self.<counter> + 1) % len(self.<listed>)`."""
    if not (isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Modulo)):
        return False
    measured = len_arg(value.right)
    return (
        measured is not None
        and is_self_attr(measured, func) == listed
        and _plus_one(strip_parens(value.left), counter, func)
    )


def _plus_one(value: cst.BaseExpression, counter: str, func: cst.FunctionDef) -> bool:
    return (
        isinstance(value, cst.BinaryOperation)
        and isinstance(value.operator, cst.Add)
        and is_self_attr(value.left, func) == counter
        and is_int(value.right, 1)
    )
