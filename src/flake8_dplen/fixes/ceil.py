"""The exact-ceiling rewrite the rounding rules (DPL101, DPL102, DPL104) share: a Fix, or
the reason no safe fix exists.

Why `-(-a // b)` and not `math.ceil(a / b)` for integers: `a / b` goes through a float,
and a product of a float ratio can land just above an integer (7 * (58 / 7) ==
58.00000000000001, so ceil gives 59). Negated floor division is exact for ints of any
size, needs no import, and names each operand once.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from ..core.context import Fix, Proposal, SamplerContext
from ..core.flow import Reached
from ..core.iterfacts import KEEP, YES
from ..core.numeric import provably_int
from .aggregate import aggregate_ratio, per_batch_count
from .codegen import ceil_spelling, operand, parse_like, ratio_parts, strip_parens


def partial_yielded(ctx: SamplerContext, site: Reached) -> Optional[str]:
    """None when a short final batch is yielded on the site's path, else why ceil may be wrong."""
    if ctx.iter.partial == YES or (site.guard and site.guard[0] == KEEP):
        return None
    if ctx.iter.partial == KEEP:
        return "ceil is right only when drop_last is false, and this value is used on both paths"
    return "__iter__ does not show whether the final partial batch is yielded, so ceil may overcount"


def ceil_of(ctx: SamplerContext, site: Reached, arg: cst.BaseExpression) -> Proposal:
    """Replace a flooring call of `arg` with the exact ceiling of `arg`."""
    reason = partial_yielded(ctx, site)
    if reason is not None:
        return reason
    agg = aggregate_ratio(ctx, arg, site)
    if agg is not None:
        return per_batch_count(ctx, site, agg)
    parts = ratio_parts(arg)
    if parts is not None and all(provably_int(ctx, p, site.fn) for p in (*parts[0], parts[1])):
        factors, denominator = parts
        numerator = " * ".join(operand(ctx, f) for f in factors)
        numerator = numerator if len(factors) == 1 else f"({numerator})"
        code = f"-(-{numerator} // {operand(ctx, denominator)})"
        return Fix(site.node, parse_like(code, site.node))
    return math_ceil(ctx, site.node, arg)


def math_ceil(ctx: SamplerContext, node: cst.CSTNode, arg: cst.BaseExpression) -> Fix:
    spelling, needs = ceil_spelling(ctx)
    call = cst.Call(func=cst.parse_expression(spelling), args=[cst.Arg(strip_parens(arg))])
    return Fix(node, call.with_changes(lpar=node.lpar, rpar=node.rpar), needs)


def exact_site(ctx: SamplerContext, site: Reached) -> Proposal:
    """The proposal for a rounding call site (int, floor, round, ceil)."""
    call: cst.Call = site.node
    return ceil_of(ctx, site, call.args[0].value)
