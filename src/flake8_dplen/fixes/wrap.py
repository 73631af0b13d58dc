"""Laying out a fix's new expression within the file's line length, inside parentheses,
in black's style: split at the lowest-priority operator first, operators leading the
continuation lines, call arguments one level in (one a line when they do not fit on one).
Only what does not fit is split."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Sequence

import libcst as cst

_EMPTY = cst.Module(body=[])
_STEP = "    "
# Operators of one precedence level are split together, `a // b * c` into three lines.
_LEVELS = (
    (cst.BitOr,),
    (cst.BitXor,),
    (cst.BitAnd,),
    (cst.LeftShift, cst.RightShift),
    (cst.Add, cst.Subtract),
    (cst.Multiply, cst.Divide, cst.FloorDivide, cst.Modulo, cst.MatrixMultiply),
)


def _code(node: cst.CSTNode) -> str:
    return _EMPTY.code_for_node(node)


def _level(op: cst.BaseBinaryOp) -> int:
    return next((i for i, ops in enumerate(_LEVELS) if isinstance(op, ops)), len(_LEVELS))


def _bare(node: cst.BaseExpression) -> cst.BaseExpression:
    return node.with_changes(lpar=[], rpar=[]) if getattr(node, "lpar", None) else node


@dataclass(frozen=True)
class _Layout:
    limit: int

    def lines(self, node: cst.BaseExpression, column: int, indent: str, tail: int) -> List[str]:
        """`node` as lines: the first continues at `column`, the others carry their own
        indentation (`indent` is the one of the line the node starts on), and `tail`
        characters follow the last."""
        flat = _code(node)
        if column + len(flat) + tail <= self.limit:
            return [flat]
        if getattr(node, "lpar", None):
            inner = indent + _STEP
            body = self.lines(_bare(node), len(inner), inner, 0)
            return ["(", inner + body[0], *body[1:], indent + ")"]
        if isinstance(node, cst.BinaryOperation):
            return self._chain(node, column, indent, tail)
        if isinstance(node, cst.Call):
            return self._call(node, indent)
        if isinstance(node, cst.UnaryOperation):
            op = _code(node.operator)
            rest = self.lines(node.expression, column + len(op), indent, tail)
            return [op + rest[0], *rest[1:]]
        if isinstance(node, cst.IfExp):
            return self._joined(
                [("", node.body), ("if ", node.test), ("else ", node.orelse)], column, indent, tail
            )
        return [flat]

    def _chain(self, node: cst.BinaryOperation, column: int, indent: str, tail: int) -> List[str]:
        level = _level(node.operator)
        parts = []
        while isinstance(node, cst.BinaryOperation) and not node.lpar and _level(node.operator) == level:
            parts.insert(0, (_code(node.operator).strip() + " ", node.right))
            node = node.left
        parts.insert(0, ("", node))
        return self._joined(parts, column, indent, tail)

    def _joined(self, parts: Sequence, column: int, indent: str, tail: int) -> List[str]:
        """One line per (prefix, operand), the first at `column`, the others at `indent`."""
        out: List[str] = []
        for i, (prefix, operand) in enumerate(parts):
            start = column if i == 0 else len(indent)
            last = tail if i == len(parts) - 1 else 0
            sub = self.lines(operand, start + len(prefix), indent, last)
            out += [("" if i == 0 else indent) + prefix + sub[0], *sub[1:]]
        return out

    def _call(self, node: cst.Call, indent: str) -> List[str]:
        if not node.args:
            return [_code(node)]
        head = _code(node.func) + "("
        inner = indent + _STEP
        one_line = ", ".join(_code(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT)) for arg in node.args)
        if len(inner) + len(one_line) <= self.limit:
            return [head, inner + one_line, indent + ")"]
        if len(node.args) == 1:
            body = self._arg(node.args[0], inner, 0)
        else:
            body = [line for arg in node.args for line in self._arg(arg, inner, 1, ",")]
        return [head, *body, indent + ")"]

    def _arg(self, arg: cst.Arg, indent: str, tail: int, comma: str = "") -> List[str]:
        keyword = f"{arg.keyword.value}=" if arg.keyword is not None else ""
        prefix = arg.star + keyword
        sub = self.lines(arg.value, len(indent) + len(prefix), indent, tail)
        lines = [indent + prefix + sub[0], *sub[1:]]
        lines[-1] += comma
        return lines


class _Absolute(cst.CSTTransformer):
    # The laid-out text carries each line's whole indentation; LibCST must not add the
    # enclosing block's to it.
    def leave_ParenthesizedWhitespace(self, original_node, updated_node):
        return updated_node.with_changes(indent=False)


def wrapped(node: cst.BaseExpression, column: int, indent: str, tail: int, limit: int) -> cst.BaseExpression:
    """`node` broken over lines to fit in `limit` columns where it can be, unchanged when
    it fits. Its own parentheses excluded, it starts at `column` of a line indented by
    `indent` and is followed by `tail` characters, as LibCST positions it. It keeps one
    pair of its own parentheses; a break outside a call's gets parentheses of its own."""
    bare = _bare(node)
    if column + len(_code(bare)) + tail <= limit:
        return node
    own = len(getattr(node, "lpar", ()))
    if own or not isinstance(bare, cst.Call):
        bare = bare.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        column, tail = column - own, tail - own
    text = "\n".join(_Layout(limit).lines(bare, column, indent, tail))
    return cst.parse_expression(text).visit(_Absolute())
