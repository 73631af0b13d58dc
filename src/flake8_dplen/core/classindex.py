"""An index of one class: its methods, what it assigns to `self.<attr>`, and parent links.

Built once per sampler class and only for classes the analysis visits, so that tracing a
value never rescans the module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from . import syntax as cst
from .names import dotted


def self_name(func: cst.FunctionDef) -> Optional[str]:
    params = func.params.posonly_params or func.params.params
    return params[0].name.value if params else None


def is_self_attr(node: cst.BaseExpression, func: cst.FunctionDef) -> Optional[str]:
    """The attribute name when `node` is `self.<attr>` in `func`."""
    if (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == self_name(func)
    ):
        return node.attr.value
    return None


def is_int(expr: object, value: int) -> bool:
    return isinstance(expr, cst.Integer) and expr.evaluated_value == value


def is_super_call(expr: cst.BaseExpression) -> bool:
    """`super()` (with or without arguments)."""
    return isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name) and expr.func.value == "super"


def strip_parens(node: cst.BaseExpression) -> cst.BaseExpression:
    return node.with_changes(lpar=[], rpar=[]) if getattr(node, "lpar", None) else node


_SCOPES = frozenset((cst.FunctionDef, cst.Lambda, cst.ClassDef))


def children(node: cst.CSTNode) -> Sequence[cst.CSTNode]:
    """A node's child nodes, in LibCST's order of fields (core/syntax.py keeps no
    whitespace, comments or punctuation)."""
    return node.children


def walk(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Pre-order walk; nested functions, lambdas and classes are other scopes."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        for child in reversed(children(current)):
            if type(child) not in _SCOPES:
                stack.append(child)


def _pairs(target: cst.BaseExpression, value: cst.BaseExpression):
    # `self.n, self.bs = n, bs` binds element by element; other unpacking binds unknowns.
    if isinstance(target, (cst.Tuple, cst.List)):
        if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == len(target.elements):
            for t, v in zip(target.elements, value.elements):
                if not isinstance(t, cst.StarredElement) and not isinstance(v, cst.StarredElement):
                    yield from _pairs(t.value, v.value)
        return
    yield target, value


def assign_targets(stmt: cst.CSTNode) -> List[Tuple[cst.BaseExpression, cst.BaseExpression]]:
    """(target, value) pairs a statement binds, element-wise for tuple-to-tuple assignment."""
    kind = type(stmt)  # not isinstance: see Machine.eval in core/yieldcount.py
    if kind is cst.Assign:
        return [pair for t in stmt.targets for pair in _pairs(t.target, stmt.value)]
    if (kind is cst.AnnAssign or kind is cst.AugAssign) and stmt.value is not None:
        return [(stmt.target, stmt.value)]
    return []


def _bound_names(node: cst.CSTNode) -> Iterator[Tuple[str, cst.BaseExpression]]:
    """(name, whole value) for every name a statement binds: the whole value of an
    assignment that has it among its targets (unpacked or not: `full, rest = divmod(n,
    bs)`), or the iterable of a loop over it."""
    kind = type(node)
    if kind in (cst.Assign, cst.AnnAssign, cst.AugAssign) and node.value is not None:
        targets = [t.target for t in node.targets] if kind is cst.Assign else [node.target]
        value = node.value
    elif kind is cst.For:
        targets, value = [node.target], node.iter
    else:
        return
    for target in targets:
        for n in walk(target):
            if type(n) is cst.Name:
                yield n.value, value


@dataclass
class FunctionIndex:
    """One method's parents, locals, parameters and returns, indexed once."""

    func: cst.FunctionDef
    parents: Dict[cst.CSTNode, cst.CSTNode] = field(default_factory=dict)
    locals: Dict[str, List[cst.BaseExpression]] = field(default_factory=dict)
    # What binds each local, whole (`_bound_names`): where `locals` pairs element-wise
    # and so loses `full` of `full, rest = divmod(n, bs)`, this keeps the call.
    bindings: Dict[str, List[cst.BaseExpression]] = field(default_factory=dict)
    params: Dict[str, cst.Param] = field(default_factory=dict)
    returns: List[cst.BaseExpression] = field(default_factory=list)

    @classmethod
    def build(cls, func: cst.FunctionDef) -> "FunctionIndex":
        index = cls(func)
        for node in walk(func.body):
            for child in children(node):
                index.parents[child] = node
            if isinstance(node, cst.Return) and node.value is not None:
                index.returns.append(node.value)
            for target, value in assign_targets(node):
                if isinstance(target, cst.Name):
                    index.locals.setdefault(target.value, []).append(value)
            for name, value in _bound_names(node):
                index.bindings.setdefault(name, []).append(value)
        p = func.params
        for param in (*p.posonly_params, *p.params, *p.kwonly_params):
            index.params[param.name.value] = param
        index.parents[func.body] = func
        return index

    def ancestors(self, node: cst.CSTNode) -> Iterator[cst.CSTNode]:
        current = self.parents.get(node)
        while current is not None:
            yield current
            current = self.parents.get(current)


@dataclass
class ClassIndex:
    """A class with its bases of the module: methods, properties, class attributes."""

    cls: cst.ClassDef
    methods: Dict[str, cst.FunctionDef]
    properties: Dict[str, cst.FunctionDef]
    class_attrs: Dict[str, List[cst.BaseExpression]]
    _functions: Dict[cst.FunctionDef, FunctionIndex] = field(default_factory=dict)
    _self_assigns: Optional[Dict[str, List[Tuple[cst.BaseExpression, cst.FunctionDef]]]] = None

    @classmethod
    def build(cls, lineage: List[cst.ClassDef]) -> "ClassIndex":
        # Later entries in the lineage are bases: a subclass's definition wins.
        methods: Dict[str, cst.FunctionDef] = {}
        properties: Dict[str, cst.FunctionDef] = {}
        class_attrs: Dict[str, List[cst.BaseExpression]] = {}
        for klass in reversed(lineage):
            for stmt in klass.body.body:
                if isinstance(stmt, cst.FunctionDef):
                    decorators = {dotted(d.decorator) for d in stmt.decorators}
                    if decorators & {"property", "cached_property", "functools.cached_property"}:
                        properties[stmt.name.value] = stmt
                        methods.pop(stmt.name.value, None)
                    elif not any(d and d.endswith(".setter") for d in decorators):
                        methods[stmt.name.value] = stmt
                        properties.pop(stmt.name.value, None)
                elif isinstance(stmt, cst.SimpleStatementLine):
                    for small in stmt.body:
                        for target, value in assign_targets(small):
                            if isinstance(target, cst.Name):
                                class_attrs.setdefault(target.value, []).append(value)
        return cls(lineage[0], methods, properties, class_attrs)

    def function(self, func: cst.FunctionDef) -> FunctionIndex:
        if func not in self._functions:
            self._functions[func] = FunctionIndex.build(func)
        return self._functions[func]

    def self_assignments(self, attr: str) -> List[Tuple[cst.BaseExpression, cst.FunctionDef]]:
        """Every `self.<attr> = value` in the class's methods, with the method it is in."""
        if self._self_assigns is None:
            found: Dict[str, List[Tuple[cst.BaseExpression, cst.FunctionDef]]] = {}
            for method in (*self.methods.values(), *self.properties.values()):
                for node in walk(method.body):
                    for target, value in assign_targets(node):
                        name = is_self_attr(target, method)
                        if name is not None:
                            found.setdefault(name, []).append((value, method))
            self._self_assigns = found
        return self._self_assigns.get(attr, [])
