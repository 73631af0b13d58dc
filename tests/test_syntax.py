"""The model's syntax tree (core/syntax.py, built from `ast` by core/fromast.py) against
LibCST's, node by node, on every rule fixture and the sampler sources of the tests: the
same node types in the same order, the same text for every expression (what messages and
fixes are made of) and the same position for every node a finding can point at."""

from __future__ import annotations

import dataclasses
import tokenize
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from flake8_dplen.core import syntax
from flake8_dplen.core.fromast import parse_expression, parse_module

# LibCST's fields that hold only whitespace, comments and punctuation.
_TRIVIA = frozenset(
    "lpar rpar lbrace rbrace lbracket rbracket comma colon first_colon second_colon semicolon "
    "equal dot leading_lines lines_after_decorators header footer trailing_whitespace empty_lines "
    "newline".split()
)
HERE = Path(__file__).resolve().parent
SOURCES = sorted(HERE.glob("fixtures/**/*.py"))

# LibCST's text of these includes what follows them (a comma, a block's lines and
# newlines), and their position the whitespace before them: no finding points at them,
# and no message or fix is made of their text.
_TEXT_DIFFERS = (
    cst.Arg, cst.Element, cst.StarredElement, cst.DictElement, cst.StarredDictElement, cst.Param,
    cst.Parameters, cst.ParamStar, cst.ParamSlash, cst.Decorator, cst.ImportAlias, cst.AsName,
    cst.ComparisonTarget, cst.CompFor, cst.CompIf, cst.SubscriptElement, cst.Index, cst.Slice,
    cst.AssignTarget, cst.Annotation, cst.NameItem, cst.From, cst.WithItem, cst.Module,
    cst.BaseSuite, cst.BaseStatement, cst.BaseSmallStatement, cst.Else, cst.Finally,
    cst.ExceptHandler, cst.MatchCase, cst.Asynchronous,
    cst.BaseBinaryOp, cst.BaseCompOp, cst.BaseBooleanOp, cst.BaseAugOp, cst.BaseUnaryOp,
)  # fmt: skip
_PLACE_DIFFERS = (cst.ComparisonTarget, cst.CompFor, cst.CompIf, cst.AsName, cst.Annotation, cst.Param,
                  cst.Parameters, cst.ParamStar, cst.ParamSlash, cst.Module, cst.IndentedBlock)  # fmt: skip


def _children(node, kind, fields):
    found = []
    for name in fields:
        value = getattr(node, name)
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, kind):
                found.append(item)
    return found


def _libcst_children(node):
    names = [
        f.name
        for f in dataclasses.fields(node)
        if f.name not in _TRIVIA and not f.name.startswith("whitespace")
    ]
    # A one-line suite's leading whitespace is a node in LibCST, and no part of the model.
    return [c for c in _children(node, cst.CSTNode, names) if not isinstance(c, cst.SimpleWhitespace)]


def _differences(text):
    module = cst.parse_module(text)
    mirror = parse_module(text)
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    stack = [(module, mirror)]
    while stack:
        theirs, ours = stack.pop()
        assert type(ours).__name__ == type(theirs).__name__
        if isinstance(theirs, cst.FormattedString):
            continue  # inside an f-string the model keeps only the expressions
        if not isinstance(theirs, _TEXT_DIFFERS):
            yield from (
                [(module.code_for_node(theirs), syntax.code(ours))]
                if module.code_for_node(theirs) != syntax.code(ours)
                else []
            )
        if not isinstance(theirs, _PLACE_DIFFERS):
            start = positions[theirs].start
            if (start.line, start.column) != syntax.position(ours):
                yield type(theirs).__name__, (start.line, start.column), syntax.position(ours)
        left, right = _libcst_children(theirs), _children(ours, syntax.CSTNode, ours._fields)
        assert [type(c).__name__ for c in left] == [type(c).__name__ for c in right]
        stack.extend(zip(left, right))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(HERE)))
def test_the_model_tree_is_libcsts_tree(path):
    with tokenize.open(path) as handle:  # a fixture declares latin-1
        assert list(_differences(handle.read())) == []


SHAPES = [
    "x = ( (a) //  b )  # c\n",
    "y = f(x for x in y), (1, 2), g((i for i in y)), (yield)\n",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    z = 1; w = 2\n",
    "def f(a, /, b: int = (1), *c, d, **e) -> int:\n    return -(-a // b)\n",
    "class A(B, metaclass=M):\n    def m(self):\n"
    "        return (\n            self.n  # count\n            + 1\n        )\n",
    "s = 'a' 'b' f'{c}'\nfrom ..x import (y as z, w)\nimport a.b as c\nfrom . import *\n",
    "for i in range(0, n, bs):\n    if i % 2: continue\nelse:\n    del a, b\n",
    "try:\n    x = d[1:2, ::3]\nexcept (A, B) as e:\n    raise C from e\nfinally:\n    y = not a is not b\n",
    "with open(p) as f, g():\n    x = lambda q, *r: q if r else {**k, 'a': [*r]}\n",
    "x = a and b or c and d\nassert x, 'message'\nglobal q\nn += 1\nm: int = 2\n",
    "z = [i for i in x if i for j in i]\nw = {k: v for k, v in d.items()}\n",
    "v = x[(1, 2)]\nu = (\n    1,\n    2,\n)\nt = ()\ns = (a)(b)\nr = print((a))\n",
    "café = 'é'; q = len(café)  # é\n",
]


@pytest.mark.parametrize("text", SHAPES)
def test_shapes_the_fixtures_may_miss(text):
    assert list(_differences(text)) == []


def test_two_nodes_are_deep_equal_when_their_code_is():
    module = parse_module("a = x + (y)\nb = x + (y)\nc = x + y\n")
    first, second, third = (line.body[0].value for line in module.body)
    assert first.deep_equals(second) and not first.deep_equals(third)
    # `Module([]).code_for_node`, as the model calls it, renders any node of any module.
    assert syntax.Module([]).code_for_node(first.right) == "(y)"
    assert syntax.code(first.right.with_changes(lpar=[], rpar=[])) == "y"


def test_comments_are_found_inside_a_node_only():
    module = parse_module("x = (a  # one\n     + b)  # two\n")
    value = module.body[0].body[0].value
    assert syntax.comments(value) == ["# one"]


def test_an_expression_parses_alone():
    expr = parse_expression("len(self.data) // 4")
    assert type(expr).__name__ == "BinaryOperation" and syntax.code(expr.left) == "len(self.data)"
