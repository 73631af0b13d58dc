"""The rules. Each is a small class with its code, what it means, and VALID / INVALID
examples that are both its documentation and its tests (tests/test_rule_examples.py
collects them all). A rule is written here once; flake8 and the codemod only present it."""

from __future__ import annotations

from typing import ClassVar, List, Optional, Sequence

import libcst as cst

from . import examples as ex
from .aggregate import aggregate_ratio, per_batch_count
from .fixes import ceil_floordiv, exact_site
from .flow import Reached
from .guards import DROP
from .iterfacts import KEEP, YES
from .model import Finding, Fix, SamplerContext
from .numeric import may_be_fractional
from .rounding import is_ceil_idiom, qualified_callee


class Rule:
    code: ClassVar[str]
    title: ClassVar[str]
    kinds: ClassVar[frozenset]
    VALID: ClassVar[Sequence[str]]
    INVALID: ClassVar[Sequence[str]]

    def check(self, ctx: SamplerContext, site: Reached, kind: str) -> Optional[Finding]:
        raise NotImplementedError

    def finding(self, ctx, site, message, proposal, at=None) -> Finding:
        if isinstance(proposal, Fix):
            return Finding(self.code, at or site.node, message, fix=proposal)
        return Finding(self.code, at or site.node, message, manual=proposal)


def _where(ctx: SamplerContext, site: Reached) -> str:
    """Name the path when the rounding happens outside __len__."""
    if site.fn is not None and site.fn.func.name.value == "__len__":
        return ""
    through = ", ".join(sorted(f"self.{name}" for name in site.via))
    return f" (reaches __len__ through {through})" if through else " (reaches __len__)"


def _arg(site: Reached) -> cst.BaseExpression:
    return site.node.args[0].value


def _floors_fractional(ctx: SamplerContext, site: Reached) -> bool:
    return may_be_fractional(ctx, _arg(site), site.fn)


def _under_drop_last(site: Reached) -> bool:
    return bool(site.guard) and site.guard[0] == DROP


class RoundingCall(Rule):
    """A rounding call on the way to __len__ whose fix is the exact ceiling."""

    def applies(self, ctx: SamplerContext, site: Reached) -> bool:
        raise NotImplementedError

    def describe(self, ctx: SamplerContext, site: Reached) -> str:
        raise NotImplementedError

    def check(self, ctx, site, kind):
        if ctx.consistent(site) or not self.applies(ctx, site):
            return None
        return self.finding(ctx, site, self.describe(ctx, site) + _where(ctx, site), exact_site(ctx, site))


class IntTruncation(RoundingCall):
    code = "DPL101"
    title = "int() truncates a fractional batch count"
    kinds = frozenset({"int"})
    VALID = ex.DPL101_VALID
    INVALID = ex.DPL101_INVALID

    def applies(self, ctx, site):
        return not _under_drop_last(site) and _floors_fractional(ctx, site)

    def describe(self, ctx, site):
        return (
            f"int() floors {ctx.short(_arg(site))}, so __len__ undercounts the final partial batch; "
            "use math.ceil"
        )


class FloorCall(RoundingCall):
    code = "DPL102"
    title = "floor() of a batch count"
    kinds = frozenset({"floor"})
    VALID = ex.DPL102_VALID
    INVALID = ex.DPL102_INVALID

    def applies(self, ctx, site):
        return not _under_drop_last(site)

    def describe(self, ctx, site):
        callee = qualified_callee(site.node, ctx.imports)
        return (
            f"{callee}() floors {ctx.short(_arg(site))}, so __len__ undercounts the final partial batch; "
            "use math.ceil"
        )


class RoundCall(RoundingCall):
    code = "DPL104"
    title = "round() of a batch count"
    kinds = frozenset({"round"})
    VALID = ex.DPL104_VALID
    INVALID = ex.DPL104_INVALID

    def applies(self, ctx, site):
        # Half-to-even is wrong whatever drop_last says: round(3.5) counts a batch too many.
        return _floors_fractional(ctx, site)

    def describe(self, ctx, site):
        return (
            f"round() of {ctx.short(_arg(site))} rounds half to even, so __len__ is off by one "
            "for some sizes; use math.ceil, or // under drop_last"
        )


class FloorDivision(Rule):
    code = "DPL103"
    title = "// drops the partial batch __iter__ yields"
    kinds = frozenset({"floordiv"})
    VALID = ex.DPL103_VALID
    INVALID = ex.DPL103_INVALID

    def check(self, ctx, site, kind):
        node: cst.BinaryOperation = site.node
        parent = site.fn.parents.get(node) if site.fn is not None else None
        if (
            is_ceil_idiom(node, parent, ctx.code)
            or ctx.consistent(site)
            or ctx.remainder_taken(node, site.fn)
        ):
            return None
        if _under_drop_last(site):
            return None
        if ctx.iter.partial not in (YES, KEEP):
            return None
        if ctx.as_self_attr(node.right, site.fn) not in ctx.iter.attrs:
            # Not divided by a size __iter__ batches by (`len(pairs) // 2`): not a batch count.
            return None
        tail = "yields" if ctx.iter.partial == YES else "yields when drop_last is false"
        message = (
            f"{ctx.short(node)} floors, but __iter__ {tail} a final partial batch, so __len__ undercounts; "
            f"use ceiling division -(-a // b){_where(ctx, site)}"
        )
        return self.finding(ctx, site, message, ceil_floordiv(ctx, site), at=node.operator)


class AggregateRatio(Rule):
    code = "DPL105"
    title = "ceil of an aggregate ratio where __iter__ splits batch by batch"
    kinds = frozenset({"ceil"})
    VALID = ex.DPL105_VALID
    INVALID = ex.DPL105_INVALID

    def check(self, ctx, site, kind):
        if ctx.consistent(site):
            return None
        agg = aggregate_ratio(ctx, _arg(site), site)
        if agg is None:
            return None
        m = ctx.short(agg.divisor)
        message = (
            f"ceil of {ctx.short(_arg(site))} is not the batch count: __iter__ splits each batch of "
            f"{ctx.short(agg.wrapped)} into ceil(len(batch) / {m}) pieces, and a sum of ceilings is not "
            f"the ceiling of the sum{_where(ctx, site)}"
        )
        return self.finding(ctx, site, message, per_batch_count(ctx, site, _arg(site)))


class FragileTruncation(Rule):
    code = "DPL201"
    title = "float truncation that both __len__ and __iter__ use"
    kinds = frozenset({"int", "floor", "round"})
    VALID = ex.DPL201_VALID
    INVALID = ex.DPL201_INVALID

    def check(self, ctx, site, kind):
        if not ctx.consistent(site) or not _floors_fractional(ctx, site):
            return None
        name = "int" if kind == "int" else qualified_callee(site.node, ctx.imports)
        message = (
            f"{name}() of {ctx.short(_arg(site))} also bounds __iter__, so len() agrees, but float "
            f"rounding can lose a step (int(1 / (1 / 93)) == 92); count with integers"
            f"{_where(ctx, site)}"
        )
        return Finding(
            self.code, site.node, message, manual="changing it changes how many batches are yielded"
        )


RULES: List[Rule] = [
    IntTruncation(),
    FloorCall(),
    FloorDivision(),
    RoundCall(),
    AggregateRatio(),
    FragileTruncation(),
]
