"""The data the rules share with both faces: the per-class context and findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, FrozenSet, List, Optional, Tuple, Union

import libcst as cst

from .classindex import ClassIndex, FunctionIndex, is_self_attr, walk
from .flow import Flow, Reached
from .iterfacts import IterFacts, count_attr
from .itershape import IterShape, iter_shape
from .names import ImportTable


@dataclass(frozen=True)
class Fix:
    """Replace `node` with `replacement`; `imports` lists modules the new code needs, and
    `helper` is the source of a module-level function it calls (added once per module)."""

    node: cst.CSTNode
    replacement: cst.BaseExpression
    imports: FrozenSet[str] = frozenset()
    helper: Optional[str] = None


Proposal = Union[Fix, str]  # a Fix, or why the finding needs a manual fix


@dataclass(frozen=True)
class Finding:
    code: str
    node: cst.CSTNode  # where the diagnostic points: the rounding call or the `//` operator
    message: str  # without the code
    gating: bool  # the rule's: a DPL1 finding fails CI and is what the codemod acts on
    # Built on first use: flake8 shows only the message, so it never pays for a fix.
    propose: Callable[[], Proposal] = field(compare=False, repr=False, default=lambda: "")
    cls: Optional[cst.ClassDef] = None  # the sampler class analysed when it was found

    @cached_property
    def _proposal(self) -> Proposal:
        return self.propose()

    @property
    def fix(self) -> Optional[Fix]:
        return self._proposal if isinstance(self._proposal, Fix) else None

    @property
    def manual(self) -> Optional[str]:
        """Why there is no safe fix, when `fix` is None."""
        return None if isinstance(self._proposal, Fix) else self._proposal


@dataclass
class SamplerContext:
    module: cst.Module
    imports: ImportTable
    cls: cst.ClassDef
    index: ClassIndex
    flow: Flow
    iter: IterFacts
    lineage: Tuple[cst.ClassDef, ...] = ()  # the class, then its bases in this module
    _len_attrs: Optional[FrozenSet[str]] = None
    _remainders: Optional[FrozenSet[Tuple[str, str]]] = None

    @cached_property
    def shape(self) -> IterShape:
        """__iter__'s shape, for the class-level rules; read on first use, once."""
        func = self.index.methods.get("__iter__")
        return iter_shape(func, self.index.function(func) if func else None, self.imports)

    def defines(self, method: str) -> bool:
        """The class itself, not a base, defines `method`."""
        return any(isinstance(s, cst.FunctionDef) and s.name.value == method for s in self.cls.body.body)

    def code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def short(self, node: cst.CSTNode, limit: int = 80) -> str:
        text = " ".join(self.code(node).split())
        return text if len(text) <= limit else text[: limit - 3] + "..."

    def consistent(self, site: Reached) -> bool:
        """__iter__ counts its batches with the very value __len__ returns."""
        if self.iter.bound_by_len:
            return True
        if self._len_attrs is None:
            roots = self.len_roots()
            self._len_attrs = frozenset(filter(None, (count_attr(value, fn) for value, fn in roots)))
        return bool(site.via & self.iter.bound_attrs & self._len_attrs)

    def len_roots(self) -> List[Tuple[cst.BaseExpression, FunctionIndex]]:
        return list(self.flow.returns_of("__len__"))

    def remainder_taken(self, node: cst.BinaryOperation, fn: Optional[FunctionIndex]) -> bool:
        """`a % b` also feeds __len__, or decides in `fn` or __len__ whether a tail is
        added (`if n % b: count += 1`): `a // b` counts full batches on purpose."""
        if self._remainders is None:
            self._remainders = self._modulo_operands(r.node for r in self.flow.reach(self.len_roots()))
        operands = (self.code(node.left), self.code(node.right))
        if operands in self._remainders:
            return True
        funcs = {self.index.methods.get("__len__"), fn.func if fn else None} - {None}
        return operands in self._modulo_operands(n for func in funcs for n in walk(func.body))

    def _modulo_operands(self, nodes) -> FrozenSet[Tuple[str, str]]:
        return frozenset(
            (self.code(n.left), self.code(n.right))
            for n in nodes
            if isinstance(n, cst.BinaryOperation) and isinstance(n.operator, cst.Modulo)
        )

    def as_self_attr(self, expr: cst.BaseExpression, fn: Optional[FunctionIndex]) -> Optional[str]:
        """N when `expr` is `self.N`, or a parameter of `fn` that `fn` stores as `self.N`
        (in __init__ the parameter and the attribute are one value)."""
        expr = expr.with_changes(lpar=[], rpar=[]) if getattr(expr, "lpar", None) else expr
        if fn is None:
            return None
        attr = is_self_attr(expr, fn.func) if isinstance(expr, cst.Attribute) else None
        if attr is not None or not (isinstance(expr, cst.Name) and expr.value in fn.params):
            return attr
        for node in walk(fn.func.body):
            if (
                isinstance(node, cst.Assign)
                and isinstance(node.value, cst.Name)
                and node.value.value == expr.value
            ):
                for target in node.targets:
                    stored = is_self_attr(target.target, fn.func)
                    if stored is not None:
                        return stored
        return None
