"""Turn findings into an edited module: what the codemod (and the LibCST command) apply."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Sequence, Tuple

import libcst as cst

from ..core.analysis import Located

_NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]+[0-9]+", re.IGNORECASE)


def source_lines(text: str) -> List[str]:
    """Lines as Python counts them: only \\n, \\r\\n and \\r end a line (str.splitlines
    also breaks at form feeds and other separators, shifting every line after them)."""
    return io.StringIO(text, newline="").readlines()


def suppressed(line: str, code: str) -> bool:
    """flake8's inline rule: bare `# noqa`, or `# noqa: X` where `code` starts with X."""
    match = _NOQA.search(line)
    if match is None:
        return False
    codes = match.group("codes")
    if codes is None:
        return True
    return any(code.upper().startswith(c.upper()) for c in _CODE.findall(codes))


@dataclass
class Plan:
    fixes: List[Located] = field(default_factory=list)
    manual: List[Located] = field(default_factory=list)

    @property
    def imports(self) -> FrozenSet[str]:
        return frozenset(m for item in self.fixes for m in item.finding.fix.imports)

    @property
    def helpers(self) -> List[str]:
        return sorted({item.finding.fix.helper for item in self.fixes if item.finding.fix.helper})


def plan(lines: Sequence[str], located: Sequence[Located]) -> Plan:
    """Split the gating findings that no `# noqa` silences into fixable and manual."""
    result = Plan()
    for item in located:
        if not item.finding.gating:
            continue
        line = lines[item.line - 1] if item.line <= len(lines) else ""
        if suppressed(line, item.finding.code):
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


def replace_nodes(module: cst.Module, fixes: Sequence[Located]) -> cst.Module:
    """Swap each fix's node (by identity, so the tree must be the analysed one)."""
    replacements = {id(item.finding.fix.node): item.finding.fix.replacement for item in fixes}
    return module.visit(_Replace(replacements))


def add_helpers(module: cst.Module, helpers: Sequence[str]) -> cst.Module:
    """Append each helper function the fixes call, unless the module already defines it."""
    defined = {s.name.value for s in module.body if isinstance(s, cst.FunctionDef)}
    for helper in helpers:
        function = cst.parse_statement(helper)
        if function.name.value not in defined:
            spaced = function.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
            module = module.with_changes(body=[*module.body, spaced])
    return module


def apply(module: cst.Module, planned: Plan) -> Tuple[cst.Module, int]:
    """The rewritten module and how many findings it fixed."""
    if not planned.fixes:
        return module, 0
    edited = add_helpers(replace_nodes(module, planned.fixes), planned.helpers)
    if planned.imports:
        # libcst.codemod pulls in libcst.matchers (~0.5 s): only files being fixed pay it.
        from libcst.codemod import CodemodContext
        from libcst.codemod.visitors import AddImportsVisitor, ImportItem

        items = [ImportItem(name) for name in sorted(planned.imports)]
        edited = AddImportsVisitor(CodemodContext(), items).transform_module(edited)
    return edited, len(planned.fixes)
