"""The count a rounding call on the way to __len__ is replaced with, by the model of
core/counting.py: what __iter__ yields on that path. A Fix, or why there is none.

Why `-(-a // b)` and not `math.ceil(a / b)` for integers: `a / b` goes through a float,
and a product of a float ratio can land just above an integer (7 * (58 / 7) ==
58.00000000000001, so ceil gives 59). Negated floor division is exact for ints of any
size, needs no import, and names each operand once.
"""

from __future__ import annotations

from ..core import syntax as cst
from ..core.context import Fix, Proposal, SamplerContext
from ..core.counting import (
    CEIL,
    CEIL_UNLESS_DROP_LAST,
    FLOOR,
    ONE_SHORT,
    TAIL_DESPITE_DROP_LAST,
    BatchRatio,
    counted_apart,
    one_short,
)
from ..core.flow import Reached
from ..core.numeric import may_be_fractional, provably_int
from ..core.rounding import rounded_value
from .aggregate import aggregate_ratio, per_batch_count
from .codegen import ceil_div, ceil_spelling, floor_div, strip_parens
from .lazy import L, comments, parsed, trivia

WHICH_SIDE = (
    "__iter__ yields the partial batch even when drop_last is true: make __iter__ drop it, or count it here"
)


def exact_count(ctx: SamplerContext, site: Reached, ratio: BatchRatio) -> Proposal:
    """What replaces the rounding call at `site`, which rounds `ratio`."""
    if ratio.yielded == CEIL_UNLESS_DROP_LAST:
        return "ceil is right only when drop_last is false, and this value is used on both paths"
    if ratio.yielded == TAIL_DESPITE_DROP_LAST:
        return WHICH_SIDE
    if one_short(ratio):
        return ONE_SHORT
    call: cst.Call = site.node
    arg = rounded_value(call)
    agg = aggregate_ratio(ctx, arg, site)
    apart = None if agg is not None else counted_apart(ctx, site, ratio)
    if apart is not None:
        return apart
    if agg is None and ratio.yielded == CEIL and any(may_be_fractional(ctx, f, site.fn) for f in ratio.factors):
        # `int(self.n * self.frac / b)`: __iter__ walks a whole number of items, some
        # rounding of n * frac, and the ceiling of the unrounded quotient is not its count.
        return "the items counted may be a fraction, and __iter__ walks a whole number of them: count those"
    if agg is not None:
        if ratio.yielded == FLOOR:
            return "under drop_last the count is the full pieces only, which no single rounding gives"
        return per_batch_count(ctx, site, agg)
    unsure = [node for node in (*ratio.factors, ratio.divisor) if not provably_int(ctx, node, site.fn)]
    operator = ratio.division.operator if ratio.division is not None else None
    target = ratio.target or call
    if not unsure:
        build = floor_div if ratio.yielded == FLOOR else ceil_div
        replacement = build(ratio.factors, ratio.divisor, operator)
        return keeping_comments(target, Fix(target, in_parens_of(replacement, target)))
    if ratio.yielded == FLOOR:
        names = ", ".join(ctx.short(node, 40) for node in unsure)
        return (
            f"{names} {'is' if len(unsure) == 1 else 'are'} not provably an int (annotate it `: int`, "
            "or pass it to range() in __iter__), "
            "so `//` might not give an int: write the floor by hand"
        )
    if target is not call:
        return "-int(-x) truncates like int(x); write the ceiling of x by hand"
    return math_ceil(ctx, site, arg)


def math_ceil(ctx: SamplerContext, site: Reached, arg: cst.BaseExpression) -> Proposal:
    scope = (site.fn.locals.keys() | site.fn.params.keys()) if site.fn is not None else ()
    spelled = ceil_spelling(ctx, scope)
    if spelled is None:
        return "`math` is rebound where the fix would call math.ceil; rename it or write the ceiling by hand"
    spelling, needs = spelled
    node = site.node
    call = L.Call(func=parsed(spelling), args=[L.Arg(strip_parens(arg))])
    return keeping_comments(node, Fix(node, in_parens_of(call, node), needs))


def in_parens_of(replacement, old: cst.CSTNode):
    """`replacement` in the parentheses `old` stood in (none when it had none)."""
    return replacement.with_changes(lpar=trivia(old, "lpar"), rpar=trivia(old, "rpar"))


def keeping_comments(old: cst.CSTNode, fix: Fix) -> Proposal:
    """A fix that would delete a comment is no safe fix (counted on the model)."""
    if sorted(cst.comments(old)) != sorted(comments(fix.replacement)):
        return "a rewrite would drop the comments inside this expression; move them out, then rerun"
    return fix
