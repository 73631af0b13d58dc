"""Small helpers that turn operands into source text for the fixes."""

from __future__ import annotations

from typing import Container, FrozenSet, List, Optional, Sequence, Tuple

import libcst as cst

from ..core.classindex import strip_parens
from ..core.context import SamplerContext

_ATOMS = (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.Integer)


def operand(ctx: SamplerContext, node: cst.BaseExpression) -> str:
    text = ctx.code(node.with_changes(lpar=[], rpar=[]) if node.lpar else node)
    return text if isinstance(node, _ATOMS) else f"({text})"


def parse_like(code: str, like: cst.BaseExpression) -> cst.BaseExpression:
    """Parse `code` to stand where `like` stood, keeping `like`'s own parentheses."""
    parsed = cst.parse_expression(code)
    return parsed.with_changes(lpar=like.lpar, rpar=like.rpar) if like.lpar else parsed


def _grouped(node: cst.BaseExpression) -> cst.BaseExpression:
    """`node` as an operand of a tighter operator: parenthesised unless it is an atom."""
    node = strip_parens(node)
    return (
        node
        if isinstance(node, _ATOMS)
        else node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    )


def _product(factors: Sequence[cst.BaseExpression]) -> cst.BaseExpression:
    expr = strip_parens(factors[0])
    for factor in factors[1:]:
        expr = cst.BinaryOperation(_grouped(expr), cst.Multiply(), _grouped(factor))
    return expr


def floor_div(
    factors: Sequence[cst.BaseExpression],
    divisor: cst.BaseExpression,
    operator: Optional[cst.BaseBinaryOp] = None,
) -> cst.BinaryOperation:
    """`a // b` built from the original nodes, so comments inside them survive; `operator`
    is the `/` or `//` it replaces, whose surrounding whitespace (and comments) it keeps."""
    spacing = {}
    if operator is not None:
        spacing = {
            "whitespace_before": operator.whitespace_before,
            "whitespace_after": operator.whitespace_after,
        }
    left = _product(factors)
    # Unary minus binds tighter than `//`: `-a // b` needs no parentheses.
    left = left if isinstance(left, cst.UnaryOperation) else _grouped(left)
    return cst.BinaryOperation(left, cst.FloorDivide(**spacing), _grouped(divisor))


def ceil_div(
    factors: Sequence[cst.BaseExpression],
    divisor: cst.BaseExpression,
    operator: Optional[cst.BaseBinaryOp] = None,
) -> cst.UnaryOperation:
    """`-(-a // b)`, exact for ints of any size, from the original nodes."""
    numerator = cst.UnaryOperation(cst.Minus(), _grouped(_product(factors)))
    inner = floor_div([numerator], divisor, operator)
    return cst.UnaryOperation(
        cst.Minus(), inner.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    )


class _Comments(cst.CSTVisitor):
    # The analysis' own walk leaves whitespace out, and comments live in it.
    def __init__(self) -> None:
        self.found: List[str] = []

    def visit_Comment(self, node: cst.Comment) -> None:
        self.found.append(node.value)


def comments(node: cst.CSTNode) -> List[str]:
    visitor = _Comments()
    node.visit(visitor)
    return visitor.found


def ceil_spelling(ctx: SamplerContext, scope: Container[str]) -> Optional[Tuple[str, FrozenSet[str]]]:
    """How to call math.ceil at a place whose function binds the names in `scope`, and the
    import that needs adding; None when every spelling is taken there (a local `math`)."""
    spelling = ctx.imports.local_spelling("math.ceil")
    if spelling and spelling.split(".")[0] not in scope:
        return spelling, frozenset()
    if "math" not in scope and ctx.imports.bindings.get("math", "math") == "math":
        return "math.ceil", frozenset() if ctx.imports.bindings.get("math") else frozenset({"math"})
    return None
