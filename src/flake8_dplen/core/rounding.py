"""What a node does to a number: round it (and how), keep it integral, or make it a float."""

from __future__ import annotations

import re
from typing import Container, Optional

from . import syntax as cst
from .names import ImportTable, dotted

_FLOOR_FUNCS = {"math.floor", "math.trunc", "numpy.floor", "numpy.trunc", "torch.floor", "torch.trunc"}
_CEIL_FUNCS = {"math.ceil", "numpy.ceil", "torch.ceil"}
# Calls whose result is a float whatever their arguments are.
_FLOAT_FUNCS = {
    "float",
    "math.sqrt",
    "math.log",
    "math.log2",
    "math.log10",
    "math.exp",
    "numpy.mean",
    "statistics.mean",
}
_INT_FUNCS = {"len", "int", "math.ceil", "math.floor", "math.trunc", "math.prod", "math.comb", "math.gcd"}
# numpy and torch round to whole numbers but keep a float type.
_WHOLE_FUNCS = _INT_FUNCS | (_FLOOR_FUNCS | _CEIL_FUNCS) - {"math.trunc"}
_FLOATY_NAME = re.compile(r"(^|_)(rate|ratio|frac|fraction|prob|probability|percent|pct|proportion)$")


def qualified_callee(call: cst.Call, imports: ImportTable) -> Optional[str]:
    name = imports.qualify(call.func)
    if name is not None and name.startswith("np."):
        # `import numpy as np` is resolved by the table; a bare `np` without import is rare.
        return "numpy." + name[3:]
    return name


def rounding_kind(node: cst.CSTNode, imports: ImportTable, scope: Container[str] = ()) -> Optional[str]:
    """'int', 'floor', 'round', 'ceil' for rounding calls; 'floordiv' for `//`. A call
    through a name the enclosing function binds (`scope`: its locals and parameters) is not
    the builtin or the module function, whatever the imports say."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.FloorDivide):
        return "floordiv"
    if not isinstance(node, cst.Call):
        return None
    head = dotted(node.func)
    if head is None or head.split(".")[0] in scope:
        return None
    callee = qualified_callee(node, imports)
    positional = [a for a in node.args if a.keyword is None and not a.star]
    if callee == "int" and len(positional) == 1 and len(node.args) == 1:
        return "int"
    if callee == "round" and len(node.args) == 1:
        return "round"
    if callee in _FLOOR_FUNCS and len(node.args) == 1:
        return "floor"
    if callee in _CEIL_FUNCS and len(node.args) == 1:
        return "ceil"
    return None


def _minus_half(expr: cst.BaseExpression) -> Optional[cst.BaseExpression]:
    """x in `x - 0.5`."""
    if (
        isinstance(expr, cst.BinaryOperation)
        and isinstance(expr.operator, cst.Subtract)
        and isinstance(expr.right, cst.Float)
        and expr.right.value in {"0.5", ".5"}
    ):
        return expr.left
    return None


def rounded_value(call: cst.Call) -> cst.BaseExpression:
    """What a one-argument rounding call rounds: x for round(x - 0.5), which some code
    writes for a floor (it is not one: half to even makes round(0.5) 0), its argument else."""
    arg = call.args[0].value
    half = _minus_half(arg) if dotted(call.func) == "round" else None
    return arg if half is None else half


def is_integral_call(node: cst.CSTNode, imports: ImportTable, *, int_type: bool = True) -> bool:
    """Calls and operators whose result is a whole number whatever goes in; with
    `int_type=False`, also those that return a whole number as a float (numpy.floor)."""
    if isinstance(node, cst.BinaryOperation):
        return isinstance(node.operator, (cst.FloorDivide, cst.Modulo)) and not _has_float_literal(node)
    if isinstance(node, cst.Call):
        callee = qualified_callee(node, imports)
        return callee in (_INT_FUNCS if int_type else _WHOLE_FUNCS) or (
            callee == "round" and len(node.args) == 1
        )
    return False


def _has_float_literal(node: cst.BinaryOperation) -> bool:
    return isinstance(node.left, cst.Float) or isinstance(node.right, cst.Float)


def is_float_source(node: cst.CSTNode, imports: ImportTable, params=None) -> bool:
    """Nodes that make a value non-integral: `/`, float literals, float calls, rate-like
    names, and parameters annotated `float` (`params` maps the function's parameter names)."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
        return True
    if isinstance(node, cst.Float):
        return True
    if isinstance(node, cst.Call):
        return qualified_callee(node, imports) in _FLOAT_FUNCS and not _infinite(node)
    if isinstance(node, cst.Name) and params and node.value in params:
        annotation = params[node.value].annotation
        if annotation is not None and "float" in cst.Module([]).code_for_node(annotation.annotation):
            return True
    if isinstance(node, (cst.Name, cst.Attribute)):
        name = dotted(node)
        return bool(name) and bool(_FLOATY_NAME.search(name.rsplit(".", 1)[-1]))
    return False


def is_ceil_idiom(node: cst.BinaryOperation, parent: Optional[cst.CSTNode], code) -> bool:
    """`-(-a // b)`, `(a + b - 1) // b`, `(a - 1) // b + 1`: ceiling division spelled with `//`."""
    left = node.left
    if isinstance(left, cst.UnaryOperation) and isinstance(left.operator, cst.Minus):
        return isinstance(parent, cst.UnaryOperation) and isinstance(parent.operator, cst.Minus)
    divisor = code(node.right.with_changes(lpar=[], rpar=[]))
    if isinstance(left, cst.BinaryOperation):
        terms = _additive_terms(left)
        if terms is not None:
            minus_one = ("-", "1") in terms
            has_divisor = ("+", divisor) in terms
            if minus_one and has_divisor:
                return True
            if ("+", f"{divisor} - 1") in terms or ("+", f"({divisor} - 1)") in terms:
                return True
            if minus_one and isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
                return code(parent.right) == "1"
    return False


def _additive_terms(node: cst.BaseExpression, sign: str = "+"):
    """[(sign, code)] of a chain of + and -, with nested parentheses left as one term."""
    if (
        isinstance(node, cst.BinaryOperation)
        and isinstance(node.operator, (cst.Add, cst.Subtract))
        and not node.lpar
    ):
        right_sign = sign if isinstance(node.operator, cst.Add) else ("-" if sign == "+" else "+")
        left = _additive_terms(node.left, sign)
        return left + [(right_sign, cst.Module([]).code_for_node(node.right))]
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Subtract)):
        return _additive_terms(node.with_changes(lpar=[], rpar=[]), sign)
    return [(sign, cst.Module([]).code_for_node(node))]


def _infinite(call: cst.Call) -> bool:
    """`float("inf")` is a sentinel (`min()` replaces it), not a fraction to round."""
    if len(call.args) != 1 or not isinstance(call.args[0].value, cst.SimpleString):
        return False
    return call.args[0].value.evaluated_value.strip().lower().lstrip("+-") in {"inf", "infinity"}
