"""Messages a reader takes in at a glance: one short sentence with its counterexample, a
link to the rule's page, and the fix or its reason shown whole, once, where it belongs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_dplen import HOMEPAGE, rule_url
from flake8_dplen.engine import analyze_source
from flake8_dplen.rules import RULES

REPO_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FIXTURES = REPO_ROOT / "tests" / "fixtures"
LIMIT = 140  # a first sentence, counterexample included


def _sources():
    for path in sorted(FIXTURES.rglob("*.py")):
        yield str(path.relative_to(REPO_ROOT)), path.read_bytes().decode("utf-8", "replace")
    opacus = REPO_ROOT / ".cache" / "opacus-1.4.1" / "opacus" / "utils" / "batch_memory_manager.py"
    if not opacus.is_file():
        pytest.fail("opacus 1.4.1 is not unpacked; run scripts/setup.sh", pytrace=False)
    yield "opacus 1.4.1", opacus.read_text()


def test_every_message_is_one_short_uncut_sentence():
    seen = {}
    for where, source in _sources():
        try:
            _, located = analyze_source(source)
        except Exception:  # fixtures that are not Python on purpose
            continue
        for item in located:
            message = item.finding.message
            seen.setdefault(item.finding.code, []).append(len(message))
            assert len(message) < LIMIT, (where, message)
            assert "\n" not in message, (where, message)
            # The fix and the reason travel beside the message, whole (a long expression
            # in the message itself may be shortened with "...", a fix never is).
            assert "fix:" not in message and (item.finding.manual or "\0") not in message, (where, message)
    assert set(seen) == {rule.code for rule in RULES}, "every rule's message was looked at"


def test_the_project_address_is_the_one_pyproject_declares():
    tomllib = pytest.importorskip("tomllib")
    urls = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["urls"]
    assert urls["Homepage"] == HOMEPAGE
    assert rule_url("DPL101") == f"{HOMEPAGE}/blob/main/docs/rules/DPL101.md"


def _flake8(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=DPL", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_flake8_lines_end_with_the_rule_page_and_statistics_group_by_code(tmp_path):
    source = (FIXTURES / "codemod" / "chunks_int.py").read_text()
    for name in ("a.py", "b.py", "c.py"):
        (tmp_path / name).write_text(source.replace("self.bs", f"self.bs_{name[0]}"))
    done = _flake8(".", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert len(lines) == 3 and all(line.endswith(" " + rule_url("DPL101")) for line in lines), done.stdout
    stats = _flake8("--statistics", "-qq", ".", cwd=tmp_path)
    assert [line.split()[:2] for line in stats.stdout.splitlines()] == [["3", "DPL101"]], stats.stdout


def test_the_poisson_branch_is_not_called_a_partial_batch(opacus_141_dir):
    module = opacus_141_dir / "opacus" / "utils" / "batch_memory_manager.py"
    _, located = analyze_source(module.read_text())
    messages = sorted(item.finding.message for item in located)
    assert len(messages) == 2, messages
    poisson = [m for m in messages if "random batch" in m]
    assert len(poisson) == 1 and "partial batch" not in poisson[0], messages


def test_the_codemod_gives_a_manual_reason_once(tmp_path):
    (tmp_path / "split.py").write_text((FIXTURES / "codemod" / "split_manual.py").read_text())
    done = subprocess.run(
        [str(BIN / "dplen"), "fix", "--check", "--isolated", "split.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    (line,) = done.stdout.splitlines()
    (entry,) = json.loads(
        subprocess.run(
            [str(BIN / "dplen"), "fix", "--check", "--isolated", "--format=json", "split.py"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        ).stdout
    )
    assert entry["reason"] and line.count(entry["reason"]) == 1 and line.count("manual fix") == 1, line
    assert entry["url"] == rule_url("DPL105")
