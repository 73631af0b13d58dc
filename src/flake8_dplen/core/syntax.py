"""The model's syntax tree: LibCST's node names and fields, built from Python's `ast`.

flake8 has parsed the file with `ast` already, and importing LibCST alone costs more than
flake8's whole run on a small package (issue 20). The model and the rules read code through
the classes below, which carry LibCST's names and the fields the model reads (in LibCST's
order, so walks visit children in the same order), built from the `ast` tree and the
file's tokens. Each node keeps its span of the source: `code(node)` is the text LibCST's
`Module.code_for_node` gives for it (parentheses included, as LibCST attaches them),
`position(node)` where LibCST's PositionProvider puts it, and two nodes are `deep_equals`
when their types and texts are. Only the codemod imports LibCST, to write fixes
(fixes/lazy.py).
"""

from __future__ import annotations

import ast
import bisect
import copy
import functools
import io
import tokenize
from typing import Dict, List, Tuple

ParserSyntaxError = SyntaxError


class MaybeSentinel:
    """LibCST's value of an absent `Parameters.star_arg` / `posonly_ind` (truthy, as there)."""

    DEFAULT: "MaybeSentinel"

    def __repr__(self) -> str:
        return "MaybeSentinel.DEFAULT"


MaybeSentinel.DEFAULT = MaybeSentinel()


class Source:
    """The text of one module, its lines and its significant tokens (no comments,
    newlines or indents), with the bracket each opening bracket closes at."""

    __slots__ = ("text", "line_starts", "lines", "starts", "ends", "strings", "closing", "comments")

    def __init__(self, text: str, tokens=None) -> None:
        self.text = text
        self.lines = io.StringIO(text, newline="").readlines()
        self.line_starts = [0]
        for line in self.lines:
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.starts: List[int] = []
        self.ends: List[int] = []
        self.strings: List[str] = []
        self.closing: Dict[int, int] = {}
        self.comments: List[Tuple[int, str]] = []
        opened: List[int] = []
        skip = (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)
        if tokens is None:
            tokens = tokenize.generate_tokens(io.StringIO(text, newline="").readline)
        for tok in tokens:
            kind = tok.type
            if kind in skip:
                continue
            start = self.line_starts[tok.start[0] - 1] + tok.start[1]
            if kind == tokenize.COMMENT:
                self.comments.append((start, tok.string))
                continue
            string = tok.string
            self.starts.append(start)
            self.ends.append(self.line_starts[tok.end[0] - 1] + tok.end[1])
            self.strings.append(string)
            if string in ("(", "[", "{"):
                opened.append(start)
            elif string in (")", "]", "}") and opened:
                self.closing[opened.pop()] = start

    def offset(self, line: int, byte_column: int) -> int:
        """The character offset of an `ast` position (its columns count UTF-8 bytes)."""
        text = self.lines[line - 1] if line <= len(self.lines) else ""
        if not text.isascii():
            byte_column = len(text.encode("utf-8")[:byte_column].decode("utf-8", "replace"))
        return self.line_starts[line - 1] + byte_column

    def position(self, offset: int) -> Tuple[int, int]:
        """(1-based line, 0-based column in characters) of a character offset."""
        # The end of a last line with no newline is on that line, not after it.
        line = bisect.bisect_right(self.line_starts, offset, 0, max(len(self.lines), 1)) - 1
        return line + 1, offset - self.line_starts[line]

    def before(self, offset: int) -> int:
        """The index of the last significant token that ends at or before `offset`."""
        return bisect.bisect_right(self.ends, offset) - 1

    def after(self, offset: int) -> int:
        """The index of the first significant token that starts at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)


class CSTNode:
    # The source, the span [_s, _e) of the node without its own parentheses, and the
    # indentation of the statement it is in (LibCST renders a node without it); `_c`, the
    # children once asked for.
    __slots__ = ("_src", "_s", "_e", "_i", "_c")
    _fields: Tuple[str, ...] = ()

    def __init__(self, *args, **kwargs) -> None:
        # Nodes the model makes itself (a torch sampler's known signature) have no source.
        self._src = None
        self._s = self._e = 0
        self._i = ""
        for name, value in zip(self._fields, args):
            kwargs[name] = value
        for name in self._fields:
            setattr(self, name, kwargs.pop(name, FIELD_DEFAULTS.get(name)))
        if isinstance(self, _BaseParenthesizedNode):
            self.lpar = tuple(kwargs.pop("lpar", ()))
            self.rpar = tuple(kwargs.pop("rpar", ()))
        if kwargs:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(kwargs)}")

    @property
    def children(self) -> Tuple["CSTNode", ...]:
        """The child nodes, in LibCST's order of fields. Kept once read: the rules and the
        model walk the same methods dozens of times, and a node is never changed in place
        once built (`with_changes` makes a copy)."""
        try:
            return self._c
        except AttributeError:
            pass
        found: List[CSTNode] = []
        for name in self._fields:
            value = getattr(self, name)
            if type(value) is tuple:
                found.extend(v for v in value if isinstance(v, CSTNode))
            elif isinstance(value, CSTNode):
                found.append(value)
        self._c = tuple(found)
        return self._c

    def with_changes(self, **changes) -> "CSTNode":
        """A copy with fields replaced: the model only drops parentheses (`lpar=[]`)."""
        new = copy.copy(self)
        if hasattr(new, "_c"):
            del new._c  # its children may be among the changes
        for name, value in changes.items():
            setattr(new, name, tuple(value) if name in ("lpar", "rpar") else value)
        return new

    def deep_equals(self, other: object) -> bool:
        """LibCST compares every field, whitespace and comments included: the same text."""
        return type(other) is type(self) and code(other) == code(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({code(self)!r})"


# LibCST's values of fields a node is built without (core/fromast.py sets the others).
FIELD_DEFAULTS = {"star": "", "star_arg": MaybeSentinel.DEFAULT, "posonly_ind": MaybeSentinel.DEFAULT}
for _name in (
    "args params kwonly_params posonly_params decorators bases keywords handlers ifs comparisons "
    "elements targets names relative parts slice items cases"
).split():
    FIELD_DEFAULTS[_name] = ()


class _BaseParenthesizedNode(CSTNode):
    # The offsets of the node's own `(` (outermost first) and `)` (innermost first).
    __slots__ = ("lpar", "rpar")


PARENTHESIZED = _BaseParenthesizedNode


# name: bases: fields (LibCST's order, whitespace, comments and punctuation left out).
_CLASSES = """
BaseExpression: _BaseParenthesizedNode:
BaseAssignTargetExpression: BaseExpression:
BaseDelTargetExpression: BaseExpression:
BaseComp: BaseExpression:
BaseSimpleComp: BaseComp:
_BaseSetOrDict: BaseExpression:
BaseDict: _BaseSetOrDict:
BaseSet: _BaseSetOrDict:
BaseList: BaseExpression:
BaseNumber: BaseExpression:
BaseString: BaseExpression:
_BasePrefixedString: BaseString:
_BaseExpressionWithArgs: BaseExpression:
BaseSlice: CSTNode:
_BaseElementImpl: CSTNode:
BaseElement: _BaseElementImpl:
BaseDictElement: _BaseElementImpl:
BaseFormattedStringContent: CSTNode:
BaseBinaryOp: CSTNode:
BaseAugOp: CSTNode:
BaseCompOp: CSTNode:
BaseUnaryOp: CSTNode:
BaseBooleanOp: CSTNode:
BaseStatement: CSTNode:
BaseCompoundStatement: BaseStatement:
BaseSmallStatement: CSTNode:
BaseSuite: CSTNode:
MatchPattern: _BaseParenthesizedNode:
Annotation: CSTNode: annotation
Arg: CSTNode: value keyword star
Asynchronous: CSTNode:
Attribute: BaseAssignTargetExpression BaseDelTargetExpression: value attr
Await: BaseExpression: expression
BinaryOperation: BaseExpression: left operator right
BooleanOperation: BaseExpression: left operator right
Call: _BaseExpressionWithArgs: func args
Comparison: BaseExpression: left comparisons
ComparisonTarget: CSTNode: operator comparator
CompFor: CSTNode: target iter ifs inner_for_in asynchronous
CompIf: CSTNode: test
ConcatenatedString: BaseString: left right
Dict: BaseDict: elements
DictComp: BaseDict BaseComp: key value for_in
DictElement: BaseDictElement: key value
Element: BaseElement: value
Ellipsis: BaseExpression:
Float: BaseNumber: value
FormattedString: _BasePrefixedString: parts start end
FormattedStringExpression: BaseFormattedStringContent: expression conversion format_spec
FormattedStringText: BaseFormattedStringContent: value
From: CSTNode: item
GeneratorExp: BaseSimpleComp: elt for_in
IfExp: BaseExpression: test body orelse
Imaginary: BaseNumber: value
Index: BaseSlice: value star
Integer: BaseNumber: value
Lambda: BaseExpression: params body
List: BaseList BaseAssignTargetExpression BaseDelTargetExpression: elements
ListComp: BaseList BaseSimpleComp: elt for_in
Name: BaseAssignTargetExpression BaseDelTargetExpression: value
NamedExpr: BaseExpression: target value
Param: CSTNode: name annotation default star
Parameters: CSTNode: params star_arg kwonly_params star_kwarg posonly_params posonly_ind
ParamSlash: CSTNode:
ParamStar: CSTNode:
Set: BaseSet: elements
SetComp: BaseSet BaseSimpleComp: elt for_in
SimpleString: _BasePrefixedString: value
Slice: BaseSlice: lower upper step
StarredDictElement: BaseDictElement: value
StarredElement: BaseElement BaseExpression: value
Subscript: BaseAssignTargetExpression BaseDelTargetExpression: value slice
SubscriptElement: CSTNode: slice
Tuple: BaseAssignTargetExpression BaseDelTargetExpression: elements
UnaryOperation: BaseExpression: operator expression
Yield: BaseExpression: value
AnnAssign: BaseSmallStatement: target annotation value
AsName: CSTNode: name
Assert: BaseSmallStatement: test msg
Assign: BaseSmallStatement: targets value
AssignTarget: CSTNode: target
AugAssign: BaseSmallStatement: target operator value
Break: BaseSmallStatement:
ClassDef: BaseCompoundStatement: name body bases keywords decorators type_parameters
Continue: BaseSmallStatement:
Decorator: CSTNode: decorator
Del: BaseSmallStatement: target
Else: CSTNode: body
ExceptHandler: CSTNode: body type name
ExceptStarHandler: CSTNode: body type name
Expr: BaseSmallStatement: value
Finally: CSTNode: body
For: BaseCompoundStatement: target iter body orelse asynchronous
FunctionDef: BaseCompoundStatement: name params body decorators returns asynchronous type_parameters
Global: BaseSmallStatement: names
If: BaseCompoundStatement: test body orelse
Import: BaseSmallStatement: names
ImportAlias: CSTNode: name asname
ImportFrom: BaseSmallStatement: module names relative
ImportStar: CSTNode:
IndentedBlock: BaseSuite: body
Match: BaseCompoundStatement: subject cases
MatchCase: CSTNode: pattern body guard
NameItem: CSTNode: name
Nonlocal: BaseSmallStatement: names
Pass: BaseSmallStatement:
Raise: BaseSmallStatement: exc cause
Return: BaseSmallStatement: value
SimpleStatementLine: BaseStatement: body
SimpleStatementSuite: BaseSuite: body
Try: BaseCompoundStatement: body handlers orelse finalbody
TryStar: BaseCompoundStatement: body handlers orelse finalbody
While: BaseCompoundStatement: test body orelse
With: BaseCompoundStatement: items body asynchronous
WithItem: CSTNode: item asname
Dot: CSTNode:
"""

# The operators, by LibCST's name, with the `ast` operator each one is.
_OPERATORS = {
    "BaseBinaryOp": {
        "Add": ast.Add, "Subtract": ast.Sub, "Multiply": ast.Mult, "Divide": ast.Div,
        "FloorDivide": ast.FloorDiv, "Modulo": ast.Mod, "Power": ast.Pow, "LeftShift": ast.LShift,
        "RightShift": ast.RShift, "BitOr": ast.BitOr, "BitAnd": ast.BitAnd, "BitXor": ast.BitXor,
        "MatrixMultiply": ast.MatMult,
    },
    "BaseUnaryOp": {"Minus": ast.USub, "Plus": ast.UAdd, "Not": ast.Not, "BitInvert": ast.Invert},
    "BaseBooleanOp": {"And": ast.And, "Or": ast.Or},
    "BaseCompOp": {
        "Equal": ast.Eq, "NotEqual": ast.NotEq, "LessThan": ast.Lt, "LessThanEqual": ast.LtE,
        "GreaterThan": ast.Gt, "GreaterThanEqual": ast.GtE, "Is": ast.Is, "IsNot": ast.IsNot,
        "In": ast.In, "NotIn": ast.NotIn,
    },
}  # fmt: skip

OPERATOR_OF: Dict[type, type] = {}
AUG_OPERATOR_OF: Dict[type, type] = {}


def _define() -> None:
    namespace = globals()
    for row in _CLASSES.strip().splitlines():
        name, bases, fields = (part.strip() for part in row.split(":"))
        parents = tuple(namespace[b] for b in bases.split())
        slots = tuple(fields.split())
        inherited = tuple(f for p in parents for f in p._fields)
        namespace[name] = type(name, parents, {"__slots__": slots, "_fields": inherited + slots})
    for base, members in _OPERATORS.items():
        parent = namespace[base]
        for name, operator in members.items():
            OPERATOR_OF[operator] = namespace[name] = type(name, (parent,), {"__slots__": ()})
            if base == "BaseBinaryOp":
                augmented = type(name + "Assign", (namespace["BaseAugOp"],), {"__slots__": ()})
                AUG_OPERATOR_OF[operator] = namespace[augmented.__name__] = augmented


_define()


def _literal(node: CSTNode):
    return _literal_text(node.value)


@functools.lru_cache(maxsize=4096)
def _literal_text(text: str):
    # The count model reads a literal on every run of its line: a parse per read was a
    # tenth of its time. The values (numbers, strings, bytes) are immutable.
    return ast.literal_eval(text)


def _concatenated(node: CSTNode):
    left, right = node.left.evaluated_value, node.right.evaluated_value
    if left is None or right is None or type(left) is not type(right):
        return None
    return left + right


# LibCST's values of literals.
for _kind in ("Integer", "Float", "Imaginary", "SimpleString"):
    globals()[_kind].evaluated_value = property(_literal)
globals()["ConcatenatedString"].evaluated_value = property(_concatenated)
globals()["FormattedString"].evaluated_value = property(lambda node: None)


def code(node: CSTNode) -> str:
    """The node's source text as LibCST renders it: its own parentheses included, a
    function or class with its decorators, and lines continued inside brackets without
    the indentation of the statement (LibCST keeps that in the enclosing blocks)."""
    src = node._src
    if src is None:
        if type(node).__name__ == "Name":
            return node.value
        raise ValueError(f"{type(node).__name__} made by the model has no source")
    start, end = _outer(node)
    text = src.text[start:end]
    if node._i and "\n" in text:
        return _dedented(src, start, text, node._i)
    return text


def _outer(node: CSTNode) -> Tuple[int, int]:
    if isinstance(node, PARENTHESIZED) and node.lpar:
        return node.lpar[0], node.rpar[-1] + 1
    if type(node).__name__ in ("FunctionDef", "ClassDef") and node.decorators:
        return node.decorators[0]._s, node._e
    return node._s, node._e


def _dedented(src: Source, start: int, text: str, indent: str) -> str:
    pieces = []
    done = 0
    at = text.find("\n")
    while at >= 0:
        offset = start + at
        token = bisect.bisect_right(src.starts, offset) - 1
        inside = token >= 0 and src.ends[token] > offset  # a newline inside a string
        continued = text[at - 1 : at] == "\\" or text[at - 2 : at] == "\\\r"
        if not inside and not continued and text.startswith(indent, at + 1):
            pieces.append(text[done : at + 1])
            done = at + 1 + len(indent)
        at = text.find("\n", at + 1)
    pieces.append(text[done:])
    return "".join(pieces)


def position(node: CSTNode) -> Tuple[int, int]:
    """(line, column) where LibCST's PositionProvider starts the node: its own
    parentheses and a definition's decorators left out."""
    return node._src.position(node._s)


def end_position(node: CSTNode) -> Tuple[int, int]:
    """(line, column) where LibCST's PositionProvider ends the node."""
    return node._src.position(node._e)


def comments(node: CSTNode) -> List[str]:
    """The comments inside the node's text."""
    if node._src is None:
        return []
    return _comments_in(node._src, *_outer(node))


def _trivia_span(node: CSTNode, field: str) -> Tuple[int, int]:
    src = node._src
    if field == "lpar":
        return (node.lpar[0], node._s) if node.lpar else (node._s, node._s)
    if field == "rpar":
        return (node._e, node.rpar[-1] + 1) if node.rpar else (node._e, node._e)
    if field == "whitespace_before":
        return src.ends[src.before(node._s)], node._s
    if field == "whitespace_after":
        return node._e, src.starts[src.after(node._e)]
    raise ValueError(field)


def trivia_comments(node: CSTNode, field: str) -> List[str]:
    """The comments in one field of the LibCST node `node` is: its parentheses (`lpar`,
    `rpar`), or an operator's `whitespace_before` / `whitespace_after`."""
    return _comments_in(node._src, *_trivia_span(node, field))


def trivia_code(node: CSTNode, field: str) -> str:
    """The text of that field, as LibCST renders it (see `code`)."""
    start, end = _trivia_span(node, field)
    text = node._src.text[start:end]
    return _dedented(node._src, start, text, node._i) if node._i and "\n" in text else text


def _comments_in(src: Source, start: int, end: int) -> List[str]:
    first = bisect.bisect_left(src.comments, (start, ""))
    found = []
    for offset, text in src.comments[first:]:
        if offset >= end:
            break
        found.append(text)
    return found


class Module(CSTNode):
    __slots__ = ("body",)
    _fields = ("body",)

    @property
    def code(self) -> str:
        return self._src.text

    def code_for_node(self, node: CSTNode) -> str:
        return code(node)


def parse_module(text: str, tree=None, tokens=None) -> Module:
    """The model's tree of `text` (core/fromast.py); `tree` and `tokens` are Python's, when
    the caller has them. Raises SyntaxError where Python does."""
    from .fromast import parse_module as build

    try:
        return build(text, tree, tokens)
    except (tokenize.TokenError, ValueError) as error:  # Python 3.11 says ValueError of a NUL
        raise SyntaxError(str(error)) from error


def parse_expression(text: str) -> CSTNode:
    from .fromast import parse_expression as build

    return build(text)
