"""flake8 and the codemod must agree on every line: a finding flake8 reports is one the
codemod acts on, and a finding a `# noqa` (or a file's `# flake8: noqa`) silences for
flake8 is left alone by the codemod. Both are run for real on the same files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, Set, Tuple

from commands import python_m

# Each comment ends the line of one `int(n / bs)` truncation (DPL101): flake8 honours
# these,
SILENCING = [
    "# noqa",
    "# noqa: DPL101",
    "# noqa:DPL101",
    "# NOQA: DPL101",
    "# NoQA:DPL1",
    "# noqa: DPL",
    "# noqa: D",
    "# noqa: E501,DPL101",
    "# noqa: E501, DPL101",
    "# noqa: E501 DPL101",
    "# noqa : DPL101",
    "# noqa:  DPL101",
    "# noqa DPL201",
    "# noqa: DPL101 because the tail is dropped on purpose",
    "# type: ignore # noqa: DPL101",
]
# and reports the line under none or these: its regex wants exactly "# noqa" and compares
# codes case-sensitively (a "# noqa" whose code list does not parse is a bare one).
NOT_SILENCING = [
    "",
    "# noqa: DPL102",
    "# noqa: E501",
    "#noqa: DPL101",
    "#noqa",
    "#  noqa",
    "# noqa: dpl101",
    "# see issue 12, noqa",
    "# flake8: noqa",
    "# ruff: noqa: DPL101",
]
INLINE = SILENCING + NOT_SILENCING

# Continuations: flake8 reads a noqa on any physical line of the token run that holds
# the reported line (a backslash joins lines into one run; a newline inside brackets
# does not).
CONTINUED = {
    "backslash_last": "int(n / bs) + \\\n            0  # noqa: DPL101",
    "backslash_middle": "0 + \\\n            int(n / bs) + \\\n            0  # noqa: DPL101",
    "backslash_other_code": "int(n / bs) + \\\n            0  # noqa: E501",
    "bracket_last": "(int(n / bs) +\n            0)  # noqa: DPL101",
    "bracket_first": "(int(n / bs) +  # noqa: DPL101\n            0)",
}

FILE_HEADERS = {
    "plain": "",
    "file_noqa": "# flake8: noqa\n",
    "file_noqa_tight": "#flake8:noqa\n",
    "file_noqa_equals": "# FLAKE8= NOQA\n",
    "file_noqa_indented": "    # flake8: noqa\n",
    "file_noqa_codes": "# flake8: noqa: DPL101\n",
    "file_noqa_after_code": "import os  # flake8: noqa\n",
    "file_noqa_no_colon": "# flake8 noqa\n",
    "file_noqa_in_docstring": '"""# flake8: noqa"""\n',
}


def _sampler(values: Dict[str, str], header: str = "") -> str:
    assignments = "".join(f"        self.{name} = {value}\n" for name, value in values.items())
    total = " + ".join(f"self.{name}" for name in values)
    return (
        f"{header}from torch.utils.data import Sampler\n\n\n"
        "class Chunks(Sampler):\n"
        "    def __init__(self, n, bs):\n"
        "        self.n = n\n"
        "        self.bs = bs\n"
        f"{assignments}\n"
        "    def __iter__(self):\n"
        "        for start in range(0, self.n, self.bs):\n"
        "            yield list(range(start, min(start + self.bs, self.n)))\n\n"
        "    def __len__(self):\n"
        f"        return {total}\n"
    )


def _flake8(folder: Path) -> Set[Tuple[str, int]]:
    proc = python_m("flake8", "--isolated", "--select=DPL", ".", cwd=folder)
    assert proc.returncode in (0, 1), proc
    found = set()
    for line in proc.stdout.splitlines():
        path, number, _column, message = line.split(":", 3)
        assert message.strip().startswith("DPL101 "), line
        found.add((Path(path).name, int(number)))
    return found


def _codemod(folder: Path) -> Set[Tuple[str, int]]:
    proc = python_m("codemods.fix_len", "--check", "--isolated", "--format=json", "-j1", ".", cwd=folder)
    assert proc.returncode in (0, 1), proc
    return {(Path(e["path"]).name, e["line"]) for e in json.loads(proc.stdout)}


def _case_at(text: str) -> Dict[int, str]:
    """Line of each `int(n / bs)` -> the attribute whose assignment holds it."""
    cases, name = {}, None
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("        self.") and " = " in line:
            name = line.split("self.", 1)[1].split(" ", 1)[0]
        if "int(n / bs)" in line:
            cases[number] = name
    return cases


def _reported_cases(text: str, found: Set[Tuple[str, int]]) -> Set[str]:
    cases = _case_at(text)
    return {cases[line] for _, line in found}


def test_inline_noqa_spellings_agree_with_flake8(tmp_path):
    values = {f"case{i}": f"int(n / bs)  {comment}".rstrip() for i, comment in enumerate(INLINE)}
    text = _sampler(values)
    (tmp_path / "spellings.py").write_text(text)
    flake8 = _flake8(tmp_path)
    assert _codemod(tmp_path) == flake8
    assert {INLINE[int(case[4:])] for case in _reported_cases(text, flake8)} == set(NOT_SILENCING)


def test_continuation_lines_agree_with_flake8(tmp_path):
    text = _sampler(CONTINUED)
    (tmp_path / "continued.py").write_text(text)
    flake8 = _flake8(tmp_path)
    assert _codemod(tmp_path) == flake8
    assert _reported_cases(text, flake8) == {"backslash_other_code", "bracket_last"}


def test_file_level_noqa_agrees_with_flake8(tmp_path):
    for name, header in FILE_HEADERS.items():
        (tmp_path / f"{name}.py").write_text(_sampler({"plain": "int(n / bs)"}, header))
    flake8 = _flake8(tmp_path)
    assert _codemod(tmp_path) == flake8
    # flake8 skips a file for a `# flake8: noqa` line of its own, codes or not (and
    # "#flake8" without the space is not one), and only warns about one after code.
    assert {path for path, _ in flake8} == {
        "plain.py",
        "file_noqa_tight.py",
        "file_noqa_after_code.py",
        "file_noqa_no_colon.py",
        "file_noqa_in_docstring.py",
    }


def test_the_codemod_leaves_a_file_flake8_skips_unchanged(tmp_path):
    path = tmp_path / "skipped.py"
    path.write_text(_sampler({"plain": "int(n / bs)"}, "# flake8: noqa\n"))
    before = path.read_bytes()
    proc = python_m("codemods.fix_len", "--isolated", "--no-verify", "-j1", str(path))
    assert proc.returncode == 0, proc
    assert path.read_bytes() == before
