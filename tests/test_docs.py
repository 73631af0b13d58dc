"""The rule pages in docs/rules/ are generated (scripts/gen_docs.py) and must not drift:
from the rules, from what flake8 really prints, from the codemod's real output, from the
README's rule table, or from the links the SARIF report gives."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_dplen.rules import BY_CODE, RULES

REPO_ROOT = Path(__file__).resolve().parents[1]
DOCS = REPO_ROOT / "docs" / "rules"
GEN = REPO_ROOT / "scripts" / "gen_docs.py"
BIN = Path(sys.executable).parent


def _run(args, cwd=REPO_ROOT):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def _blocks(text: str, lang: str):
    return re.findall(rf"^```{lang}\n(.*?)^```$", text, flags=re.M | re.S)


def test_committed_docs_are_exactly_a_fresh_generation(tmp_path):
    result = _run([sys.executable, str(GEN), "--out", str(tmp_path)])
    assert result.returncode == 0, result.stderr
    generated = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    committed = {p.name: p.read_bytes() for p in DOCS.iterdir()}
    assert sorted(committed) == sorted(generated), "run: python scripts/gen_docs.py"
    for name in generated:
        assert committed[name] == generated[name], (
            f"docs/rules/{name} is stale: run python scripts/gen_docs.py"
        )
    assert sorted(generated) == sorted([f"{rule.code}.md" for rule in RULES] + ["README.md"])


def test_check_mode_names_a_drifted_page_and_a_page_without_rule(tmp_path):
    for page in DOCS.iterdir():
        (tmp_path / page.name).write_bytes(page.read_bytes())
    edited = tmp_path / "DPL103.md"
    edited.write_text(edited.read_text().replace("drops", "keeps"))
    (tmp_path / "DPL999.md").write_text("# a rule that no longer exists\n")
    drifted = _run([sys.executable, str(GEN), "--check", "--out", str(tmp_path)])
    assert drifted.returncode == 1
    named = sorted(Path(line.split(":")[0]).name for line in drifted.stderr.splitlines())
    assert named == ["DPL103.md", "DPL999.md"]

    rewritten = _run([sys.executable, str(GEN), "--out", str(tmp_path)])
    assert rewritten.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in DOCS.iterdir())
    assert edited.read_bytes() == (DOCS / "DPL103.md").read_bytes()


def _page(code: str) -> str:
    return (DOCS / f"{code}.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page_examples(tmp_path_factory):
    """Each page's code blocks written out as files, and flake8 run once over all of them."""
    root = tmp_path_factory.mktemp("pages")
    examples = {}
    for rule in RULES:
        text = _page(rule.code)
        python = _blocks(text, "python")
        (reported,) = _blocks(text, "text")
        fixable = "After `dplen-fix" in text
        before, after, valid = (python[0], python[1], python[2]) if fixable else (python[0], None, python[1])
        folder = root / rule.code
        folder.mkdir()
        for name, source in (("example.py", before), ("after.py", after), ("valid.py", valid)):
            if source is not None:
                (folder / name).write_text(source)
        examples[rule.code] = {"reported": reported, "folder": folder, "before": before, "fixable": fixable}
    flake8 = _run([str(BIN / "flake8"), "--select=DPL", "."], cwd=root)
    assert flake8.returncode == 1, flake8.stderr
    by_file = {}
    for line in flake8.stdout.splitlines():
        path, rest = line.split(":", 1)
        by_file.setdefault(os.path.normpath(path), []).append(f"example.py:{rest}")
    return examples, by_file


@pytest.mark.parametrize("code", [rule.code for rule in RULES])
def test_page_shows_what_flake8_really_prints_and_the_fix_really_clears_it(page_examples, code):
    examples, by_file = page_examples
    example = examples[code]
    assert by_file[os.path.join(code, "example.py")] == example["reported"].splitlines()
    assert os.path.join(code, "valid.py") not in by_file
    after = by_file.get(os.path.join(code, "after.py"), [])
    if example["fixable"]:
        assert not [line for line in after if f" {code} " in line], after
    else:
        assert not BY_CODE[code].gating or "left for a manual fix" in _page(code)


def test_fixed_examples_on_the_pages_are_what_the_codemod_cli_writes(tmp_path):
    """The pages call the rewrite functions directly; the command must write the same."""
    expected = {}
    for rule in RULES:
        text = _page(rule.code)
        if "After `dplen-fix" in text:
            before, after = _blocks(text, "python")[:2]
            (tmp_path / f"{rule.code}.py").write_text(before)
            expected[f"{rule.code}.py"] = after
    assert len(expected) >= 5
    result = _run(
        [sys.executable, "-m", "codemods.fix_len", "--no-verify", "-j1", *sorted(expected)], cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    for name, after in expected.items():
        assert (tmp_path / name).read_text() == after, name


def test_noqa_shown_on_each_page_silences_flake8(tmp_path):
    for rule in RULES:
        code = rule.code
        text = _page(code)
        suppress = text.split("## Suppressing", 1)[1]
        (noqa_line,) = _blocks(suppress, "python")
        line_no = int(re.search(r"\(line (\d+) above\)", suppress).group(1))
        lines = _blocks(text, "python")[0].splitlines()
        reported = lines[line_no - 1]
        assert reported.strip() + f"  # noqa: {code}" == noqa_line.strip(), code
        lines[line_no - 1] = reported[: len(reported) - len(reported.lstrip())] + noqa_line.strip()
        (tmp_path / f"{code}.py").write_text("\n".join(lines) + "\n")
        # Without the comment the same file is reported: the comment is what silences it.
        (tmp_path / f"{code}_bare.py").write_text(_blocks(text, "python")[0])
    result = _run([str(BIN / "flake8"), "--select=DPL", "."], cwd=tmp_path)
    reported_files = {os.path.basename(line.split(":")[0]) for line in result.stdout.splitlines()}
    assert reported_files == {f"{rule.code}_bare.py" for rule in RULES}, result.stdout


def test_readme_links_the_generated_rule_index_and_keeps_no_table_of_its_own():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/rules/README.md)" in readme
    assert not [line for line in readme.splitlines() if re.match(r"^\| DPL\d{3} \|", line)]
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    linked = re.findall(r"^\| \[(DPL\d{3})\]\((DPL\d{3})\.md\)", index, flags=re.M)
    assert linked == [(rule.code, rule.code) for rule in RULES]


def test_every_page_has_the_rule_docstring_sections():
    for rule in RULES:
        headings = re.findall(r"^## (.+)$", _page(rule.code), flags=re.M)
        assert headings[:6] == [
            "What it does",
            "Why is this bad",
            "Example",
            "Use instead",
            "Fix safety",
            "Known problems",
        ], rule.code


def test_the_rule_link_of_every_message_points_at_its_page():
    from flake8_dplen import HOMEPAGE, rule_url

    for rule in RULES:
        uri = rule_url(rule.code)
        assert uri.startswith(f"{HOMEPAGE}/blob/main/docs/rules/"), uri
        relative = uri.split("/blob/main/", 1)[1]
        assert (REPO_ROOT / relative).is_file(), uri
