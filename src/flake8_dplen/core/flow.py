"""Follow a value back through locals, `self.` attributes, properties, helper methods and
module constants, yielding every expression node that contributes to it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, FrozenSet, Iterator, List, Optional, Set, Tuple

from . import syntax as cst
from .classindex import ClassIndex, FunctionIndex, children, is_self_attr
from .guards import guard_of
from .names import ImportTable

Guard = Optional[Tuple[str, cst.BaseExpression]]


@dataclass(frozen=True)
class Reached:
    """An expression that flows into `__len__`'s value, and the way it got there."""

    node: cst.BaseExpression
    fn: Optional[FunctionIndex]  # None for module-level constants
    via: FrozenSet[str]  # the self attributes, properties and methods passed through
    guard: Guard  # the drop_last condition on the path, innermost first


class Flow:
    def __init__(
        self, index: ClassIndex, imports: ImportTable, constants: Dict[str, List[cst.BaseExpression]]
    ):
        self.index = index
        self.imports = imports
        self.constants = constants

    def returns_of(self, name: str) -> Iterator[Tuple[cst.BaseExpression, FunctionIndex]]:
        func = self.index.methods.get(name) or self.index.properties.get(name)
        if func is None:
            return
        fn = self.index.function(func)
        for value in fn.returns:
            yield value, fn

    def reach(
        self,
        roots: List[Tuple[cst.BaseExpression, FunctionIndex]],
        stop: Callable[[cst.BaseExpression], bool] = lambda node: False,
    ) -> Iterator[Reached]:
        """Every expression node the roots' values are built from; `stop` prunes a subtree."""
        seen: Set[Tuple[int, int]] = set()
        work: List[Tuple[cst.BaseExpression, Optional[FunctionIndex], FrozenSet[str], Guard]] = [
            (expr, fn, frozenset(), None) for expr, fn in roots
        ]
        while work:
            expr, fn, via, guard = work.pop()
            key = (id(expr), id(fn))
            if key in seen:
                continue
            seen.add(key)
            stack = [expr]
            while stack:
                node = stack.pop()
                here = (fn and guard_of(node, fn)) or guard
                yield Reached(node, fn, via, here)
                if stop(node):
                    continue
                follow = self.follow(node, fn)
                if follow is not None:
                    name, targets = follow
                    for value, target_fn in targets:
                        work.append((value, target_fn, via | {name} if name else via, here))
                    continue
                stack.extend(self._subexpressions(node))

    def follow(self, node, fn):
        """Where a name, attribute or helper call gets its value, or None to descend."""
        if isinstance(node, cst.Name):
            if fn is not None and node.value in fn.locals:
                return None, [(v, fn) for v in fn.locals[node.value]]
            if fn is not None and node.value in fn.params:
                return None, []
            if node.value in self.constants:
                return None, [(v, None) for v in self.constants[node.value]]
            return None, []
        if fn is None:
            return None
        if isinstance(node, cst.Attribute):
            attr = is_self_attr(node, fn.func)
            if attr is None:
                return None
            if attr in self.index.properties:
                return attr, list(self.returns_of(attr))
            targets = [(v, self.index.function(m)) for v, m in self.index.self_assignments(attr)]
            targets += [(v, None) for v in self.index.class_attrs.get(attr, [])]
            return attr, targets
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            method = is_self_attr(node.func, fn.func)
            if method is not None and method in self.index.methods and method != "__len__":
                return method, list(self.returns_of(method))
        return None

    @staticmethod
    def _subexpressions(node: cst.CSTNode) -> List[cst.CSTNode]:
        if isinstance(node, cst.Attribute):
            return [node.value]
        if isinstance(node, cst.Call):
            return [node.func] + [arg.value for arg in node.args]
        if isinstance(node, (cst.Lambda, cst.Name)):
            return []
        if isinstance(node, cst.Arg):
            return [node.value]
        return [c for c in children(node) if not isinstance(c, _PUNCTUATION)]


# Operators carry no value (`children` already leaves whitespace and punctuation out).
_PUNCTUATION = (cst.BaseBinaryOp, cst.BaseUnaryOp, cst.BaseBooleanOp, cst.BaseCompOp)
