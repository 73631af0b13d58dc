"""The layers the architecture promises, read from the source's imports: the engine
(core/) is handed its rules and imports none, and one command face uses only another's
public names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "flake8_dplen"


def _imports(path: Path, source=None):
    """(absolute module, imported names) of every import in the file, at any depth."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(parts[: len(parts) - node.level]) if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            yield module, tuple(alias.name for alias in node.names)


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").glob("*.py")), ids=lambda p: p.name)
def test_the_engine_imports_no_rule(path):
    for module, names in _imports(path):
        assert not module.startswith("flake8_dplen.rules"), (path.name, module)
        assert not (module == "flake8_dplen" and "rules" in names), path.name


def test_verify_uses_only_public_names_of_fix():
    names = [
        n for module, ns in _imports(PACKAGE / "cli" / "verify.py") if module.endswith("cli.fix") for n in ns
    ]
    assert names and [n for n in names if n.startswith("_")] == []


def test_relative_imports_are_resolved_as_python_does():
    # The tests above must be able to fail: a rule import inside a function is seen.
    path = PACKAGE / "core" / "analysis.py"
    source = "def f():\n    from ..rules import RULES\n    from . import flow\n"
    assert list(_imports(path, source)) == [
        ("flake8_dplen.rules", ("RULES",)),
        ("flake8_dplen.core", ("flow",)),
    ]
