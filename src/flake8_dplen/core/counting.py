"""The model the rounding rules and their fixes rest on: when does rounding `a / b` on the
way to `__len__` really disagree with the batches `__iter__` yields?

`__iter__` yields ceil(a / b) batches when it yields full batches of `b` and then a short
tail, and floor(a / b) when it drops the tail. A rounding is judged only when all of these
hold, since each is where real code is right far more often than wrong:
- it rounds a ratio whose divisor is a size `__iter__` batches by (not a chunk size, an
  offset or a factor: `floor(n / k)`, `consumed // world_size`, `round(bs * 0.707)`);
- nothing corrects its floor (`+ (1 if a % b else 0)`, `+ bool(a % b)`, `q += 1` under
  `if a % b`, `(a + b - 1) / b`, `-int(-a / b)`);
- `__iter__` shows which of the two it yields on the value's path (a tail `yield`, a
  stepped slice, a per-batch split; or a `drop_last` guard).
Where any of these is unknown there is no finding: the analysis cannot tell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

from . import syntax as cst
from .classindex import strip_parens
from .context import SamplerContext
from .flow import Reached
from .guards import DROP, KEEP, drop_last_test
from .iterfacts import FULL, YES, self_attrs_in
from .itershape import SAMPLE
from .rounding import is_ceil_idiom, qualified_callee

CEIL = "ceil"  # __iter__ yields the tail on this path
CEIL_UNLESS_DROP_LAST = "ceil unless drop_last"  # the value serves both drop_last paths
FLOOR = "floor"  # __iter__ drops the tail on this path
# The value is the drop_last path's, but __iter__ yields the tail whatever drop_last says:
# one of the two sides is wrong, and only the user can say which.
TAIL_DESPITE_DROP_LAST = "tail despite drop_last"


def ratio_parts(
    arg: cst.BaseExpression,
) -> Optional[Tuple[Tuple[cst.BaseExpression, ...], cst.BaseExpression]]:
    """(factors of the numerator, denominator) for `a / b`, `a * (b / c)`, `a * b / c`."""
    arg = strip_parens(arg)
    if not isinstance(arg, cst.BinaryOperation):
        return None
    if isinstance(arg.operator, cst.Divide):
        return (arg.left,), arg.right
    if isinstance(arg.operator, cst.Multiply):
        inner = strip_parens(arg.right)
        if isinstance(inner, cst.BinaryOperation) and isinstance(inner.operator, cst.Divide):
            return (arg.left, inner.left), inner.right
    return None


def single_value(ctx: SamplerContext, expr: cst.BaseExpression, site: Reached) -> cst.BaseExpression:
    """The one value a local name was set to, or the expression itself."""
    if isinstance(expr, cst.Name) and site.fn is not None:
        follow = ctx.flow.follow(expr, site.fn)
        if follow is not None and len(follow[1]) == 1 and follow[1][0][1] is site.fn:
            return follow[1][0][0]
    return expr


@dataclass(frozen=True)
class BatchRatio:
    """A count of batches in `__len__`: what it divides, by what, and what `__iter__` yields."""

    factors: Sequence[cst.BaseExpression]  # the numerator's factors
    divisor: cst.BaseExpression  # a size __iter__ batches by
    yielded: str  # CEIL, CEIL_UNLESS_DROP_LAST or FLOOR
    division: Optional[cst.BinaryOperation] = None  # the `a / b` or `a // b` node, for a plain ratio
    target: Optional[cst.CSTNode] = None  # what a fix replaces: the rounding, or `-int(-x)` whole


# Odd roundings: f(-x) == -f(x), so a minus on each side cancels.
_ODD = {"int", "round", "math.trunc", "numpy.trunc", "torch.trunc"}
# Calls that carry a number through unchanged: `floor(torch.tensor(n / b))` rounds `n / b`.
_CARRIERS = {"float", "torch.tensor", "torch.as_tensor", "numpy.array", "numpy.asarray", "numpy.float64"}


def batch_ratio(ctx: SamplerContext, site: Reached, value: cst.BaseExpression) -> Optional[BatchRatio]:
    """The ratio a rounding call at `site` rounds, when the model can judge it."""
    expr = strip_parens(single_value(ctx, value, site))
    while (
        isinstance(expr, cst.Call)
        and len(expr.args) == 1
        and qualified_callee(expr, ctx.imports) in _CARRIERS
    ):
        expr = strip_parens(expr.args[0].value)
    parts = ratio_parts(expr)
    if parts is None:
        return None
    factors, divisor = parts
    divide = expr if isinstance(expr.operator, cst.Divide) else None
    return judge(ctx, site, factors, divisor, divide)


def ceiled_in_iter(ctx: SamplerContext, site: Reached, value: cst.BaseExpression) -> bool:
    """__iter__ loops `range(math.ceil(X))` over the very X this rounding floors: the two
    sides round one number two ways."""
    expr = strip_parens(single_value(ctx, value, site))
    if ctx.code(expr) not in ctx.iter.ceil_bounds or ctx.shape.endless is not None:
        return False
    if not _is_the_count(ctx, site.node):
        return False
    parts = ratio_parts(expr)
    return parts is None or not _corrected(
        ctx, site, (*parts, expr if isinstance(expr.operator, cst.Divide) else None)
    )


def judge(
    ctx: SamplerContext,
    site: Reached,
    factors: Sequence[cst.BaseExpression],
    divisor: cst.BaseExpression,
    division: Optional[cst.BinaryOperation],
) -> Optional[BatchRatio]:
    """`division` is the `a / b` or `a // b` node itself, when the ratio is one."""
    # An endless __iter__ yields no count at all (DPL106 says so), and one that yields single
    # indices no batches (a quotient there is a shard size): nothing to round to. One that
    # cuts groups separately by this size yields a sum of ceilings, which no rounding of
    # the total gives: DPL110 judges it, and a ceiling "fix" would still be wrong (batches
    # split into pieces of M, opacus's, are the rounding rules' own sum: DPL105).
    if site.fn is None or ctx.shape.endless is not None or ctx.shape.unit == SAMPLE:
        return None
    per_group = ctx.shape.group_tail or ctx.shape.group_drop
    if per_group is not None and ctx.module.code_for_node(divisor) not in ctx.iter.splits_by:
        return None
    if not _batched_by(ctx, site, divisor):
        return None
    target = site.node
    outer = site.fn.parents.get(site.node)
    if division is not None and _minus(division.left) and _minus(outer):
        if not _odd(ctx, site.node):
            return None  # -floor(-x) and -(-a // b) are ceilings
        # int(), trunc() and round() are odd: -int(-x) is int(x), a floor all the same.
        factors, target = (division.left.expression,), outer
    if not _is_the_count(ctx, target) or _corrected(ctx, site, (factors, divisor, division)):
        return None
    yielded = _yielded(ctx, site)
    return None if yielded is None else BatchRatio(tuple(factors), divisor, yielded, division, target)


def _minus(node: Optional[cst.CSTNode]) -> bool:
    return isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus)


def _odd(ctx: SamplerContext, node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Call) and qualified_callee(node, ctx.imports) in _ODD


def _corrected(
    ctx: SamplerContext,
    site: Reached,
    ratio: Tuple[Sequence[cst.BaseExpression], cst.BaseExpression, Optional[cst.BinaryOperation]],
) -> bool:
    """A remainder correction or a ceiling idiom (`(a + b - 1) / b`, `(a - 1) // b + 1`)
    makes the floor right. `ratio` is judge()'s (factors, divisor, division)."""
    factors, divisor, division = ratio
    if len(factors) == 1 and ctx.remainder_taken(factors[0], divisor, site.fn):
        return True
    if len(factors) == 1 and _whole_batches(ctx, factors[0], divisor, site):
        return True
    if division is None or _minus(division.left):  # the minuses are judge()'s
        return False
    return is_ceil_idiom(division, site.fn.parents.get(site.node), ctx.code)


def _whole_batches(ctx: SamplerContext, top: cst.BaseExpression, divisor: cst.BaseExpression, site: Reached) -> bool:
    """`self.n` whose every assignment cuts it to whole batches of the divisor
    (`self.n = n - n % bs`, `(n // bs) * bs`): no tail is left to count, and the floor is
    the count."""
    attr = ctx.as_self_attr(top, site.fn)
    by = ctx.as_self_attr(divisor, site.fn)
    assigned = ctx.index.self_assignments(attr) if attr is not None and by is not None else []
    # Under `if self.drop_last:` only the value the constructor cut under drop_last counts.
    guard = site.guard[0] if site.guard else None
    return bool(assigned) and all(_cut_by(ctx, value, by, method, guard) for value, method in assigned)


def _cut_by(
    ctx: SamplerContext, value: cst.BaseExpression, by: str, method: cst.FunctionDef, guard: Optional[str]
) -> bool:
    """`value` is `x - x % B` or `(x // B) * B` (either order), B the attribute `by`; an
    `a if drop_last else b` is the branch of the drop_last state ``guard`` says."""
    value = strip_parens(value)
    if isinstance(value, cst.IfExp) and guard is not None:
        test = drop_last_test(value.test)
        if test is not None:
            return _cut_by(ctx, value.body if test[0] == guard else value.orelse, by, method, guard)
    if not isinstance(value, cst.BinaryOperation):
        return False
    fn = ctx.index.function(method)

    def is_by(node: cst.BaseExpression) -> bool:
        return ctx.as_self_attr(node, fn) == by

    def split(node: cst.BaseExpression, operator) -> bool:
        node = strip_parens(node)
        return isinstance(node, cst.BinaryOperation) and isinstance(node.operator, operator) and is_by(node.right)

    if isinstance(value.operator, cst.Subtract):
        return split(value.right, cst.Modulo)
    if isinstance(value.operator, cst.Multiply):
        return (split(value.left, cst.FloorDivide) and is_by(value.right)) or (
            split(value.right, cst.FloorDivide) and is_by(value.left)
        )
    return False


def _is_the_count(ctx: SamplerContext, node: cst.CSTNode) -> bool:
    """The rounding's value is what __len__ returns, unchanged (through locals, attributes,
    properties, helpers and conditional branches), or a term of a sum of other counts
    (`self.offset + int(n / b)`): then what the rounding loses, len() loses. Inside other
    arithmetic it cannot tell: `int(n / b) + 1` is a (wrong) tail correction, not a count."""
    work = list(ctx.len_roots())
    seen = set()
    while work:
        expr, fn = work.pop()
        if expr is node:
            return True
        if id(expr) in seen:
            continue
        seen.add(id(expr))
        if isinstance(expr, cst.IfExp):
            work += [(expr.body, fn), (expr.orelse, fn)]
            continue
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Add):
            sides = (expr.left, expr.right)
            if not any(_nonzero_literal(side) for side in sides):
                work += [(side, fn) for side in sides]
            continue
        if (
            isinstance(expr, cst.Call)
            and len(expr.args) == 1
            and qualified_callee(expr, ctx.imports) == "int"
        ):
            # int(numpy.floor(x)): the int only changes the type.
            work.append((expr.args[0].value, fn))
            continue
        follow = ctx.flow.follow(expr, fn)
        if follow is not None:
            work += follow[1]
    return False


def _nonzero_literal(node: cst.BaseExpression) -> bool:
    node = strip_parens(node)
    return isinstance(node, (cst.Integer, cst.Float)) and float(node.evaluated_value) != 0


def _batched_by(ctx: SamplerContext, site: Reached, divisor: cst.BaseExpression) -> bool:
    divisor = strip_parens(divisor)
    if isinstance(divisor, cst.Integer):
        return divisor.value in ctx.iter.steps
    return ctx.as_self_attr(divisor, site.fn) in ctx.iter.batch_sizes


def _yielded(ctx: SamplerContext, site: Reached) -> Optional[str]:
    guard = site.guard[0] if site.guard else None
    partial = ctx.iter.partial
    if guard == DROP:
        return TAIL_DESPITE_DROP_LAST if partial == YES else FLOOR
    if partial == YES or (partial == KEEP and guard == KEEP):
        return CEIL
    if partial == KEEP:
        return CEIL_UNLESS_DROP_LAST
    return FLOOR if partial == FULL else None


def counted_apart(ctx: SamplerContext, site: Reached, ratio: BatchRatio) -> Optional[str]:
    """Why no rounding of ``ratio`` is shown to be the count, where its numerator reads
    attributes of self none of which __iter__ reads (`len(self.lengths)` where it batches
    `self.keep`, a filtered subset): the rounding is judged, but what a fix counts is not
    what __iter__ walks. None where it reads one of them, or no attribute at all."""
    if site.fn is None:
        return None
    counted = {a for factor in ratio.factors for a in self_attrs_in(factor, site.fn)}
    # What they are set from counts too (`self.num_groups = len(self.members)`).
    made_from = {
        a
        for attr in counted
        for value, method in ctx.index.self_assignments(attr)
        for a in self_attrs_in(value, ctx.index.function(method))
    }
    if not counted or (counted | made_from) & ctx.iter.attrs:
        return None
    names = ", ".join(f"self.{a}" for a in sorted(counted))
    return f"__iter__ never reads {names}: count what it walks"


def one_short(ratio: BatchRatio) -> bool:
    """`(a - 1) // b`: a ceiling spelled without its `+ 1`. The items counted are `a`, not
    the numerator, so the model's numbers and its ceiling of the numerator do not apply."""
    if len(ratio.factors) != 1:
        return False
    top = strip_parens(ratio.factors[0])
    return (
        isinstance(top, cst.BinaryOperation)
        and isinstance(top.operator, cst.Subtract)
        and isinstance(top.right, cst.Integer)
        and top.right.value == "1"
    )


ONE_SHORT = (
    "(a - 1) // b is one batch short of ceil(a / b) for every a >= 1: write (a - 1) // b + 1 or -(-a // b)"
)


def counterexample(ctx: SamplerContext, ratio: BatchRatio) -> str:
    """A concrete input on which the rounding and __iter__ differ: for a plain `a / b`, and
    for opacus's `len(S) * (S.batch_size / M)` with S a batch sampler; other products'
    numbers depend on more than the model knows."""
    if one_short(ratio):
        return ""
    codes = [ctx.code(strip_parens(f)) for f in ratio.factors]
    if len(codes) == 2 and ratio.yielded == CEIL:
        wrapped = next((c[4:-1] for c in codes if c.startswith("len(") and c.endswith(")")), None)
        if wrapped is not None and f"{wrapped}.batch_size" in codes:
            # 10 samples in batches of 3 make 4 batches; split at 2 they give 2+2+2+1 pieces.
            return " (e.g. 10 samples in batches of 3, split by 2: 6, not 7 pieces)"
    if len(codes) != 1:
        return ""
    a, b = ctx.short(ratio.factors[0], 24), ctx.short(ratio.divisor, 24)
    if ratio.yielded == FLOOR:
        return f" (e.g. {a} = 5, {b} = 3: 2, not 1 full batch)"
    path = {CEIL_UNLESS_DROP_LAST: " unless drop_last", TAIL_DESPITE_DROP_LAST: " under drop_last too"}
    path = path.get(ratio.yielded, "")
    return f" (e.g. {a} = 4, {b} = 3: 1, not 2{path})"
