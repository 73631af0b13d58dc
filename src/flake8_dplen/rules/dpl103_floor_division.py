"""// drops the partial batch __iter__ yields.

Shown: invalid_floor_division_with_tail, valid_torch_batch_sampler_under_drop

## What it does
Reports `a // b` that counts the batches `__len__` returns while `__iter__` also yields
the short remainder (always, or when `drop_last` is false).
{FLOORED_COUNT}

## Why is this bad
`//` counts full batches only. When `__iter__` also yields the short remainder, `len()`
is one short for every size that is not a multiple of the batch size.

## Use instead
Ceiling division `-(-a // b)`, or `a // b if self.drop_last else -(-a // b)` when both
paths exist. `//` itself is as common in correct samplers as in broken ones, so the rule
speaks only with evidence of a yielded tail.

## Fix safety
Safe when the tail is yielded on the value's path; when it is yielded only without
`drop_last`, the fix splits on `self.drop_last` and is written only inside `__len__`.
Otherwise manual, with the reason.

## Known problems
A tail that `__iter__` yields through a helper it calls is not seen, so no finding.
"""

from __future__ import annotations

from ..core import syntax as cst
from ..core.context import Fix, Proposal, SamplerContext
from ..core.counting import (
    CEIL,
    CEIL_UNLESS_DROP_LAST,
    ONE_SHORT,
    TAIL_DESPITE_DROP_LAST,
    BatchRatio,
    counted_apart,
    judge,
    one_short,
)
from ..core.flow import Reached
from ..fixes.ceil import WHICH_SIDE, in_parens_of, keeping_comments
from ..fixes.codegen import ceil_div, floor_div
from ..fixes.lazy import L
from .base import Rule, rounding_example, where


def _ceil_floordiv(ctx: SamplerContext, site: Reached, ratio: BatchRatio) -> Proposal:
    """`a // b` -> `-(-a // b)` where the tail is yielded; split on drop_last where both happen."""
    node: cst.BinaryOperation = site.node
    if one_short(ratio):
        return ONE_SHORT
    apart = counted_apart(ctx, site, ratio)
    if apart is not None:
        return apart
    ceil = ceil_div([node.left], node.right, node.operator)
    if ratio.yielded == CEIL:
        return keeping_comments(node, Fix(node, in_parens_of(ceil, node)))
    if ratio.yielded == TAIL_DESPITE_DROP_LAST:
        return WHICH_SIDE
    drop_last = ctx.iter.drop_last
    if drop_last is None or site.fn is None or site.fn.func.name.value != "__len__":
        return "the count must differ by drop_last, and no `self.drop_last` is in reach here"
    floor = floor_div([node.left], node.right, node.operator)
    both = L.IfExp(test=drop_last, body=floor, orelse=ceil, lpar=[L.LeftParen()], rpar=[L.RightParen()])
    return keeping_comments(node, Fix(node, both))


class FloorDivision(Rule):
    kinds = frozenset({"floordiv"})

    def check(self, ctx, site, kind):
        node: cst.BinaryOperation = site.node
        if ctx.consistent(site):
            return None
        ratio = judge(ctx, site, (node.left,), node.right, node)
        if ratio is None or ratio.yielded not in (CEIL, CEIL_UNLESS_DROP_LAST, TAIL_DESPITE_DROP_LAST):
            return None
        head = "// drops the partial batch __iter__ yields"
        example = rounding_example(ctx, ratio, head + where(site))
        # The example names the drop_last path; without one, the message does.
        tail = (
            ""
            if example
            else {CEIL: "", CEIL_UNLESS_DROP_LAST: " when drop_last is false"}.get(
                ratio.yielded, " even under drop_last"
            )
        )
        message = f"{head}{tail}{example}{where(site)}"
        return self.finding(ctx, site, message, _ceil_floordiv(ctx, site, ratio), at=node.operator)
