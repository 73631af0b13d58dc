"""Small helpers that turn operands into source text for the fixes."""

from __future__ import annotations

from typing import FrozenSet, Optional, Tuple

import libcst as cst

from ..core.context import SamplerContext

_ATOMS = (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.Integer)


def operand(ctx: SamplerContext, node: cst.BaseExpression) -> str:
    text = ctx.code(node.with_changes(lpar=[], rpar=[]) if node.lpar else node)
    return text if isinstance(node, _ATOMS) else f"({text})"


def strip_parens(node: cst.BaseExpression) -> cst.BaseExpression:
    return node.with_changes(lpar=[], rpar=[]) if getattr(node, "lpar", None) else node


def parse_like(code: str, like: cst.BaseExpression) -> cst.BaseExpression:
    """Parse `code` to stand where `like` stood, keeping `like`'s own parentheses."""
    parsed = cst.parse_expression(code)
    return parsed.with_changes(lpar=like.lpar, rpar=like.rpar) if like.lpar else parsed


def ceil_div_code(ctx: SamplerContext, numerator: cst.BaseExpression, denominator: cst.BaseExpression) -> str:
    return f"-(-{operand(ctx, numerator)} // {operand(ctx, denominator)})"


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


def ceil_spelling(ctx: SamplerContext) -> Tuple[str, FrozenSet[str]]:
    """How to call math.ceil in this module, and the import that needs adding, if any."""
    spelling = ctx.imports.local_spelling("math.ceil")
    return (spelling, frozenset()) if spelling else ("math.ceil", frozenset({"math"}))
