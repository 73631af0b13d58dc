"""Small helpers that turn operands into source text for the fixes."""

from __future__ import annotations

from typing import Container, FrozenSet, Optional, Sequence, Tuple, Union

from ..core import syntax as cst
from ..core.classindex import strip_parens
from ..core.context import SamplerContext
from .lazy import L, Lazy, changed, kind_of, parsed, trivia

_ATOMS = (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.Integer)
_ATOM_NAMES = frozenset(kind.__name__ for kind in _ATOMS)


def operand(ctx: SamplerContext, node: cst.BaseExpression) -> str:
    text = ctx.code(node.with_changes(lpar=[], rpar=[]) if node.lpar else node)
    return text if isinstance(node, _ATOMS) else f"({text})"


def parse_like(code: str, like: cst.BaseExpression) -> Lazy:
    """Parse `code` to stand where `like` stood, keeping `like`'s own parentheses."""
    made = parsed(code)
    return made.with_changes(lpar=trivia(like, "lpar"), rpar=trivia(like, "rpar")) if like.lpar else made


def _grouped(node):
    """`node` as an operand of a tighter operator: parenthesised unless it is an atom."""
    node = strip_parens(node)
    return (
        node if kind_of(node) in _ATOM_NAMES else changed(node, lpar=[L.LeftParen()], rpar=[L.RightParen()])
    )


def _product(factors: Sequence) -> Union[cst.BaseExpression, Lazy]:
    expr = strip_parens(factors[0])
    for factor in factors[1:]:
        expr = L.BinaryOperation(_grouped(expr), L.Multiply(), _grouped(factor))
    return expr


def floor_div(
    factors: Sequence, divisor: cst.BaseExpression, operator: Optional[cst.BaseBinaryOp] = None
) -> Lazy:
    """`a // b` built from the original nodes, so comments inside them survive; `operator`
    is the `/` or `//` it replaces, whose surrounding whitespace (and comments) it keeps."""
    spacing = {}
    if operator is not None:
        spacing = {
            "whitespace_before": trivia(operator, "whitespace_before"),
            "whitespace_after": trivia(operator, "whitespace_after"),
        }
    left = _product(factors)
    # Unary minus binds tighter than `//`: `-a // b` needs no parentheses.
    left = left if kind_of(left) == "UnaryOperation" else _grouped(left)
    return L.BinaryOperation(left, L.FloorDivide(**spacing), _grouped(divisor))


def ceil_div(
    factors: Sequence, divisor: cst.BaseExpression, operator: Optional[cst.BaseBinaryOp] = None
) -> Lazy:
    """`-(-a // b)`, exact for ints of any size, from the original nodes."""
    numerator = L.UnaryOperation(L.Minus(), _grouped(_product(factors)))
    inner = floor_div([numerator], divisor, operator)
    return L.UnaryOperation(L.Minus(), inner.with_changes(lpar=[L.LeftParen()], rpar=[L.RightParen()]))


def ceil_spelling(ctx: SamplerContext, scope: Container[str]) -> Optional[Tuple[str, FrozenSet[str]]]:
    """How to call math.ceil at a place whose function binds the names in `scope`, and the
    import that needs adding; None when every spelling is taken there (a local `math`)."""
    spelling = ctx.imports.local_spelling("math.ceil")
    if spelling and spelling.split(".")[0] not in scope:
        return spelling, frozenset()
    if "math" not in scope and ctx.imports.bindings.get("math", "math") == "math":
        return "math.ceil", frozenset() if ctx.imports.bindings.get("math") else frozenset({"math"})
    return None
