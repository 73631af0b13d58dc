"""The rewrites the rules propose. Each returns a Fix or the reason no safe fix exists.

Why `-(-a // b)` and not `math.ceil(a / b)` for integers: `a / b` goes through a float,
and a product of a float ratio can land just above an integer (7 * (58 / 7) ==
58.00000000000001, so ceil gives 59). Negated floor division is exact for ints of any
size, needs no import, and names each operand once.
"""

from __future__ import annotations

from typing import Optional, Union

import libcst as cst

from .aggregate import per_batch_count
from .codegen import ceil_div_code, ceil_spelling, operand, parse_like, ratio_parts, strip_parens
from .flow import Reached
from .iterfacts import KEEP, YES
from .model import Fix, SamplerContext
from .numeric import provably_int

Proposal = Union[Fix, str]  # a Fix, or why the finding needs a manual fix


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
    exact = per_batch_count(ctx, site, arg)
    if exact is not None:
        return exact
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


def ceil_floordiv(ctx: SamplerContext, site: Reached) -> Proposal:
    """`a // b` -> `-(-a // b)` where the tail is yielded; split on drop_last where both happen."""
    node: cst.BinaryOperation = site.node
    ceil_code = ceil_div_code(ctx, node.left, node.right)
    if ctx.iter.partial == YES or (site.guard and site.guard[0] == KEEP):
        return Fix(node, parse_like(ceil_code, node))
    drop_last = ctx.iter.drop_last
    if drop_last is None or site.fn is None or site.fn.func.name.value != "__len__":
        return "the count must differ by drop_last, and no `self.drop_last` is in reach here"
    floor_code = f"{operand(ctx, node.left)} // {operand(ctx, node.right)}"
    code = f"({floor_code} if {ctx.code(drop_last)} else {ceil_code})"
    return Fix(node, cst.parse_expression(code))


def exact_site(ctx: SamplerContext, site: Reached) -> Proposal:
    """The proposal for a rounding call site (int, floor, round, ceil)."""
    call: cst.Call = site.node
    return ceil_of(ctx, site, call.args[0].value)
