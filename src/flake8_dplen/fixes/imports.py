"""Adding `import <stdlib module>` where isort (and ruff's I001) would put it: in the
standard-library section of the module's top import block, in sorted position, or as a
section of its own before the others. A block that was sorted stays sorted."""

from __future__ import annotations

import sys
from typing import List, Optional, Sequence, Tuple

import libcst as cst

# Python 3.9 has no list of its standard modules: there the new import always starts a
# section of its own, which isort accepts only when the block had no stdlib section.
_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))


def _dotted(node: Optional[cst.BaseExpression]) -> str:
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return node.value if isinstance(node, cst.Name) else ""


def _import_line(stmt: cst.CSTNode) -> Optional[cst.BaseSmallStatement]:
    """The first import of a line that holds imports only, else None."""
    if isinstance(stmt, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body
    ):
        return stmt.body[0]
    return None


def _module_of(imp: cst.BaseSmallStatement) -> Tuple[str, bool]:
    """(dotted module, is relative)."""
    if isinstance(imp, cst.Import):
        return _dotted(imp.names[0].name), False
    return _dotted(imp.module), bool(imp.relative)


def _sort_key(imp: cst.BaseSmallStatement) -> Tuple[int, str, str]:
    # isort's default: in a section, `import x` lines come before `from x import y`.
    name, _ = _module_of(imp)
    return (0 if isinstance(imp, cst.Import) else 1, name.lower(), name)


def _is_stdlib(imp: cst.BaseSmallStatement) -> bool:
    name, relative = _module_of(imp)
    return not relative and name.split(".")[0] in _STDLIB


def _is_docstring(stmt: cst.CSTNode) -> bool:
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Expr)
        and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _blank_lines(count: int, lines: Sequence[cst.EmptyLine]) -> List[cst.EmptyLine]:
    """`lines` with at least `count` blank lines before its comments."""
    blank = 0
    while blank < len(lines) and lines[blank].comment is None:
        blank += 1
    return [cst.EmptyLine()] * max(count, blank) + list(lines[blank:])


def _with_import(body: List[cst.BaseStatement], name: str) -> List[cst.BaseStatement]:
    start = 1 if body and _is_docstring(body[0]) else 0
    while start < len(body) and (imp := _import_line(body[start])) and _module_of(imp)[0] == "__future__":
        start += 1
    end = start
    while end < len(body) and _import_line(body[end]):
        end += 1
    new = cst.parse_statement(f"import {name}\n")
    key = _sort_key(new.body[0])
    stdlib = [i for i in range(start, end) if _is_stdlib(_import_line(body[i]))]
    if stdlib:
        pos = next((i for i in stdlib if _sort_key(_import_line(body[i])) > key), stdlib[-1] + 1)
        if pos == stdlib[0]:
            # First of its section: the comments and blank lines above it are the section's.
            new = new.with_changes(leading_lines=body[pos].leading_lines)
            body[pos] = body[pos].with_changes(leading_lines=[])
    elif start < len(body):
        pos = start
        new = new.with_changes(leading_lines=[cst.EmptyLine()] if start else [])
        after = 1 if end > start or not isinstance(body[pos], (cst.ClassDef, cst.FunctionDef)) else 2
        body[pos] = body[pos].with_changes(leading_lines=_blank_lines(after, body[pos].leading_lines))
    else:
        pos = start
    return [*body[:pos], new, *body[pos:]]


def add_imports(module: cst.Module, names: Sequence[str]) -> cst.Module:
    """`module` with `import <name>` added for each of `names` (standard modules)."""
    body = list(module.body)
    for name in sorted(names):
        body = _with_import(body, name)
    return module.with_changes(body=body)
