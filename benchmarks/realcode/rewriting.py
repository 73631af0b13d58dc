"""The codemod run for real on a copy of a tree, and every file it changed judged: it
compiles, only the flagged expressions changed (plus an `import math` and/or the
inserted `_dplen_expected_pieces`), nothing fixable is left, and a second run changes
nothing."""

from __future__ import annotations

import ast
import difflib
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

from environment import REPO

from flake8_dplen.core import syntax
from flake8_dplen.engine import analyze_source
from flake8_dplen.fixes.rewrite import plan

from .fetching import python_files
from .packages import bases_args, config_for
from .scanning import PackageResult


@dataclass
class RewriteResult:
    changed: List[str] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)
    second_run_changed: List[str] = field(default_factory=list)


def fix_ranges(text: str, path: str, config) -> List[Tuple[Tuple[int, int], Tuple[int, int]]]:
    """((line, col), (line, col)) spans of the nodes the fixes replace, in the original."""
    module, located = analyze_source(text, config, path)
    if module is None:
        return []
    planned = plan(text, located)
    if not planned.fixes:
        return []
    nodes = [item.finding.fix.node for item in planned.fixes]
    return [(syntax.position(node), syntax.end_position(node)) for node in nodes]


def _inside(node: ast.AST, spans, lines: Sequence[str]) -> bool:
    """`node` lies within one of the replaced spans (libcst spans may include the
    parentheses that ast leaves out, so containment is the test, not equality)."""
    if not isinstance(node, ast.expr):
        return False

    def char_col(line: int, byte_col: int) -> int:
        # ast columns count UTF-8 bytes, libcst's count characters.
        return len(lines[line - 1].encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    start = (node.lineno, char_col(node.lineno, node.col_offset))
    end = (node.end_lineno, char_col(node.end_lineno, node.end_col_offset))
    return any(span[0] <= start and end <= span[1] for span in spans)


def _differences(old, new, parent) -> List[Any]:
    """The outermost nodes of `old` at which `new` differs (a node whose own fields or
    child counts differ is reported itself; otherwise the search goes down)."""
    if type(old) is not type(new):
        # An operator or context node has no position of its own: its expression does.
        return [old if isinstance(old, (ast.expr, ast.stmt)) else parent]
    if isinstance(old, ast.AST):
        found = []
        for name in old._fields:
            x, y = getattr(old, name, None), getattr(new, name, None)
            if isinstance(x, list):
                if not isinstance(y, list) or len(x) != len(y):
                    found.append(old)
                    continue
                for i, j in zip(x, y):
                    found += _differences(i, j, old)
            else:
                found += _differences(x, y, old)
        return found
    return [] if old == new else [parent]


def _is_added(stmt: ast.stmt) -> bool:
    if isinstance(stmt, ast.Import) and [(a.name, a.asname) for a in stmt.names] == [("math", None)]:
        return True
    return isinstance(stmt, ast.FunctionDef) and stmt.name == "_dplen_expected_pieces"


def ast_changes_allowed(old_text: str, new_text: str, spans, label: str) -> List[str]:
    """Every difference between the two syntax trees sits inside a replaced expression,
    apart from an added `import math` and the appended helper."""
    old, new = ast.parse(old_text), ast.parse(new_text)
    before = {ast.dump(s) for s in old.body if _is_added(s)}
    body = [s for s in new.body if not (_is_added(s) and ast.dump(s) not in before)]
    if len(body) != len(old.body):
        return [f"{label}: statements added or removed beyond `import math` / the helper"]
    lines = old_text.splitlines()
    problems = []
    for a, b in zip(old.body, body):
        for node in _differences(a, b, a):
            if not _inside(node, spans, lines):
                where = getattr(node, "lineno", "?")
                kind = type(node).__name__
                problems.append(f"{label}:{where}: {kind} changed outside the flagged expressions")
    return problems


def line_changes_allowed(old_text: str, new_text: str, spans, label: str) -> List[str]:
    """Text-level: no line outside a replaced span may change (comments, spacing...)."""
    old, new = old_text.splitlines(), new_text.splitlines()
    touched = set()
    for (l1, _), (l2, _) in spans:
        touched.update(range(l1, l2 + 1))
    problems = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changed = set(range(i1 + 1, i2 + 1))
        if not changed <= touched:
            problems.append(f"{label}: lines {sorted(changed - touched)[:5]} changed outside a fix")
        if tag == "insert":
            added = "\n".join(new[j1:j2]).strip()
            # The helper goes in before the first class that calls it.
            helper = added.startswith("def _dplen_expected_pieces")
            beside_fix = i1 in touched or i1 + 1 in touched
            if not (added == "import math" or helper or beside_fix):
                problems.append(f"{label}: lines inserted before line {i1 + 1}: {added[:60]!r}")
    return problems


def snapshot(tree: Path) -> Dict[str, bytes]:
    return {str(p.relative_to(tree)): p.read_bytes() for p in python_files(tree)}


def rewrite_copy(result: PackageResult, tree: Path, jobs: int) -> RewriteResult:
    """Run the codemod for real on a copy, then judge every file it changed."""
    out = RewriteResult()
    if not any(h.gating for h in result.hits):
        return out
    config = config_for(result.label)
    # The model's fixes as proven, unverified: a verifying run would undo a wrong "safe" fix
    # that the check refutes, and hide from this judgement the very fixes it is here to catch.
    command = [
        sys.executable,
        "-m",
        "codemods.fix_len",
        "-q",
        "--no-verify",
        "-j",
        str(jobs),
        *bases_args(result.label),
    ]
    with tempfile.TemporaryDirectory(prefix=f"dplen-{result.label}-") as tmp:
        copy = Path(tmp) / "tree"
        shutil.copytree(tree, copy)
        before = snapshot(copy)
        subprocess.run([*command, str(copy)], capture_output=True, text=True, cwd=REPO)
        after = snapshot(copy)
        for rel, data in sorted(after.items()):
            if before.get(rel) == data:
                continue
            out.changed.append(rel)
            old_text, new_text = before[rel].decode("utf-8"), data.decode("utf-8")
            try:
                compile(new_text, rel, "exec")
            except SyntaxError as exc:
                out.problems.append(f"{rel}: fixed file does not compile: {exc}")
                continue
            spans = fix_ranges(old_text, str(tree / rel), config)
            if not spans:
                out.problems.append(f"{rel}: changed although no fixable finding was planned")
                continue
            out.problems += ast_changes_allowed(old_text, new_text, spans, rel)
            out.problems += line_changes_allowed(old_text, new_text, spans, rel)
            _, left = analyze_source(new_text, config, str(copy / rel))
            for item in left:
                if item.finding.gating and item.finding.fix is not None:
                    out.problems.append(f"{rel}:{item.line}: {item.finding.code} still fixable after the fix")
        flagged = {h.path for h in result.hits if h.gating and h.fixable}
        for rel in sorted(flagged - set(out.changed)):
            out.problems.append(f"{rel}: has a fixable finding but the codemod left it unchanged")
        subprocess.run([*command, str(copy)], capture_output=True, text=True, cwd=REPO)
        again = snapshot(copy)
        out.second_run_changed = sorted(rel for rel in after if again.get(rel) != after[rel])
    return out
