"""Fixes written as LibCST nodes, built only when written: flake8's path never imports LibCST.

A rule's fix is a `Lazy` tree: `L.BinaryOperation(left, L.FloorDivide(), right)` records
LibCST's constructor and its arguments, which may be nodes of the model (core/syntax.py)
or `trivia(node, "lpar")` (a field of the LibCST node a model node is). `realize` makes the
LibCST nodes, each model node parsed from its text (the text LibCST renders for it, so
the node is the one LibCST parsed from the file, comments and whitespace included).
Whether a fix keeps every comment is decided on the model: `comments` counts them in the
parts the fix reuses, as LibCST would find them in the node it builds."""

from __future__ import annotations

from typing import Any, Dict, List

from ..core import syntax


class Lazy:
    """A call of LibCST's `kind` (a node class, or parse_expression), then `with_changes`
    of `changes`, made when realized. `kind` "node" is the LibCST node of a model node."""

    __slots__ = ("kind", "args", "kwargs", "changes")

    def __init__(self, kind: str, args: tuple, kwargs: Dict[str, Any], changes=None) -> None:
        self.kind = kind
        self.args = args
        self.kwargs = kwargs
        self.changes = changes or {}

    def with_changes(self, **changes) -> "Lazy":
        return Lazy(self.kind, self.args, self.kwargs, {**self.changes, **changes})

    def __getattr__(self, name: str):
        # The fields the fixes read back (lpar) are those they gave.
        if name.startswith("__") or name in Lazy.__slots__:
            raise AttributeError(name)
        return self.changes.get(name, self.kwargs.get(name))


def changed(value, **changes) -> Lazy:
    """`value.with_changes(**changes)` for a model node (the LibCST node it is) or a Lazy."""
    if isinstance(value, Lazy):
        return value.with_changes(**changes)
    return Lazy("node", (value,), {}, changes)


def kind_of(value) -> str:
    """The LibCST class name of a model node or of what a Lazy builds."""
    if isinstance(value, Lazy):
        return value.args[0].__class__.__name__ if value.kind == "node" else value.kind
    return type(value).__name__


class _Factory:
    def __getattr__(self, kind: str):
        return lambda *args, **kwargs: Lazy(kind, args, kwargs)


L = _Factory()


class _Trivia:
    """A field of the LibCST node of a model node: its parentheses or an operator's spacing."""

    __slots__ = ("node", "field")

    def __init__(self, node: syntax.CSTNode, field: str) -> None:
        self.node = node
        self.field = field


def trivia(node: syntax.CSTNode, field: str) -> _Trivia:
    return _Trivia(node, field)


def parsed(code: str) -> Lazy:
    """`libcst.parse_expression(code)`, when realized."""
    return Lazy("parse_expression", (code,), {})


def to_cst(node: syntax.CSTNode):
    """The LibCST node of a model node: parsed from its text, in parentheses when it spans
    lines outside its own (then dropped again: they were never its own)."""
    import libcst

    text = syntax.code(node)
    if "\n" not in text or (getattr(node, "lpar", None)):
        return libcst.parse_expression(text)
    return libcst.parse_expression(f"({text})").with_changes(lpar=[], rpar=[])


def _trivia(node: syntax.CSTNode, field: str):
    """The LibCST value of a field of `node`: parentheses from the node's own text, an
    operator's spacing from an operation parsed around it."""
    import libcst

    if field in ("lpar", "rpar"):
        return getattr(to_cst(node), field)
    before, after = (
        syntax.trivia_code(node, "whitespace_before"),
        syntax.trivia_code(node, "whitespace_after"),
    )
    operation = libcst.parse_expression(f"(a{before}{syntax.code(node)}{after}b)")
    return getattr(operation.operator, field)


def realize(value):
    """The LibCST value `value` stands for."""
    if isinstance(value, Lazy):
        import libcst

        args = [realize(a) for a in value.args]
        kwargs = {k: realize(v) for k, v in value.kwargs.items()}
        made = args[0] if value.kind == "node" else getattr(libcst, value.kind)(*args, **kwargs)
        return (
            made.with_changes(**{k: realize(v) for k, v in value.changes.items()}) if value.changes else made
        )
    if isinstance(value, _Trivia):
        return _trivia(value.node, value.field)
    if isinstance(value, syntax.CSTNode):
        return to_cst(value)
    if isinstance(value, (list, tuple)):
        return [realize(v) for v in value]
    return value


def rendered(value) -> str:
    """The source text LibCST writes for `value`."""
    import libcst

    return libcst.Module([]).code_for_node(realize(value))


def comments(value) -> List[str]:
    """The comments in what `value` realizes to, counted on the model."""
    if isinstance(value, Lazy):
        args = value.args
        if value.kind == "node" and "lpar" in value.changes:  # its own parentheses replaced
            args = [args[0].with_changes(lpar=[], rpar=[])]
        parts = [*args, *value.kwargs.values(), *value.changes.values()]
        return [c for part in parts for c in comments(part)]
    if isinstance(value, _Trivia):
        return syntax.trivia_comments(value.node, value.field)
    if isinstance(value, syntax.CSTNode):
        return syntax.comments(value)
    if isinstance(value, (list, tuple)):
        return [c for v in value for c in comments(v)]
    return []
