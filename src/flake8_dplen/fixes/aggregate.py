"""The aggregate-ratio pattern (opacus's BatchSplittingSampler): __iter__ splits every batch
of a wrapped sampler into ceil(len(batch) / M) pieces, while __len__ rounds
len(wrapped) * (batch_size / M) once. A sum of ceilings is not the ceiling of a sum, so no
rounding of that product is right; the count has to be built batch by batch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Union

from ..core import syntax as cst
from ..core.classindex import walk
from ..core.context import Fix, SamplerContext
from ..core.counting import ratio_parts, single_value
from ..core.flow import Reached
from ..core.names import len_arg
from ..core.numeric import provably_int
from ..core.rounding import is_float_source
from ..runtime.poisson import helper_source
from .codegen import ceil_spelling, operand, parse_like, strip_parens

_BATCH_SAMPLERS = {"torch.utils.data.BatchSampler", "torch.utils.data.sampler.BatchSampler"}


@dataclass(frozen=True)
class Aggregate:
    """`len(S) * k / M` read as its parts, where `__iter__` splits each batch of S by M."""

    wrapped: cst.BaseExpression  # S in len(S), a sampler __iter__ iterates batch by batch
    wrapped_len: cst.Call  # len(S) itself
    per_batch: List[cst.BaseExpression]  # the other numerator factors: the batch size
    divisor: cst.BaseExpression  # M, the same expression __iter__ splits by


def _factors(node: cst.BaseExpression) -> List[cst.BaseExpression]:
    node = strip_parens(node)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Multiply):
        return _factors(node.left) + _factors(node.right)
    return [node]


def _self_code(ctx: SamplerContext, expr: cst.BaseExpression, site: Reached) -> str:
    attr = ctx.as_self_attr(expr, site.fn)
    return f"self.{attr}" if attr is not None else ctx.code(expr)


def aggregate_ratio(ctx: SamplerContext, arg: cst.BaseExpression, site: Reached) -> Optional[Aggregate]:
    parts = ratio_parts(single_value(ctx, arg, site))
    pieces = ctx.iter.splits_by | ctx.iter.stepped_by
    if parts is None or site.fn is None or _self_code(ctx, parts[1], site) not in pieces:
        return None
    factors = [f for numerator in parts[0] for f in _factors(numerator)]
    for factor in factors:
        measured = len_arg(factor)
        if measured is not None and ctx.as_self_attr(measured, site.fn) in ctx.iter.iterated:
            rest = [f for f in factors if f is not factor]
            return Aggregate(measured, factor, rest, parts[1])
    return None


def _isinstance_guard(ctx: SamplerContext, site: Reached, subject: str) -> set:
    """Qualified class names `subject` is checked against by the `if`s enclosing the site."""
    names = set()
    child = site.node
    for parent in site.fn.ancestors(site.node):
        if isinstance(parent, cst.If) and child is parent.body:
            for node in walk(parent.test):
                if (
                    isinstance(node, cst.Call)
                    and isinstance(node.func, cst.Name)
                    and node.func.value == "isinstance"
                    and len(node.args) == 2
                    and ctx.code(node.args[0].value) == subject
                ):
                    names.add(ctx.imports.qualify(node.args[1].value))
        child = parent
    return names


def per_batch_count(ctx: SamplerContext, site: Reached, agg: Aggregate) -> Union[Fix, str]:
    """The exact count for the aggregate pattern at `site`, or why there is none."""
    wrapped = ctx.code(agg.wrapped)
    if not provably_int(ctx, agg.divisor, site.fn):
        return f"{ctx.short(agg.divisor)} is not provably an int, so an exact integer count cannot be written"
    batch_size = [ctx.code(f) for f in agg.per_batch]
    if batch_size == [f"{wrapped}.batch_size"] and _isinstance_guard(ctx, site, wrapped) & _BATCH_SAMPLERS:
        m = operand(ctx, agg.divisor)
        n = f"len({wrapped}.sampler)"
        b = f"{wrapped}.batch_size"
        code = f"{n} // {b} * -(-{b} // {m}) + (0 if {wrapped}.drop_last else -(-({n} % {b}) // {m}))"
        return Fix(site.node, parse_like(code, site.node))
    poisson = poisson_batch_size(ctx, agg, site)
    if poisson is not None:
        return _poisson_fix(ctx, site, agg, poisson)
    return (
        f"__iter__ splits each batch of {wrapped} into ceil(len(batch) / {ctx.short(agg.divisor)}) pieces; "
        "no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand"
    )


def poisson_batch_size(ctx: SamplerContext, agg: Aggregate, site: Reached) -> Optional[cst.BaseExpression]:
    """The `S.num_samples` of an expected batch size `S.<rate> * S.num_samples`: then the
    logical batches are Binomial(num_samples, rate) and the count is random."""
    if len(agg.per_batch) != 1:
        return None
    factors = _factors(single_value(ctx, agg.per_batch[0], site))
    wrapped = ctx.code(agg.wrapped)
    owned = [f for f in factors if isinstance(f, cst.Attribute) and ctx.code(f.value) == wrapped]
    if len(factors) != 2 or len(owned) != 2:
        return None
    rates = [f for f in owned if is_float_source(f, ctx.imports)]
    if len(rates) != 1:
        return None
    return next(f for f in owned if f is not rates[0])


def _poisson_fix(
    ctx: SamplerContext, site: Reached, agg: Aggregate, population: cst.BaseExpression
) -> Union[Fix, str]:
    # The mean count is steps * E[pieces per logical batch]; rounding it up keeps len()
    # within one batch of the expectation. The mean of a whole number of pieces comes out
    # of the float sums a few ulps above it (5 * 5113.0000000000055), and would be
    # rounded up a whole batch: the relative 1e-9 taken off first is far above that error
    # and far below a batch.
    helper = helper_source()
    name = helper.split("(", 1)[0].split()[-1]
    empty = "True" if ctx.iter.yields_empty else "False"
    mean = (
        f"{name}({ctx.code(population)}, {ctx.code(agg.per_batch[0])}, {ctx.code(agg.divisor)}, "
        f"empty_batch_counts={empty})"
    )
    scope = (site.fn.locals.keys() | site.fn.params.keys()) if site.fn else set()
    # The helper is added as a module-level def unless one is there: any other binding of
    # its name would be what the fix calls.
    defined = {s.name.value for s in ctx.module.body if isinstance(s, cst.FunctionDef)}
    if name in scope or (name in ctx.imports.bindings and name not in defined):
        return f"`{name}` is bound here already, and the fix would call it; rename it, then rerun"
    spelled = ceil_spelling(ctx, scope)
    if spelled is None:
        return "`math` is rebound where the fix would call math.ceil; rename it, then rerun"
    ceil, imports = spelled
    call = f"{ceil}(len({ctx.code(agg.wrapped)}) * {mean} * (1 - 1e-9))"
    return Fix(site.node, parse_like(call, site.node), imports, helper)
