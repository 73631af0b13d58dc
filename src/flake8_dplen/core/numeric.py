"""Is a traced value surely whole, or possibly fractional? Decides DPL101 and which fix is exact."""

from __future__ import annotations

from typing import Optional, Set

from . import syntax as cst
from .classindex import FunctionIndex
from .context import SamplerContext
from .rounding import is_float_source, is_integral_call

_INT_OPS = (cst.Add, cst.Subtract, cst.Multiply, cst.FloorDivide, cst.Modulo)


def may_be_fractional(ctx: SamplerContext, expr: cst.BaseExpression, fn: Optional[FunctionIndex]) -> bool:
    """True when a `/`, a float literal, a float call or a float-like name feeds `expr`
    other than through a call that returns a whole number (len, int, ceil, //)."""

    def whole(node):
        return is_integral_call(node, ctx.imports, int_type=False)

    for reached in ctx.flow.reach([(expr, fn)], stop=whole):
        if whole(reached.node):
            continue
        params = reached.fn.params if reached.fn is not None else None
        if is_float_source(reached.node, ctx.imports, params):
            return True
    return False


def provably_int(
    ctx: SamplerContext,
    expr: cst.BaseExpression,
    fn: Optional[FunctionIndex],
    _seen: Optional[Set[int]] = None,
) -> bool:
    """True only when every path makes `expr` an int: integer literals, len(), int(), //,
    parameters annotated `int`, and arithmetic over those."""
    seen = _seen if _seen is not None else set()
    if id(expr) in seen:
        return False
    seen.add(id(expr))
    if (
        isinstance(expr, cst.Integer)
        or is_integral_call(expr, ctx.imports)
        and not isinstance(expr, cst.BinaryOperation)
    ):
        return True
    if isinstance(expr, cst.BinaryOperation):
        return isinstance(expr.operator, _INT_OPS) and all(
            provably_int(ctx, side, fn, seen) for side in (expr.left, expr.right)
        )
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, (cst.Minus, cst.Plus)):
        return provably_int(ctx, expr.expression, fn, seen)
    if ctx.as_self_attr(expr, fn) in ctx.iter.range_attrs:
        return True
    if (
        isinstance(expr, cst.Name)
        and fn is not None
        and expr.value in fn.params
        and expr.value not in fn.locals
    ):
        annotation = fn.params[expr.value].annotation
        return annotation is not None and ctx.code(annotation.annotation) == "int"
    follow = ctx.flow.follow(expr, fn) if isinstance(expr, (cst.Name, cst.Attribute, cst.Call)) else None
    if follow is None:
        return False
    targets = follow[1]
    return bool(targets) and all(provably_int(ctx, value, target_fn, seen) for value, target_fn in targets)
