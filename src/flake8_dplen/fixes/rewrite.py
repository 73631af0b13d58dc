"""Turn findings into an edited module: what the codemod (and the LibCST command) apply."""

from __future__ import annotations

import argparse
import io
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from ..core import syntax
from ..core.analysis import Located
from .imports import add_imports
from .lazy import realize
from .linelength import DEFAULT as DEFAULT_LINE_LENGTH
from .wrap import wrapped


def source_lines(text: str) -> List[str]:
    """Lines as Python counts them: only \\n, \\r\\n and \\r end a line (str.splitlines
    also breaks at form feeds and other separators, shifting every line after them)."""
    return io.StringIO(text, newline="").readlines()


class Noqa:
    """Which findings flake8 itself would silence in a file, judged by flake8's own code:
    its file processor (the `# flake8: noqa` test, and the mapping of each line to the
    physical lines of its token run, so a comment closing a backslash continuation covers
    it) and its Violation's inline test (flake8.defaults.NOQA_INLINE_REGEXP and its
    case-sensitive code prefixes)."""

    def __init__(self, source: str) -> None:
        from flake8.processor import FileProcessor

        # flake8 reads files with universal newlines; only the options the processor
        # reads at construction are given, as flake8's own defaults.
        text = io.StringIO(source, newline=None).readlines()
        options = argparse.Namespace(
            disable_noqa=False,
            hang_closing=False,
            indent_size=4,
            max_line_length=79,
            max_doc_length=None,
            verbose=0,
        )
        self._processor = FileProcessor("-", options, lines=text)
        self.file_ignored = self._processor.should_ignore_file()

    def suppressed(self, line: int, code: str) -> bool:
        from flake8.violation import Violation

        if self.file_ignored:
            return True
        # None when the file does not tokenize: flake8 then reads the physical line.
        physical = self._processor.noqa_line_for(line)
        if physical is None:
            physical = self._processor.lines[line - 1] if line <= len(self._processor.lines) else ""
        return Violation(code, "-", line, 0, "", physical).is_inline_ignored(disable_noqa=False)


@dataclass
class Plan:
    lines: List[str]  # of the source, with their line endings
    fixes: List[Located] = field(default_factory=list)
    manual: List[Located] = field(default_factory=list)

    @property
    def imports(self) -> FrozenSet[str]:
        return frozenset(m for item in self.fixes for m in item.finding.fix.imports)

    @property
    def helpers(self) -> List[str]:
        return sorted({item.finding.fix.helper for item in self.fixes if item.finding.fix.helper})


def plan(source: str, located: Sequence[Located]) -> Plan:
    """Split the gating findings of `source` that flake8 would report (no `# noqa`
    silences them) into fixable and manual."""
    result = Plan(source_lines(source))
    gating = [item for item in located if item.finding.gating]
    if not gating:
        return result
    noqa = Noqa(source)
    for item in gating:
        if noqa.suppressed(item.line, item.finding.code):
            continue
        if item.finding.fix is not None:
            result.fixes.append(item)
        else:
            result.manual.append(item)
    return result


class _Replace(cst.CSTTransformer):
    def __init__(self, replacements: Dict[int, cst.CSTNode]) -> None:
        self.replacements = replacements

    def on_leave(self, original_node, updated_node):
        return self.replacements.get(id(original_node), updated_node)


def _span(node: syntax.CSTNode):
    """Where LibCST's PositionProvider places a model node: (kind, start, end)."""
    return type(node).__name__, syntax.position(node), syntax.end_position(node)


def replace_nodes(module: cst.Module, planned: Plan, line_length: int) -> cst.Module:
    """Swap each fix's node (the LibCST node of `module`, LibCST's tree of the analysed
    text, that stands where the model's node does) for its replacement, laid out to fit
    in `line_length` columns where the node stands."""
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    wanted = {_span(item.finding.fix.node) for item in planned.fixes}
    placed = {}
    for node, where in positions.items():
        key = (
            type(node).__name__,
            (where.start.line, where.start.column),
            (where.end.line, where.end.column),
        )
        if key in wanted:
            placed[key] = node
    replacements = {}
    for item in planned.fixes:
        fix = item.finding.fix
        target = placed[_span(fix.node)]
        where = positions[target]
        first = planned.lines[where.start.line - 1]
        last = planned.lines[where.end.line - 1].rstrip("\r\n")
        indent = first[: len(first) - len(first.lstrip(" \t"))]
        tail = len(last) - where.end.column
        replacements[id(target)] = wrapped(
            realize(fix.replacement), where.start.column, indent, tail, line_length
        )
    return module.visit(_Replace(replacements))


def add_helpers(module: cst.Module, helpers: Sequence[str], at: int) -> cst.Module:
    """Insert each helper function the fixes call, unless the module already defines it,
    as the `at`-th top-level statement: before the first class that calls it, so that
    module-level code after that class (a `__main__` block) finds it defined."""
    defined = {s.name.value for s in module.body if isinstance(s, cst.FunctionDef)}
    for helper in helpers:
        # The helper's docstring spans lines: they must end as the file's lines do.
        function = cst.parse_module(helper.replace("\n", module.default_newline)).body[0]
        if function.name.value not in defined:
            spaced = function.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
            body = list(module.body)
            body.insert(at, spaced)
            module = module.with_changes(body=body)
    return module


def _first_caller(module: cst.Module, planned: Plan) -> int:
    """Index of the first top-level statement holding a fix that calls a helper."""
    callers = {syntax.position(item.finding.cls) for item in planned.fixes if item.finding.fix.helper}
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    starts = [(positions[stmt].start.line, positions[stmt].start.column) for stmt in module.body]
    return next((i for i, start in enumerate(starts) if start in callers), len(module.body))


def apply(module: cst.Module, planned: Plan, line_length: int = DEFAULT_LINE_LENGTH) -> cst.Module:
    """The rewritten module; `line_length` is the file's (linelength.line_length_for
    gives it). `module` is LibCST's tree of the analysed text, or the model's (whose text
    LibCST then parses: only LibCST writes)."""
    if isinstance(module, syntax.Module):
        module = cst.parse_module(module.code)
    if not planned.fixes:
        return module
    at = _first_caller(module, planned)
    edited = add_helpers(replace_nodes(module, planned, line_length), planned.helpers, at)
    return add_imports(edited, planned.imports)
