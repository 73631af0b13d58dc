"""Python's `ast` tree turned into the model's syntax tree (core/syntax.py): LibCST's shapes
where they differ from `ast`'s (a `BoolOp` of three values is two nested operations, an
`elif` an If in `orelse`, `a; b` one line of two statements, implicit concatenation a
ConcatenatedString, True a Name), and the parentheses each expression owns found in the
tokens, since `ast` drops them."""

from __future__ import annotations

import ast
from typing import List, Optional, Sequence

from . import syntax as cst
from .syntax import Source

_COMPOUND = (
    (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While)
    + (ast.With, ast.AsyncWith, ast.Try, ast.Match)
    + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())
)


def parse_module(text: str, tree: Optional[ast.Module] = None, tokens=None) -> cst.Module:
    # A byte-order mark is no part of the code (LibCST and flake8 drop it too).
    text = text[1:] if text.startswith("\ufeff") else text
    if tree is None:
        tree = ast.parse(text)
    return _Builder(Source(text, tokens)).module(tree)


def parse_expression(text: str) -> cst.BaseExpression:
    """The model's tree of one expression, its positions within `text`."""
    tree = ast.parse(text.strip(), mode="eval")
    return _Builder(Source(text.strip())).expr(tree.body)


class _Builder:
    def __init__(self, src: Source) -> None:
        self.src = src
        self.indent = ""  # of the statement being built

    # ------------------------------------------------------------------ spans

    def span(self, node: ast.AST):
        src = self.src
        return src.offset(node.lineno, node.col_offset), src.offset(node.end_lineno, node.end_col_offset)

    def make(self, kind, start: int, end: int, /, **fields):
        node = kind.__new__(kind)
        node._src = self.src
        node._s = start
        node._e = end
        node._i = self.indent
        for name in kind._fields:
            setattr(node, name, fields.get(name, cst.FIELD_DEFAULTS.get(name)))
        if isinstance(node, cst.PARENTHESIZED):
            node.lpar = node.rpar = ()
        return node

    def token(self, kind, index: int):
        """A node of no fields (an operator, a keyword) standing at token `index`."""
        src = self.src
        return self.make(kind, src.starts[index], src.ends[index])

    def op_after(self, kind, offset: int, tokens: int = 1):
        src = self.src
        first = src.after(offset)
        return self.make(kind, src.starts[first], src.ends[first + tokens - 1])

    def infix(self, kind, start: int, end: int, operator_kind, **sides: ast.AST):
        """`a + b`, `x += 1`: the two sides by field name, in the order they are spelled, and
        the operator between them, the first token after the first side."""
        (first, before), (second, after) = sides.items()
        made = self.expr(before)
        operator = self.op_after(operator_kind, _outer_end(made))
        return self.make(kind, start, end, **{first: made, "operator": operator, second: self.expr(after)})

    def name_at(self, value: str, start: int):
        return self.make(cst.Name, start, start + len(value), value=value)

    def name_after(self, value: str, offset: int):
        """The Name `value` in the first token spelled so at or after `offset`."""
        src = self.src
        index = src.after(offset)
        while src.strings[index] != value:
            index += 1
        return self.name_at(value, src.starts[index])

    # ------------------------------------------------------------------ expressions

    def expr(self, node: ast.expr, call_paren: int = -1):
        """`node` with the parentheses around it that are its own in LibCST (not those of
        the call whose sole argument it is, `call_paren` being that call's `(`)."""
        start, end = self.span(node)
        src = self.src
        lpar: List[int] = []
        rpar: List[int] = []
        outer_start, outer_end = start, end
        kind = type(node)
        if (
            kind in (ast.Tuple, ast.GeneratorExp)
            and src.text[start] == "("
            and src.closing.get(start) == end - 1
        ):
            # `ast` spans a parenthesised tuple, and any generator, with its parentheses.
            first, last = src.after(start + 1), src.before(end - 1)
            start, end = (src.starts[first], src.ends[last]) if first <= last else (start + 1, start + 1)
            if outer_start == call_paren:
                return self.convert(node, start, end)
            lpar.append(outer_start)
            rpar.append(outer_end - 1)
        while True:
            before, after = src.before(outer_start), src.after(outer_end)
            if before < 0 or after >= len(src.starts):
                break
            opening = src.starts[before]
            if (
                src.strings[before] != "("
                or src.strings[after] != ")"
                or src.closing.get(opening) != src.starts[after]
                or opening == call_paren
            ):
                break
            lpar.insert(0, opening)
            rpar.append(src.starts[after])
            outer_start, outer_end = opening, src.ends[after]
        made = self.convert(node, start, end)
        made.lpar, made.rpar = tuple(lpar), tuple(rpar)
        return made

    def opt(self, node):
        return None if node is None else self.expr(node)

    def convert(self, node, start: int, end: int):
        method = getattr(self, "e_" + type(node).__name__)
        return method(node, start, end)

    def e_Name(self, node, start, end):
        return self.make(cst.Name, start, end, value=node.id)

    def e_Constant(self, node, start, end):
        value = node.value
        text = self.src.text[start:end]
        if value is None or value is True or value is False:
            return self.make(cst.Name, start, end, value=text)
        if value is Ellipsis:
            return self.make(cst.Ellipsis, start, end)
        if isinstance(value, (str, bytes)):
            return self.strings(start, end)
        if isinstance(value, complex):
            return self.make(cst.Imaginary, start, end, value=text)
        return self.make(cst.Float if isinstance(value, float) else cst.Integer, start, end, value=text)

    def e_JoinedStr(self, node, start, end):
        return self.strings(start, end, node)

    def strings(self, start, end, joined=None):
        """One string token is a SimpleString (or FormattedString); implicitly
        concatenated ones nest to the right, as LibCST's ConcatenatedString does."""
        src = self.src
        first, last = src.after(start), src.before(end)
        pieces = []
        for index in range(first, last + 1):
            s, e = src.starts[index], src.ends[index]
            text = src.strings[index]
            prefix = text[: len(text) - len(text.lstrip("rRbBuUfF"))]
            if "f" in prefix.lower():
                parts = [] if joined is None else self.fstring_parts(joined, s, e)
                pieces.append(
                    self.make(cst.FormattedString, s, e, parts=tuple(parts), start=prefix, end=text[-1])
                )
            else:
                pieces.append(self.make(cst.SimpleString, s, e, value=text))
        if not pieces:  # a string inside an f-string's expression: no token of its own
            return self.make(cst.SimpleString, start, end, value=self.src.text[start:end])
        made = pieces[-1]
        for piece in reversed(pieces[:-1]):
            made = self.make(cst.ConcatenatedString, piece._s, made._e, left=piece, right=made)
        return made

    def fstring_parts(self, joined, start, end):
        # The expressions of an f-string: Python 3.11 has no tokens inside one, so each is
        # read on its own from its text (its nodes' positions are then within that text).
        parts = []
        for value in joined.values:
            if isinstance(value, ast.FormattedValue):
                s, e = self.span(value.value)
                if start <= s < e <= end:
                    try:
                        inner = parse_expression(self.src.text[s:e])
                    except SyntaxError:
                        continue
                    parts.append(self.make(cst.FormattedStringExpression, s, e, expression=inner))
        return parts

    def e_Attribute(self, node, start, end):
        value = self.expr(node.value)
        return self.make(
            cst.Attribute, start, end, value=value, attr=self.name_at(node.attr, end - len(node.attr))
        )

    def e_Call(self, node, start, end):
        func = self.expr(node.func)
        paren = self.src.starts[self.src.after(func.rpar[-1] + 1 if func.rpar else func._e)]
        return self.make(cst.Call, start, end, func=func, args=tuple(self.call_args(node, paren)))

    def call_args(self, node, paren: int):
        items = [(a.lineno, a.col_offset, a) for a in node.args] + [
            (k.lineno, k.col_offset, k) for k in node.keywords
        ]
        items.sort(key=lambda item: (item[0], item[1]))
        sole = len(items) == 1
        args = []
        for _, _, item in items:
            if isinstance(item, ast.keyword):
                value = self.expr(item.value)
                s, _ = self.span(item)
                keyword = None if item.arg is None else self.name_at(item.arg, s)
                star = "**" if item.arg is None else ""
                args.append(self.make(cst.Arg, s, _outer_end(value), value=value, keyword=keyword, star=star))
            elif isinstance(item, ast.Starred):
                s, _ = self.span(item)
                value = self.expr(item.value)
                args.append(self.make(cst.Arg, s, _outer_end(value), value=value, keyword=None, star="*"))
            else:
                value = self.expr(item, paren if sole else -1)
                args.append(
                    self.make(cst.Arg, _outer_start(value), _outer_end(value), value=value, keyword=None)
                )
        return args

    def e_BinOp(self, node, start, end):
        operator = cst.OPERATOR_OF[type(node.op)]
        return self.infix(cst.BinaryOperation, start, end, operator, left=node.left, right=node.right)

    def e_BoolOp(self, node, start, end):
        values = [self.expr(v) for v in node.values]
        kind = cst.OPERATOR_OF[type(node.op)]
        made = values[0]
        for value in values[1:]:
            operator = self.op_after(kind, _outer_end(made))
            made = self.make(
                cst.BooleanOperation, start, _outer_end(value), left=made, operator=operator, right=value
            )
        return made

    def e_UnaryOp(self, node, start, end):
        operator = self.op_after(cst.OPERATOR_OF[type(node.op)], start)
        return self.make(
            cst.UnaryOperation, start, end, operator=operator, expression=self.expr(node.operand)
        )

    def e_Compare(self, node, start, end):
        left = self.expr(node.left)
        targets = []
        previous = _outer_end(left)
        for op, comparator in zip(node.ops, node.comparators):
            operator = self.op_after(
                cst.OPERATOR_OF[type(op)], previous, 2 if type(op) in (ast.IsNot, ast.NotIn) else 1
            )
            value = self.expr(comparator)
            targets.append(
                self.make(
                    cst.ComparisonTarget, operator._s, _outer_end(value), operator=operator, comparator=value
                )
            )
            previous = _outer_end(value)
        return self.make(cst.Comparison, start, end, left=left, comparisons=tuple(targets))

    def e_IfExp(self, node, start, end):
        body = self.expr(node.body)
        test = self.expr(node.test)
        return self.make(cst.IfExp, start, end, test=test, body=body, orelse=self.expr(node.orelse))

    def e_Lambda(self, node, start, end):
        params = self.parameters(node.args, start)
        return self.make(cst.Lambda, start, end, params=params, body=self.expr(node.body))

    def e_NamedExpr(self, node, start, end):
        return self.make(
            cst.NamedExpr, start, end, target=self.expr(node.target), value=self.expr(node.value)
        )

    def e_Await(self, node, start, end):
        return self.make(cst.Await, start, end, expression=self.expr(node.value))

    def e_Yield(self, node, start, end):
        return self.make(cst.Yield, start, end, value=self.opt(node.value))

    def e_YieldFrom(self, node, start, end):
        item = self.expr(node.value)
        src = self.src
        from_at = src.starts[src.after(start) + 1]
        return self.make(
            cst.Yield, start, end, value=self.make(cst.From, from_at, _outer_end(item), item=item)
        )

    def e_Starred(self, node, start, end):
        return self.make(cst.StarredElement, start, end, value=self.expr(node.value))

    def elements(self, values):
        made = []
        for value in values:
            if isinstance(value, ast.Starred):
                item = self.expr(value)
                made.append(item)
            else:
                item = self.expr(value)
                made.append(self.make(cst.Element, _outer_start(item), _outer_end(item), value=item))
        return tuple(made)

    def e_Tuple(self, node, start, end):
        return self.make(cst.Tuple, start, end, elements=self.elements(node.elts))

    def e_List(self, node, start, end):
        return self.make(cst.List, start, end, elements=self.elements(node.elts))

    def e_Set(self, node, start, end):
        return self.make(cst.Set, start, end, elements=self.elements(node.elts))

    def e_Dict(self, node, start, end):
        elements = []
        for key, value in zip(node.keys, node.values):
            item = self.expr(value)
            if key is None:
                s = self.src.starts[self.src.before(_outer_start(item))]
                elements.append(self.make(cst.StarredDictElement, s, _outer_end(item), value=item))
            else:
                k = self.expr(key)
                elements.append(
                    self.make(cst.DictElement, _outer_start(k), _outer_end(item), key=k, value=item)
                )
        return self.make(cst.Dict, start, end, elements=tuple(elements))

    def comp_for(self, generators, start):
        made = None
        for comp in reversed(generators):
            target = self.expr(comp.target)
            src = self.src
            at = src.before(_outer_start(target))  # `for`, after `async` when there is one
            s = src.starts[at - 1] if comp.is_async else src.starts[at]
            ifs = []
            for test in comp.ifs:
                value = self.expr(test)
                ifs.append(
                    self.make(
                        cst.CompIf, src.starts[src.before(_outer_start(value))], _outer_end(value), test=value
                    )
                )
            iterable = self.expr(comp.iter)
            e = made._e if made is not None else (ifs[-1]._e if ifs else _outer_end(iterable))
            asynchronous = self.token(cst.Asynchronous, at - 1) if comp.is_async else None
            made = self.make(
                cst.CompFor,
                s,
                e,
                target=target,
                iter=iterable,
                ifs=tuple(ifs),
                inner_for_in=made,
                asynchronous=asynchronous,
            )
        return made

    def e_ListComp(self, node, start, end):
        elt = self.expr(node.elt)
        return self.make(cst.ListComp, start, end, elt=elt, for_in=self.comp_for(node.generators, start))

    def e_SetComp(self, node, start, end):
        elt = self.expr(node.elt)
        return self.make(cst.SetComp, start, end, elt=elt, for_in=self.comp_for(node.generators, start))

    def e_GeneratorExp(self, node, start, end):
        elt = self.expr(node.elt)
        return self.make(cst.GeneratorExp, start, end, elt=elt, for_in=self.comp_for(node.generators, start))

    def e_DictComp(self, node, start, end):
        key, value = self.expr(node.key), self.expr(node.value)
        return self.make(
            cst.DictComp, start, end, key=key, value=value, for_in=self.comp_for(node.generators, start)
        )

    def e_Subscript(self, node, start, end):
        value = self.expr(node.value)
        part = node.slice
        src = self.src
        bracket = src.after(_outer_end(value))
        # `x[a, b]` is two elements in LibCST, `x[(a, b)]` one.
        if (
            isinstance(part, ast.Tuple)
            and src.starts[src.after(src.starts[bracket] + 1)] == self.span(part)[0]
            and not (
                src.text[self.span(part)[0]] == "("
                and src.closing.get(self.span(part)[0]) == self.span(part)[1] - 1
            )
        ):
            parts = part.elts
        else:
            parts = [part]
        elements = []
        for piece in parts:
            if isinstance(piece, ast.Slice):
                s, e = self.span(piece)
                inner = self.make(
                    cst.Slice,
                    s,
                    e,
                    lower=self.opt(piece.lower),
                    upper=self.opt(piece.upper),
                    step=self.opt(piece.step),
                )
            elif isinstance(piece, ast.Starred):
                item = self.expr(piece.value)
                s = src.starts[src.before(_outer_start(item))]
                inner = self.make(cst.Index, s, _outer_end(item), value=item, star="*")
            else:
                item = self.expr(piece)
                inner = self.make(cst.Index, _outer_start(item), _outer_end(item), value=item, star=None)
            elements.append(self.make(cst.SubscriptElement, inner._s, inner._e, slice=inner))
        return self.make(cst.Subscript, start, end, value=value, slice=tuple(elements))

    # ------------------------------------------------------------------ parameters

    def parameters(self, args: ast.arguments, start: int):
        defaults = [None] * (len(args.posonlyargs) + len(args.args) - len(args.defaults)) + list(
            args.defaults
        )
        positional = [self.param(a, d) for a, d in zip(args.posonlyargs + args.args, defaults)]
        posonly = tuple(positional[: len(args.posonlyargs)])
        params = tuple(positional[len(args.posonlyargs) :])
        kwonly = tuple(self.param(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults))
        star_arg = cst.MaybeSentinel.DEFAULT
        if args.vararg is not None:
            star_arg = self.param(args.vararg, None, "*")
        elif kwonly:
            star_arg = self.make(cst.ParamStar, kwonly[0]._s, kwonly[0]._s)
        star_kwarg = None if args.kwarg is None else self.param(args.kwarg, None, "**")
        posonly_ind = cst.MaybeSentinel.DEFAULT
        if posonly:
            posonly_ind = self.make(cst.ParamSlash, posonly[-1]._e, posonly[-1]._e)
        first = posonly or params or kwonly or (star_kwarg,) if star_kwarg else ()
        s = first[0]._s if first else start
        return self.make(
            cst.Parameters, s, s, params=params, star_arg=star_arg, kwonly_params=kwonly,
            star_kwarg=star_kwarg, posonly_params=posonly, posonly_ind=posonly_ind,
        )  # fmt: skip

    def param(self, arg: ast.arg, default, star: str = ""):
        s, e = self.span(arg)
        annotation = None
        if arg.annotation is not None:
            value = self.expr(arg.annotation)
            annotation = self.make(cst.Annotation, _outer_start(value), _outer_end(value), annotation=value)
        default_node = self.opt(default)
        end = _outer_end(default_node) if default_node is not None else e
        return self.make(
            cst.Param,
            s,
            end,
            name=self.name_at(arg.arg, s),
            annotation=annotation,
            default=default_node,
            star=star,
        )

    # ------------------------------------------------------------------ statements

    def module(self, tree: ast.Module) -> cst.Module:
        module = cst.Module.__new__(cst.Module)
        module._src, module._s, module._e = self.src, 0, len(self.src.text)
        module.body = tuple(self.statements(tree.body))
        return module

    def statements(self, body: Sequence[ast.stmt]) -> List[cst.CSTNode]:
        """Compound statements, and the small ones grouped by line (`a; b` is one line)."""
        made: List[cst.CSTNode] = []
        line: List[cst.CSTNode] = []
        src = self.src
        outside = self.indent
        for stmt in body:
            text = src.lines[stmt.lineno - 1]
            self.indent = text[: len(text) - len(text.lstrip(" \t"))]
            if isinstance(stmt, _COMPOUND):
                made.append(self.compound(stmt))
                continue
            small = self.small(stmt)
            line.append(small)
            after = src.after(small._e)
            if (
                after >= len(src.strings)
                or src.strings[after] != ";"
                or not self._same_line(small._e, src.starts[after])
            ):
                made.append(self.make(cst.SimpleStatementLine, line[0]._s, line[-1]._e, body=tuple(line)))
                line = []
        if line:
            made.append(self.make(cst.SimpleStatementLine, line[0]._s, line[-1]._e, body=tuple(line)))
        self.indent = outside
        return made

    def _same_line(self, a: int, b: int) -> bool:
        return "\n" not in self.src.text[a:b] or "\\" in self.src.text[a:b]

    def suite(self, body: Sequence[ast.stmt], colon_end: int):
        """An IndentedBlock, or the SimpleStatementSuite of `if x: return` on one line."""
        first_start = self.span(body[0])[0]
        statements = self.statements(body)
        if isinstance(body[0], _COMPOUND) or "\n" in self.src.text[colon_end:first_start]:
            return self.make(cst.IndentedBlock, first_start, statements[-1]._e, body=tuple(statements))
        small = [s for line in statements for s in line.body]
        return self.make(cst.SimpleStatementSuite, first_start, small[-1]._e, body=tuple(small))

    def block(self, body, header_end: int):
        """The suite after the `:` that ends a header at or after `header_end`."""
        src = self.src
        colon = src.after(header_end)
        while src.strings[colon] != ":":
            colon += 1
        return self.suite(body, src.ends[colon])

    def keyword_before(self, body_start: int, word: str) -> int:
        """The offset of the `else`/`finally` that opens the clause whose body starts at body_start."""
        src = self.src
        index = src.before(body_start)
        while src.strings[index] != word:
            index -= 1
        return index

    def else_clause(self, orelse, word: str = "else"):
        if not orelse:
            return None
        at = self.keyword_before(self.span(orelse[0])[0], word)
        body = self.suite(orelse, self.src.ends[at + 1])
        return self.make(
            cst.Finally if word == "finally" else cst.Else, self.src.starts[at], body._e, body=body
        )

    def compound(self, stmt):
        start, end = self.span(stmt)
        return getattr(self, "s_" + type(stmt).__name__)(stmt, start, end)

    def s_FunctionDef(self, stmt, start, end, asynchronous=None):
        src = self.src
        decorators = tuple(self.decorator(d) for d in stmt.decorator_list)
        name = self.name_after(stmt.name, start)
        params = self.parameters(stmt.args, name._e)
        returns = None
        header_end = name._e
        if stmt.returns is not None:
            value = self.expr(stmt.returns)
            arrow = src.starts[src.before(_outer_start(value))]
            returns = self.make(cst.Annotation, arrow, _outer_end(value), annotation=value)
            header_end = _outer_end(value)
        elif (
            stmt.args.args
            or stmt.args.posonlyargs
            or stmt.args.kwonlyargs
            or stmt.args.vararg
            or stmt.args.kwarg
        ):
            header_end = src.closing[src.starts[src.after(name._e)]]
        body = self.block(stmt.body, header_end)
        return self.make(
            cst.FunctionDef, start, body._e, name=name, params=params, body=body, decorators=decorators,
            returns=returns, asynchronous=asynchronous,
        )  # fmt: skip

    def s_AsyncFunctionDef(self, stmt, start, end):
        return self.s_FunctionDef(stmt, start, end, self.make(cst.Asynchronous, start, start + 5))

    def decorator(self, node):
        value = self.expr(node)
        at = self.src.starts[self.src.before(_outer_start(value))]
        return self.make(cst.Decorator, at, _outer_end(value), decorator=value)

    def s_ClassDef(self, stmt, start, end):
        src = self.src
        decorators = tuple(self.decorator(d) for d in stmt.decorator_list)
        name = self.name_after(stmt.name, start)
        header_end = name._e
        bases: List[cst.CSTNode] = []
        keywords: List[cst.CSTNode] = []
        after = src.after(name._e)
        if src.strings[after] == "(":
            paren = src.starts[after]
            header_end = src.closing[paren]
            for arg in self.call_args(ast.Call(func=None, args=stmt.bases, keywords=stmt.keywords), paren):
                (keywords if arg.keyword is not None or arg.star == "**" else bases).append(arg)
        body = self.block(stmt.body, header_end)
        return self.make(
            cst.ClassDef, start, body._e, name=name, body=body, bases=tuple(bases), keywords=tuple(keywords),
            decorators=decorators,
        )  # fmt: skip

    def s_If(self, stmt, start, end):
        test = self.expr(stmt.test)
        body = self.block(stmt.body, _outer_end(test))
        orelse = None
        if stmt.orelse:
            first = stmt.orelse[0]
            s = self.span(first)[0]
            if isinstance(first, ast.If) and len(stmt.orelse) == 1 and self.src.text.startswith("elif", s):
                orelse = self.compound(first)
            else:
                orelse = self.else_clause(stmt.orelse)
        last = orelse if orelse is not None else body
        return self.make(cst.If, start, last._e, test=test, body=body, orelse=orelse)

    def s_For(self, stmt, start, end, asynchronous=None):
        target = self.expr(stmt.target)
        iterable = self.expr(stmt.iter)
        body = self.block(stmt.body, _outer_end(iterable))
        orelse = self.else_clause(stmt.orelse)
        last = orelse if orelse is not None else body
        return self.make(
            cst.For,
            start,
            last._e,
            target=target,
            iter=iterable,
            body=body,
            orelse=orelse,
            asynchronous=asynchronous,
        )

    def s_AsyncFor(self, stmt, start, end):
        return self.s_For(stmt, start, end, self.make(cst.Asynchronous, start, start + 5))

    def s_While(self, stmt, start, end):
        test = self.expr(stmt.test)
        body = self.block(stmt.body, _outer_end(test))
        orelse = self.else_clause(stmt.orelse)
        last = orelse if orelse is not None else body
        return self.make(cst.While, start, last._e, test=test, body=body, orelse=orelse)

    def s_With(self, stmt, start, end, asynchronous=None):
        items = []
        for item in stmt.items:
            value = self.expr(item.context_expr)
            asname = None
            e = _outer_end(value)
            if item.optional_vars is not None:
                target = self.expr(item.optional_vars)
                asname = self.make(
                    cst.AsName, src_before(self.src, _outer_start(target)), _outer_end(target), name=target
                )
                e = asname._e
            items.append(self.make(cst.WithItem, _outer_start(value), e, item=value, asname=asname))
        body = self.block(stmt.body, items[-1]._e)
        return self.make(cst.With, start, body._e, items=tuple(items), body=body, asynchronous=asynchronous)

    def s_AsyncWith(self, stmt, start, end):
        return self.s_With(stmt, start, end, self.make(cst.Asynchronous, start, start + 5))

    def s_Try(self, stmt, start, end, kind=None):
        src = self.src
        body = self.block(stmt.body, start + 3)
        handlers = []
        for handler in stmt.handlers:
            s, _ = self.span(handler)
            kind_ = cst.ExceptStarHandler if kind is cst.TryStar else cst.ExceptHandler
            type_ = self.opt(handler.type)
            name = None
            header_end = s + 6 if type_ is None else _outer_end(type_)
            if handler.name is not None:
                name_node = self.name_after(handler.name, header_end)
                name = self.make(cst.AsName, src_before(src, name_node._s), name_node._e, name=name_node)
                header_end = name_node._e
            hbody = self.block(handler.body, header_end)
            handlers.append(self.make(kind_, s, hbody._e, body=hbody, type=type_, name=name))
        orelse = self.else_clause(stmt.orelse)
        finalbody = self.else_clause(stmt.finalbody, "finally")
        last = finalbody or orelse or (handlers[-1] if handlers else body)
        return self.make(
            kind or cst.Try,
            start,
            last._e,
            body=body,
            handlers=tuple(handlers),
            orelse=orelse,
            finalbody=finalbody,
        )

    def s_TryStar(self, stmt, start, end):
        return self.s_Try(stmt, start, end, cst.TryStar)

    def s_Match(self, stmt, start, end):
        # The patterns are not read by the model: each case is its guard and its body.
        subject = self.expr(stmt.subject)
        cases = []
        for case in stmt.cases:
            s = self.span(case.pattern)[0]
            guard = self.opt(case.guard)
            body = self.block(
                case.body, _outer_end(guard) if guard is not None else self.span(case.pattern)[1]
            )
            cases.append(self.make(cst.MatchCase, s, body._e, pattern=None, body=body, guard=guard))
        return self.make(cst.Match, start, cases[-1]._e, subject=subject, cases=tuple(cases))

    def small(self, stmt):
        start, end = self.span(stmt)
        return getattr(self, "s_" + type(stmt).__name__)(stmt, start, end)

    def s_Expr(self, stmt, start, end):
        value = self.expr(stmt.value)
        return self.make(cst.Expr, _outer_start(value), _outer_end(value), value=value)

    def s_Assign(self, stmt, start, end):
        targets = []
        for target in stmt.targets:
            made = self.expr(target)
            targets.append(self.make(cst.AssignTarget, _outer_start(made), _outer_end(made), target=made))
        return self.make(cst.Assign, start, end, targets=tuple(targets), value=self.expr(stmt.value))

    def s_AugAssign(self, stmt, start, end):
        operator = cst.AUG_OPERATOR_OF[type(stmt.op)]
        return self.infix(cst.AugAssign, start, end, operator, target=stmt.target, value=stmt.value)

    def s_AnnAssign(self, stmt, start, end):
        target = self.expr(stmt.target)
        annotation = self.expr(stmt.annotation)
        colon = src_before(self.src, _outer_start(annotation))
        made = self.make(cst.Annotation, colon, _outer_end(annotation), annotation=annotation)
        return self.make(
            cst.AnnAssign, start, end, target=target, annotation=made, value=self.opt(stmt.value)
        )

    def s_Return(self, stmt, start, end):
        return self.make(cst.Return, start, end, value=self.opt(stmt.value))

    def s_Raise(self, stmt, start, end):
        exc = self.opt(stmt.exc)
        cause = None
        if stmt.cause is not None:
            item = self.expr(stmt.cause)
            cause = self.make(cst.From, src_before(self.src, _outer_start(item)), _outer_end(item), item=item)
        return self.make(cst.Raise, start, end, exc=exc, cause=cause)

    def s_Assert(self, stmt, start, end):
        return self.make(cst.Assert, start, end, test=self.expr(stmt.test), msg=self.opt(stmt.msg))

    def s_Delete(self, stmt, start, end):
        targets = [self.expr(t) for t in stmt.targets]
        if len(targets) == 1:
            target = targets[0]
        else:
            elements = tuple(self.make(cst.Element, _outer_start(t), _outer_end(t), value=t) for t in targets)
            target = self.make(
                cst.Tuple, _outer_start(targets[0]), _outer_end(targets[-1]), elements=elements
            )
        return self.make(cst.Del, start, end, target=target)

    def s_Pass(self, stmt, start, end):
        return self.make(cst.Pass, start, end)

    def s_Break(self, stmt, start, end):
        return self.make(cst.Break, start, end)

    def s_Continue(self, stmt, start, end):
        return self.make(cst.Continue, start, end)

    def s_Global(self, stmt, start, end, kind=None):
        names = []
        offset = start
        for value in stmt.names:
            name = self.name_after(value, offset + 1)
            names.append(self.make(cst.NameItem, name._s, name._e, name=name))
            offset = name._e
        return self.make(kind or cst.Global, start, end, names=tuple(names))

    def s_Nonlocal(self, stmt, start, end):
        return self.s_Global(stmt, start, end, cst.Nonlocal)

    def dotted(self, text: str, start: int):
        """`a.b.c` as LibCST's Attribute chain, its first name at `start`."""
        parts = text.split(".")
        made = self.name_after(parts[0], start)
        for part in parts[1:]:
            attr = self.name_after(part, made._e)
            made = self.make(cst.Attribute, made._s, attr._e, value=made, attr=attr)
        return made

    def alias(self, alias: ast.alias):
        s, e = self.span(alias)
        name = self.dotted(alias.name, s)
        asname = None
        if alias.asname is not None:
            target = self.name_after(alias.asname, name._e)
            asname = self.make(cst.AsName, src_before(self.src, target._s), target._e, name=target)
        return self.make(cst.ImportAlias, s, e, name=name, asname=asname)

    def s_Import(self, stmt, start, end):
        return self.make(cst.Import, start, end, names=tuple(self.alias(a) for a in stmt.names))

    def s_ImportFrom(self, stmt, start, end):
        src = self.src
        index = src.after(start) + 1
        relative = []
        while src.strings[index] in (".", "..."):
            for offset in range(src.starts[index], src.ends[index]):
                relative.append(self.make(cst.Dot, offset, offset + 1))
            index += 1
        module = self.dotted(stmt.module, src.starts[index]) if stmt.module else None
        if len(stmt.names) == 1 and stmt.names[0].name == "*":
            star = src.after(module._e if module is not None else src.starts[index])
            while src.strings[star] != "*":
                star += 1
            names = self.token(cst.ImportStar, star)
        else:
            names = tuple(self.alias(a) for a in stmt.names)
        return self.make(cst.ImportFrom, start, end, module=module, names=names, relative=tuple(relative))

    def s_TypeAlias(self, stmt, start, end):  # pragma: no cover (Python 3.12)
        return self.make(cst.Pass, start, end)


def src_before(src: Source, offset: int) -> int:
    """The start of the token before `offset` (the `as`, `:` or `from` that opens a part)."""
    return src.starts[src.before(offset)]


def _outer_start(node) -> int:
    lpar = getattr(node, "lpar", ())
    return lpar[0] if lpar else node._s


def _outer_end(node) -> int:
    rpar = getattr(node, "rpar", ())
    return rpar[-1] + 1 if rpar else node._e
