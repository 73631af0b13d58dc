"""The data the rules share with both faces: the per-class context and findings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, FrozenSet, List, Optional, Tuple, Union

from . import syntax as cst
from .classindex import ClassIndex, FunctionIndex, assign_targets, is_self_attr, strip_parens, walk
from .flow import Flow, Reached
from .iterfacts import IterFacts, count_attr
from .itershape import BATCH, SAMPLE, IterShape, iter_shape
from .names import ImportTable, last_name
from .offsets import Offset, ignored_offsets
from .samplers import torch_len_base

# Count expressions hold no strings with `#` in practice; a message need not be exact there.
_COMMENT = re.compile(r"#[^\n]*")


@dataclass(frozen=True)
class Fix:
    """Replace `node` with `replacement`, the LibCST expression fixes/lazy.py builds when the
    fix is written; `imports` lists modules the new code needs, and `helper` is the source
    of a module-level function it calls (added once per module)."""

    node: cst.CSTNode
    replacement: Any
    imports: FrozenSet[str] = frozenset()
    helper: Optional[str] = None


Proposal = Union[Fix, str]  # a Fix, or why the finding needs a manual fix


@dataclass(frozen=True)
class Finding:
    """One diagnostic: its code, where it points, and its fix or why there is none."""

    code: str
    node: cst.CSTNode  # where the diagnostic points: the rounding call or the `//` operator
    message: str  # without the code; ends with the fix the codemod writes, or why there is none
    gating: bool  # the rule's: a DPL1 finding fails CI and is what the codemod acts on
    fix: Optional[Fix] = None
    manual: Optional[str] = None  # why there is no safe fix, when fix is None
    cls: Optional[cst.ClassDef] = None  # the sampler class analysed when it was found

    @property
    def replacement(self) -> Optional[str]:
        """The whole expression the codemod writes, never cut (before any line wrapping)."""
        if self.fix is None:
            return None
        from ..fixes.lazy import rendered  # imports LibCST: only a face that shows fixes asks

        return rendered(self.fix.replacement)


@dataclass
class SamplerContext:
    """One sampler class and the facts every rule shares, each computed once."""

    module: cst.Module
    imports: ImportTable
    cls: cst.ClassDef
    index: ClassIndex
    flow: Flow
    iter: IterFacts
    lineage: Tuple[cst.ClassDef, ...] = ()  # the class, then its bases in this module
    # Then its bases in other modules of the project (core/project.py), for the model that
    # runs the class (core/yieldcount.py); the rules that read code see this module's only.
    foreign: Tuple[cst.ClassDef, ...] = ()
    root: Optional[str] = None  # the folder the project's modules are read from
    _len_attrs: Optional[FrozenSet[str]] = None
    _remainders: Optional[FrozenSet[Tuple[str, str]]] = None

    @cached_property
    def shape(self) -> IterShape:
        """__iter__'s shape, for the class-level rules; read on first use, once."""
        func = self.index.methods.get("__iter__")
        return iter_shape(
            func, self.index.function(func) if func else None, self.imports, self.index, self.module
        )

    @cached_property
    def inherited_unit(self) -> Optional[Tuple[str, Optional[str]]]:
        """(where `__len__` comes from, what it counts) for a class that inherits it: the
        nearest base of the module that defines `__len__`, judged by the `__iter__` that
        base has (SAMPLE, BATCH or None), else the torch sampler inherited; None when the
        class defines `__len__` or inherits none the module or torch says."""
        if self.defines("__len__"):
            return None
        for position, klass in enumerate(self.lineage[1:], 1):
            if _defines(klass, "__len__"):
                func = next((m for k in self.lineage[position:] for m in _methods(k, "__iter__")), None)
                fn = FunctionIndex.build(func) if func is not None else None
                return klass.name.value, iter_shape(func, fn, self.imports).unit
        base = torch_len_base(self.lineage, self.imports)
        if base is None:
            return None
        return base, BATCH if base == "BatchSampler" else SAMPLE

    @cached_property
    def whole(self) -> Tuple[List[cst.ClassDef], ClassIndex]:
        """The lineage on, through the bases in other modules of the project, and its
        index: what the model that runs the class (core/yieldcount.py) reads."""
        if not self.foreign:
            return list(self.lineage), self.index
        lineage = [*self.lineage, *self.foreign]
        return lineage, ClassIndex.build(lineage)

    @cached_property
    def offsets(self) -> Tuple[Offset, ...]:
        """Where __iter__'s walk starts late at a position __len__ ignores (core.offsets),
        for DPL112 and DPL116; read on first use, once."""
        return ignored_offsets(self)

    @cached_property
    def len_names(self) -> FrozenSet[str]:
        """Every name __len__'s values are built from, with the attribute each parameter
        on the way is stored as (`self.num_samples = end - start` in __init__ makes
        __len__ depend on `self.start` too)."""
        found = set()
        for site in self.flow.reach(self.len_roots()):
            found.add(last_name(site.node))
            if site.fn is not None and isinstance(site.node, cst.Name) and site.node.value in site.fn.params:
                found.add(self.as_self_attr(site.node, site.fn))
        return frozenset(found - {None})

    def defines(self, method: str) -> bool:
        """The class itself, not a base, defines `method`."""
        return any(isinstance(s, cst.FunctionDef) and s.name.value == method for s in self.cls.body.body)

    def code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def short(self, node: cst.CSTNode, limit: int = 80) -> str:
        """One line for a message: comments dropped, whitespace collapsed."""
        text = " ".join(_COMMENT.sub("", self.code(node)).split())
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

    def remainder_taken(
        self, left: cst.BaseExpression, right: cst.BaseExpression, fn: Optional[FunctionIndex]
    ) -> bool:
        """`left % right` also feeds __len__, or decides in `fn` or __len__ whether a tail
        is added (`if n % b: count += 1`, `+ bool(n % b)`): the floor of `left / right`
        counts full batches on purpose."""
        if self._remainders is None:
            self._remainders = self._modulo_operands(r.node for r in self.flow.reach(self.len_roots()))
        operands = (self.code(strip_parens(left)), self.code(strip_parens(right)))
        if operands in self._remainders:
            return True
        funcs = {self.index.methods.get("__len__"), fn.func if fn else None} - {None}
        return operands in self._modulo_operands(n for func in funcs for n in walk(func.body))

    def _modulo_operands(self, nodes) -> FrozenSet[Tuple[str, str]]:
        return frozenset(
            (self.code(strip_parens(n.left)), self.code(strip_parens(n.right)))
            for n in nodes
            if isinstance(n, cst.BinaryOperation) and isinstance(n.operator, cst.Modulo)
        )

    def as_self_attr(self, expr: cst.BaseExpression, fn: Optional[FunctionIndex]) -> Optional[str]:
        """N when `expr` is `self.N`, or a parameter of `fn` that `fn` stores as `self.N`
        (in __init__ the parameter and the attribute are one value)."""
        expr = strip_parens(expr)
        if fn is None:
            return None
        attr = is_self_attr(expr, fn.func) if isinstance(expr, cst.Attribute) else None
        if attr is not None or not (isinstance(expr, cst.Name) and expr.value in fn.params):
            return attr
        for node in walk(fn.func.body):
            for target, value in assign_targets(node):
                if isinstance(value, cst.Name) and value.value == expr.value:
                    stored = is_self_attr(target, fn.func)
                    if stored is not None:
                        return stored
        return None


def _methods(klass: cst.ClassDef, name: str) -> List[cst.FunctionDef]:
    return [s for s in klass.body.body if isinstance(s, cst.FunctionDef) and s.name.value == name]


def _defines(klass: cst.ClassDef, name: str) -> bool:
    return bool(_methods(klass, name))
