"""The data the rules share with both faces: the per-class context and findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import FrozenSet, List, Optional, Tuple

import libcst as cst

from .classindex import ClassIndex, FunctionIndex
from .flow import Flow, Reached
from .iterfacts import IterFacts, count_attr
from .names import ImportTable


@dataclass(frozen=True)
class Fix:
    """Replace `node` with `replacement`; `imports` lists modules the new code needs, and
    `helper` is the source of a module-level function it calls (added once per module)."""

    node: cst.CSTNode
    replacement: cst.BaseExpression
    imports: FrozenSet[str] = frozenset()
    helper: Optional[str] = None


@dataclass(frozen=True)
class Finding:
    code: str
    node: cst.CSTNode  # where the diagnostic points: the rounding call or the `//` operator
    message: str  # without the code
    fix: Optional[Fix] = None
    manual: Optional[str] = None  # why there is no safe fix, when fix is None
    cls: Optional[cst.ClassDef] = None  # the sampler class analysed when it was found


@dataclass
class SamplerContext:
    module: cst.Module
    imports: ImportTable
    cls: cst.ClassDef
    index: ClassIndex
    flow: Flow
    iter: IterFacts
    _len_attrs: Optional[FrozenSet[str]] = None
    _remainders: Optional[FrozenSet[Tuple[str, str]]] = None

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

    def remainder_taken(self, node: cst.BinaryOperation) -> bool:
        """`a % b` also feeds __len__: `a // b` counts full batches and the tail is added."""
        if self._remainders is None:
            self._remainders = frozenset(
                (self.code(r.node.left), self.code(r.node.right))
                for r in self.flow.reach(self.len_roots())
                if isinstance(r.node, cst.BinaryOperation) and isinstance(r.node.operator, cst.Modulo)
            )
        return (self.code(node.left), self.code(node.right)) in self._remainders
