"""The real `flake8` command, run as a subprocess: what a user of the plugin sees.

Expected positions are derived from the fixture text (a `# <- DPLxxx` marker names the
line, the rounding's own text gives the column), never typed in by hand, so a fixture
can be edited without silently invalidating the test.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import shutil
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Dict, List, Optional, Set, Tuple

import pytest
from commands import flake8_reports

from flake8_dplen import rule_url
from flake8_dplen.engine import analyze_source
from flake8_dplen.plugin import DplenChecker

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "flake8"
PROJECT = FIXTURES / "project"
OPACUS_141 = REPO_ROOT / ".cache" / "opacus-1.4.1"
OPACUS_UNIFORM = "opacus.utils.uniform_sampler.UniformWithReplacementSampler"

_MARK = re.compile(r"#\s*<-\s*(DPL\d{3})")
# Where flake8-dplen points: the `int` of an int( call, the `//` operator itself.
_ANCHOR = {
    "DPL101": re.compile(r"\bint\("),
    "DPL201": re.compile(r"\bint\("),
    "DPL103": re.compile(r"//"),
}


@dataclass(frozen=True)
class Report:
    path: str
    line: int
    col: int  # 1-based, as flake8 prints it
    code: str
    text: str


def run_flake8(*args: str, cwd: Path, stdin: Optional[str] = None) -> Tuple[int, str, List[Report]]:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    reports = [
        Report(match["path"], int(match["line"]), int(match["col"]), match["code"], match["text"])
        for match in flake8_reports(proc.stdout, proc.stderr, proc.returncode)
    ]
    return proc.returncode, proc.stdout, reports


def read_source(path: Path) -> str:
    # tokenize.open honours the coding cookie, exactly as flake8 reads files.
    with tokenize.open(path) as handle:
        return handle.read()


def marked(path: Path) -> Set[Tuple[int, int, str]]:
    """(line, 0-based column, code) of every `# <- DPLxxx` marker in the file."""
    expected = set()
    for number, line in enumerate(read_source(path).splitlines(), 1):
        mark = _MARK.search(line)
        if mark:
            code = mark.group(1)
            anchors = list(_ANCHOR[code].finditer(line[: mark.start()]))
            assert len(anchors) == 1, f"{path.name}:{number}: the marked line must hold one rounding"
            expected.add((number, anchors[0].start(), code))
    assert expected, f"{path.name} has no markers"
    return expected


def dpl(reports: List[Report]) -> Set[Tuple[int, int, str]]:
    return {(r.line, r.col, r.code) for r in reports if r.code.startswith("DPL")}


def plus_one(expected: Set[Tuple[int, int, str]]) -> Set[Tuple[int, int, str]]:
    return {(line, col + 1, code) for line, col, code in expected}


def opacus_141_root() -> Path:
    bmm = OPACUS_141 / "opacus" / "utils" / "batch_memory_manager.py"
    if not bmm.is_file():
        pytest.fail(f"opacus 1.4.1 is not unpacked at {OPACUS_141}; run scripts/setup.sh", pytrace=False)
    return OPACUS_141


def installed_package_dir(name: str) -> Path:
    # find_spec locates a top-level package without importing it (torch takes seconds).
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.submodule_search_locations, f"{name} is not installed"
    return Path(list(spec.submodule_search_locations)[0])


def len_lines(path: Path, class_name: str, pattern: str) -> List[int]:
    """Lines inside `class_name.__len__` that match `pattern`, found by reading the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"class {class_name}\b", line))
    body = next(i for i in range(start, len(lines)) if re.match(r"\s+def __len__\(", lines[i]))
    indent = len(lines[body]) - len(lines[body].lstrip())
    found = []
    for i in range(body + 1, len(lines)):
        text = lines[i]
        if text.strip() and len(text) - len(text.lstrip()) <= indent:
            break
        if re.search(pattern, text):
            found.append(i + 1)
    return found


@pytest.fixture(autouse=True)
def default_plugin_options(monkeypatch):
    # DplenChecker keeps the parsed options on the class, so a test that configured
    # sampler bases would leak them into the direct runs here.
    monkeypatch.setattr(DplenChecker, "config", DplenChecker.config)
    DplenChecker.parse_options(SimpleNamespace(dplen_sampler_bases=[]))


# ------------------------------------------------------------------ positions and text


def test_buggy_fixture_prints_exactly_the_expected_lines():
    fixture = FIXTURES / "buggy_samplers.py"
    status, stdout, reports = run_flake8("--isolated", fixture.name, cwd=FIXTURES)
    expected = marked(fixture)
    lines = read_source(fixture).splitlines()
    # Only a rounding that sits after other code on its line tests the column at all.
    assert any(lines[line - 1][:col].strip() for line, col, _ in expected)
    _, located = analyze_source(read_source(fixture), path=str(fixture))
    messages = {(item.line, item.finding.code): item.finding.message for item in located}
    want = [
        f"{fixture.name}:{line}:{col + 1}: {code} {messages[line, code]} {rule_url(code)}"
        for line, col, code in sorted(expected)
    ]
    assert status == 1
    # The whole output: the fixture is otherwise clean, so nothing else may appear.
    assert stdout.splitlines() == want


def test_flake8_column_is_plugin_column_plus_one():
    names = ["buggy_samplers.py", "tabs_unicode.py", "latin1_cookie.py"]
    _, _, reports = run_flake8("--isolated", "--select=DPL", *names, cwd=FIXTURES)
    for name in names:
        fixture = FIXTURES / name
        direct = DplenChecker(None, read_source(fixture).splitlines(keepends=True), str(fixture)).run()
        plugin = {(line, col, text.split()[0]) for line, col, text, _ in direct}
        # Tabs and non-ASCII characters before the rounding count as one column each.
        assert plugin == marked(fixture), name
        assert dpl([r for r in reports if r.path == name]) == plus_one(plugin), name


def test_stdin_with_display_name_reports_like_the_file():
    fixture = FIXTURES / "buggy_samplers.py"
    _, _, reports = run_flake8(
        "--isolated", "--stdin-display-name", fixture.name, "-", cwd=FIXTURES, stdin=read_source(fixture)
    )
    assert {r.path for r in reports} == {fixture.name}
    assert dpl(reports) == plus_one(marked(fixture))


# ------------------------------------------------------------------ noqa and selection


def _reported_attributes(reports: List[Report], fixture: Path) -> Set[str]:
    lines = read_source(fixture).splitlines()
    names = set()
    for report in reports:
        match = re.match(r"\s+self\.(\w+) = int\(", lines[report.line - 1])
        assert match, f"report on an unexpected line: {report}"
        names.add(match.group(1))
    return names


def test_noqa_comments():
    fixture = FIXTURES / "noqa_samplers.py"
    _, _, everything = run_flake8("--isolated", "--disable-noqa", fixture.name, cwd=FIXTURES)
    # Without this the suppression checks below could pass on findings that never existed.
    assert {r.code for r in everything} == {"DPL101"}
    assert _reported_attributes(everything, fixture) == {
        "plain",
        "bare",
        "own_code",
        "no_space",
        "prefix",
        "other_code",
        "other_dpl",
        "head",
        "tail",
    }
    status, _, reports = run_flake8("--isolated", fixture.name, cwd=FIXTURES)
    assert status == 1
    # `# noqa: E501` and `# noqa: DPL201` name other codes; a noqa after the closing
    # parenthesis is on another line than the one the finding is reported on.
    assert _reported_attributes(reports, fixture) == {"plain", "other_code", "other_dpl", "tail"}


def test_select_dpl1_excludes_dpl201():
    fixture = FIXTURES / "buggy_samplers.py"
    expected = plus_one(marked(fixture))
    assert any(code == "DPL201" for _, _, code in expected)
    _, _, reports = run_flake8("--isolated", "--select=DPL1", fixture.name, cwd=FIXTURES)
    assert dpl(reports) == {e for e in expected if e[2].startswith("DPL1")}
    assert {r.code for r in reports} == {"DPL101", "DPL103"}


def test_extend_ignore_dpl201():
    fixture = FIXTURES / "buggy_samplers.py"
    expected = plus_one(marked(fixture))
    _, _, reports = run_flake8("--isolated", "--extend-ignore=DPL201", fixture.name, cwd=FIXTURES)
    assert dpl(reports) == {e for e in expected if e[2] != "DPL201"}


def test_exit_status_zero_on_clean_samplers():
    status, stdout, _ = run_flake8("--isolated", "clean_samplers.py", cwd=FIXTURES)
    assert (status, stdout) == (0, "")


def test_exit_status_zero_when_findings_are_not_selected():
    status, stdout, _ = run_flake8("--isolated", "--select=E501", "buggy_samplers.py", cwd=FIXTURES)
    assert (status, stdout) == (0, "")


# ------------------------------------------------------------------ --dplen-sampler-bases


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project fixture, so config files written into it stay private."""
    dest = tmp_path / "project"
    shutil.copytree(PROJECT, dest)
    return dest


def _project_findings(reports: List[Report]) -> Dict[str, Set[Tuple[int, int, str]]]:
    found: Dict[str, Set[Tuple[int, int, str]]] = {}
    for report in reports:
        if report.code.startswith("DPL"):
            found.setdefault(Path(report.path).name, set()).add((report.line, report.col, report.code))
    return found


def _expected(*names: str) -> Dict[str, Set[Tuple[int, int, str]]]:
    return {name: plus_one(marked(PROJECT / name)) for name in names}


FILES = ("trainer.py", "plans.py", "dp_sampler.py")


def test_custom_bases_are_not_samplers_unless_configured(project):
    status, stdout, _ = run_flake8(*FILES, cwd=project)
    assert (status, stdout) == (0, "")


def test_sampler_bases_on_the_command_line(project):
    _, _, reports = run_flake8(
        "--isolated", "--dplen-sampler-bases=mypkg.data.BaseSampler", *FILES, cwd=project
    )
    assert _project_findings(reports) == _expected("trainer.py")


def test_several_comma_separated_bases(project):
    bases = f"mypkg.data.BaseSampler, other.plans.BatchPlan,{OPACUS_UNIFORM},"
    _, _, reports = run_flake8("--isolated", f"--dplen-sampler-bases={bases}", *FILES, cwd=project)
    assert _project_findings(reports) == _expected(*FILES)


@pytest.mark.parametrize("config_name", ["setup.cfg", "tox.ini", ".flake8"])
def test_sampler_bases_from_config_file(project, config_name):
    (project / config_name).write_text("[flake8]\ndplen-sampler-bases = mypkg.data.BaseSampler\n")
    _, _, reports = run_flake8(*FILES, cwd=project)
    assert _project_findings(reports) == _expected("trainer.py")


def test_isolated_ignores_the_config_file(project):
    (project / "setup.cfg").write_text(
        f"[flake8]\ndplen-sampler-bases = mypkg.data.BaseSampler,{OPACUS_UNIFORM}\n"
    )
    status, stdout, _ = run_flake8("--isolated", *FILES, cwd=project)
    assert (status, stdout) == (0, "")


def test_multiline_config_list_in_parallel_workers(project):
    # flake8 spreads several files over worker processes (--jobs), which must see the
    # configured bases too; the underscore spelling of the key is accepted by flake8.
    (project / "setup.cfg").write_text(
        f"[flake8]\ndplen_sampler_bases =\n    mypkg.data.BaseSampler,\n    other.plans.BatchPlan,\n    {OPACUS_UNIFORM},\n"
    )
    _, _, reports = run_flake8("--jobs=2", ".", cwd=project)
    assert _project_findings(reports) == _expected(*FILES)


def test_configured_base_defined_in_the_checked_package(project):
    # The base class lives in mypkg/data.py itself, and mypkg/loaders.py imports it
    # relatively: both resolve to mypkg.data.BaseSampler through the package folders.
    package = project / "mypkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    sampler_body = (
        "    def __init__(self, n, bs):\n"
        "        self.n = n\n"
        "        self.bs = bs\n\n"
        "    def __iter__(self):\n"
        "        for s in range(0, self.n, self.bs):\n"
        "            yield list(range(s, min(s + self.bs, self.n)))\n\n"
        "    def __len__(self):\n"
        "        return int(self.n / self.bs)  # <- DPL101\n"
    )
    (package / "data.py").write_text(
        "class BaseSampler:\n    def __iter__(self):\n        return iter(())\n\n\nclass Local(BaseSampler):\n"
        + sampler_body
    )
    (package / "loaders.py").write_text(
        "from .data import BaseSampler\n\n\nclass Rel(BaseSampler):\n" + sampler_body
    )
    (project / ".flake8").write_text("[flake8]\ndplen-sampler-bases = mypkg.data.BaseSampler\n")
    _, _, reports = run_flake8("mypkg", cwd=project)
    assert _project_findings(reports) == {
        "data.py": plus_one(marked(package / "data.py")),
        "loaders.py": plus_one(marked(package / "loaders.py")),
    }


# ------------------------------------------------------------------ real packages


def test_opacus_141_reports_dpl101_only_at_batch_splitting_len():
    root = opacus_141_root()
    bmm = root / "opacus" / "utils" / "batch_memory_manager.py"
    int_lines = len_lines(bmm, "BatchSplittingSampler", r"\bint\(")
    assert len(int_lines) == 2, int_lines
    bmm_lines = bmm.read_text(encoding="utf-8").splitlines()
    expected = {
        ("opacus/utils/batch_memory_manager.py", line, bmm_lines[line - 1].index("int(") + 1, "DPL101")
        for line in int_lines
    }
    _, _, reports = run_flake8("--isolated", "--select=DPL", "opacus", cwd=root)
    dpl1 = {(Path(r.path).as_posix(), r.line, r.col, r.code) for r in reports if r.code.startswith("DPL1")}
    assert dpl1 == expected
    assert not [r for r in reports if r.code == "DPL000"]


def test_opacus_160_reports_dpl105_not_dpl101_at_the_same_len():
    assert importlib.metadata.version("opacus") == "1.6.0"
    bmm = installed_package_dir("opacus") / "utils" / "batch_memory_manager.py"
    ceil_lines = len_lines(bmm, "BatchSplittingSampler", r"\bmath\.ceil\(")
    assert len(ceil_lines) == 2, ceil_lines
    bmm_lines = bmm.read_text(encoding="utf-8").splitlines()
    _, _, reports = run_flake8("--isolated", "--select=DPL", bmm.name, cwd=bmm.parent)
    assert not [r for r in reports if r.code in ("DPL101", "DPL000")]
    at_len = {(r.line, r.col, r.code) for r in reports if r.line in ceil_lines}
    assert at_len == {(line, bmm_lines[line - 1].index("math.ceil(") + 1, "DPL105") for line in ceil_lines}


def test_flake8_over_torch_utils_data_prints_nothing():
    data = installed_package_dir("torch") / "utils" / "data"
    assert (data / "sampler.py").is_file()
    status, stdout, _ = run_flake8("--isolated", "--select=DPL1", ".", cwd=data)
    assert (status, stdout) == (0, "")


def test_core_api_over_all_of_torch_finds_no_dpl1():
    root = installed_package_dir("torch")
    analysed = []
    findings = []
    for path in sorted(root.rglob("*.py")):
        module, located = analyze_source(read_source(path), path=str(path))
        if module is not None:
            analysed.append(path.relative_to(root).as_posix())
        findings += [
            f"{path}:{i.line}: {i.finding.code}" for i in located if i.finding.code.startswith("DPL1")
        ]
    assert findings == []
    # Guards against a pre-filter that quietly rules every file out.
    assert "utils/data/sampler.py" in analysed
    assert "utils/data/distributed.py" in analysed
