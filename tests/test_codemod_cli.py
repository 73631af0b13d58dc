"""End-to-end tests of `python -m codemods.fix_len`: the real command in a subprocess, on
real files in tmp dirs, always from a working directory outside the repository."""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "codemod"
BMM = Path("opacus") / "utils" / "batch_memory_manager.py"
SUMMARY = re.compile(
    r"^(?P<scanned>\d+) files? scanned, (?P<changed>\d+) (?:changed|would change), "
    r"(?P<fixed>\d+) findings? (?:fixed|fixable), (?P<manual>\d+) left for a manual fix, "
    r"(?P<errors>\d+) skipped with errors$"
)
BUGGY_CALL = "int(self.n / self.bs)"
EXACT_CALL = "-(-self.n // self.bs)"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def fixed_int() -> str:
    """chunks_int.py as the codemod must leave it: the exact integer ceiling."""
    return fixture_text("chunks_int.py").replace(BUGGY_CALL, EXACT_CALL)


# ------------------------------------------------------------------ running the command


@dataclass
class Run:
    args: Tuple[str, ...]
    rc: int
    out: str
    err: str

    @property
    def summary(self) -> Dict[str, int]:
        found = [m for m in map(SUMMARY.match, self.err.splitlines()) if m]
        assert len(found) == 1, f"expected one summary line on stderr, got:\n{self.err}"
        return {k: int(v) for k, v in found[0].groupdict().items()}

    @property
    def messages(self) -> List[str]:
        """stderr lines other than the closing summary."""
        return [line for line in self.err.splitlines() if not SUMMARY.match(line)]

    def __str__(self) -> str:
        return f"args={self.args} rc={self.rc}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


def _start(args: Sequence[str], cwd: Path) -> subprocess.Popen:
    # No test here is about verification (test_check_verify's are): --no-verify spares each
    # run that writes a fix the `dplen check` of it, seconds of torch and hypothesis a run.
    return subprocess.Popen(
        [sys.executable, "-m", "codemods.fix_len", "--no-verify", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )


def _finish(proc: subprocess.Popen, args: Sequence[str], cwd: Path) -> Run:
    out, err = proc.communicate(timeout=180)
    # Decoded by hand: text mode would turn the "\r\n" of a diff of a CRLF file into "\n".
    return Run(tuple(args), proc.returncode, out.decode("utf-8"), err.decode("utf-8"))


def _assert_no_leftovers(args: Sequence[str], cwd: Path) -> None:
    # Every run, whatever its outcome, must leave no temporary file of an atomic write.
    roots = [cwd] + [Path(a) if os.path.isdir(a) else Path(a).parent for a in args if os.path.isabs(a)]
    leftovers = [found for root in roots for found in temp_files(root)]
    assert not leftovers, f"temporary files left behind by {list(args)}: {leftovers}"


def run(args: Sequence[str], cwd: Path) -> Run:
    return run_many([(args, cwd)])[0]


def run_many(jobs: Sequence[Tuple[Sequence[str], Path]]) -> List[Run]:
    """Independent runs side by side: each pays the interpreter and LibCST start-up."""
    procs = [(_start(args, cwd), args, cwd) for args, cwd in jobs]
    runs = [_finish(proc, args, cwd) for proc, args, cwd in procs]
    # Looked for only once every run has ended: runs sharing a folder would otherwise see
    # the atomic write another is still in the middle of (CI caught exactly that race).
    for args, cwd in jobs:
        _assert_no_leftovers(args, cwd)
    return runs


def temp_files(root: Path) -> List[str]:
    found = []
    for folder, _dirs, names in os.walk(root):
        found += [os.path.join(folder, n) for n in names if n.startswith(".dplen-") and n.endswith(".tmp")]
    return found


# ------------------------------------------------------------------ file state


@dataclass(frozen=True)
class State:
    data: bytes
    mode: int
    mtime_ns: int
    inode: int


def state(path: Path) -> State:
    info = os.stat(path)
    return State(path.read_bytes(), stat.S_IMODE(info.st_mode), info.st_mtime_ns, info.st_ino)


def tree_digest(root: Path) -> Dict[str, Tuple[str, int, int]]:
    digest = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            with open(path, "rb") as handle:
                digest[os.path.relpath(path, root)] = (
                    hashlib.sha256(handle.read()).hexdigest(),
                    info.st_mode,
                    info.st_mtime_ns,
                )
    return digest


def write(path: Path, data: bytes, mode: int = 0o644) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, mode)
    return path


def compiles(data: bytes, name: str) -> None:
    # compile() on bytes honours a BOM and a coding cookie, as the import system does.
    compile(data, name, "exec", dont_inherit=True)


def split_lines(text: str) -> List[str]:
    """Lines as Python and diff tools count them: only \\r\\n, \\r and \\n end a line."""
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)


def apply_patch(original: str, patch: str) -> str:
    """Apply a one-file unified diff strictly: every hunk must sit at the line it names."""
    lines = re.findall(r"[^\n]*\n|[^\n]+$", patch)
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ "), patch
    source = split_lines(original)
    out: List[str] = []
    pos, i = 0, 2
    while i < len(lines):
        hunk = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", lines[i])
        assert hunk, f"not a hunk header: {lines[i]!r}"
        start = int(hunk[1]) - (0 if hunk[2] == "0" else 1)
        assert start >= pos, "hunks overlap or go backwards"
        out += source[pos:start]
        pos = start
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            tag, body = lines[i][0], lines[i][1:]
            assert tag in " -+", f"malformed diff line {lines[i]!r}"
            if i + 1 < len(lines) and lines[i + 1].startswith("\\"):
                body = body[:-1]  # "\ No newline at end of file": the diff added that "\n"
                i += 1
            if tag in " -":
                found = source[pos : pos + 1]
                assert found == [body], f"hunk line {body!r} != source line {pos + 1}: {found!r}"
                pos += 1
            if tag in " +":
                out.append(body)
            i += 1
    return "".join(out + source[pos:])


def split_patches(output: str) -> Dict[str, str]:
    """The per-file diffs of a --diff run, by the path in their "--- " header."""
    lines = re.findall(r"[^\n]*\n|[^\n]+$", output)
    starts = [
        i for i in range(len(lines) - 1) if lines[i].startswith("--- ") and lines[i + 1].startswith("+++ ")
    ]
    # git's a/ prefix is not part of the path.
    return {
        lines[start][6:].rstrip("\n"): "".join(lines[start:end])
        for start, end in zip(starts, starts[1:] + [len(lines)])
    }


def removed_line_numbers(patch: str) -> List[int]:
    """Line numbers, in the original, of the lines a unified diff removes."""
    removed, line = [], 0
    for text in patch.split("\n")[2:]:
        hunk = re.match(r"@@ -(\d+)", text)
        if hunk:
            line = int(hunk[1])
        elif text.startswith("-"):
            removed.append(line)
            line += 1
        elif text.startswith(" "):
            line += 1
    return removed


# ------------------------------------------------------------------ opacus 1.4.1


@pytest.fixture(scope="module")
def opacus_runs(opacus_141_dir, tmp_path_factory):
    """One copy of the opacus 1.4.1 package taken through --check, --diff, a fix, a second
    fix and a final --check, with the tree's state recorded between the steps."""
    site = tmp_path_factory.mktemp("opacus141")
    shutil.copytree(opacus_141_dir / "opacus", site / "opacus", ignore=shutil.ignore_patterns("__pycache__"))
    pristine = tmp_path_factory.mktemp("opacus141_pristine")
    shutil.copy2(opacus_141_dir / BMM, pristine / "batch_memory_manager.py")
    runs: Dict[str, object] = {"site": site, "pristine": pristine}
    runs["original"] = tree_digest(site)
    runs["original_text"] = (site / BMM).read_text(encoding="utf-8")
    check, diff = run_many([(["--check", "-j1", "opacus"], site), (["--diff", "-j1", "opacus"], site)])
    runs["check"], runs["diff"], runs["after_dry_runs"] = check, diff, tree_digest(site)
    runs["fix"] = run(["-j2", "opacus"], site)
    runs["after_fix"] = tree_digest(site)
    runs["fixed_text"] = (site / BMM).read_text(encoding="utf-8")
    runs["second"] = run(["-j1", "opacus"], site)
    runs["after_second"] = tree_digest(site)
    flake8 = [sys.executable, "-m", "flake8", "--isolated", "--select=DPL1"]
    check_after = _start(["--check", "-j1", "opacus"], site)
    runs["flake8_fixed"] = subprocess.run([*flake8, str(BMM)], cwd=site, capture_output=True, text=True)
    runs["flake8_original"] = subprocess.run(
        [*flake8, "batch_memory_manager.py"], cwd=pristine, capture_output=True, text=True
    )
    runs["check_after"] = _finish(check_after, ["--check", "-j1", "opacus"], site)
    _assert_no_leftovers(["--check", "-j1", "opacus"], site)
    return runs


def _int_call_spans(text: str) -> List[Tuple[int, int]]:
    """String offsets of the int(...) calls in BatchSplittingSampler.__len__."""
    tree = ast.parse(text)
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "BatchSplittingSampler")
    length = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__len__")
    calls = [
        n
        for n in ast.walk(length)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "int"
    ]
    # The file is ASCII, so ast's UTF-8 column offsets are string offsets.
    return sorted(
        (starts[c.lineno - 1] + c.col_offset, starts[c.end_lineno - 1] + c.end_col_offset) for c in calls
    )


def test_opacus_fix_changes_only_the_two_int_expressions_and_adds_the_helper(opacus_runs):
    original, fixed = opacus_runs["original_text"], opacus_runs["fixed_text"]
    fix = opacus_runs["fix"]
    assert fix.rc == 0, fix
    python_files = sum(1 for k in opacus_runs["original"] if k.endswith(".py"))
    assert fix.summary == {"scanned": python_files, "changed": 1, "fixed": 2, "manual": 0, "errors": 0}
    # Each fix is listed where it was made, as ruff's --show-fixes lists them.
    assert fix.out.splitlines() == [f"{BMM}:{line}:20: DPL101 fixed" for line in (73, 80)], fix
    assert fix.messages == []

    # The helper is the one statement added, right before the class that calls it.
    module = ast.parse(fixed)
    names = [getattr(n, "name", None) for n in module.body]
    assert names.count("_dplen_expected_pieces") == 1
    at = names.index("_dplen_expected_pieces")
    assert names[at + 1] == "BatchSplittingSampler"
    helper = module.body[at]
    lines = fixed.splitlines(keepends=True)
    start, end = helper.lineno - 1, module.body[at + 1].lineno - 1
    while lines[end - 1].strip() == "" or lines[end - 1].lstrip().startswith(("#", "@")):
        end -= 1
    without = "".join(lines[: start - 2] + lines[end:])
    assert [getattr(n, "name", None) for n in ast.parse(without).body] == [
        getattr(n, "name", None) for n in ast.parse(original).body
    ]

    (s1, e1), (s2, e2) = _int_call_spans(original)
    before, between, after = original[:s1], original[e1:s2], original[e2:]
    assert without.startswith(before)
    assert without.count(between) == 1 and without.endswith(after)
    i = without.index(between, len(before))
    first, second = without[len(before) : i], without[i + len(between) : len(without) - len(after)]

    # Each replacement is one expression with no int() left in it.
    for replacement in (first, second):
        expr = ast.parse(replacement, mode="eval")
        assert not any(
            isinstance(n, ast.Call) and getattr(n.func, "id", None) == "int" for n in ast.walk(expr)
        )
    # The Poisson branch (the second int) calls the helper.
    called = {
        n.func.id
        for n in ast.walk(ast.parse(second, mode="eval"))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert "_dplen_expected_pieces" in called
    compiles(fixed.encode("utf-8"), str(BMM))


def test_opacus_fix_touches_no_other_file_and_is_idempotent(opacus_runs):
    original, after_fix = opacus_runs["original"], opacus_runs["after_fix"]
    assert set(after_fix) == set(original)
    changed = {path for path in original if original[path][0] != after_fix[path][0]}
    assert changed == {str(BMM)}
    moved = [p for p in original if p != str(BMM) and original[p] != after_fix[p]]
    assert moved == [], "mode or mtime of an unchanged file moved"
    assert original[str(BMM)][1] == after_fix[str(BMM)][1], "file mode not kept"

    second = opacus_runs["second"]
    assert second.rc == 0, second
    assert second.summary["changed"] == 0 and second.summary["fixed"] == 0
    assert opacus_runs["after_second"] == after_fix


def test_flake8_is_silent_on_the_fixed_opacus_module(opacus_runs):
    # The plugin is live: it reports both bugs on the untouched 1.4.1 file...
    original = opacus_runs["flake8_original"]
    reported = re.findall(r":\d+:\d+: DPL101 ", original.stdout)
    assert original.returncode == 1 and len(reported) == 2, original.stdout + original.stderr
    # ...and nothing once the codemod has run.
    fixed = opacus_runs["flake8_fixed"]
    assert (fixed.returncode, fixed.stdout, fixed.stderr) == (0, "", "")


def test_opacus_check_lists_findings_and_writes_nothing(opacus_runs):
    check = opacus_runs["check"]
    assert check.rc == 1, check
    lines = check.out.splitlines()
    spans = _int_call_spans(opacus_runs["original_text"])
    original_text = opacus_runs["original_text"]
    expected = []
    for start, _end in spans:
        line = original_text.count("\n", 0, start) + 1
        column = start - (original_text.rfind("\n", 0, start) + 1) + 1
        expected.append(f"{BMM}:{line}:{column}: DPL101 ")
    assert len(lines) == 2 and all(line.startswith(prefix) for line, prefix in zip(lines, expected)), (
        check.out
    )
    scanned = opacus_runs["fix"].summary["scanned"]
    assert check.summary == {"scanned": scanned, "changed": 1, "fixed": 2, "manual": 0, "errors": 0}
    # Neither dry run wrote a byte, nor touched an mtime.
    assert opacus_runs["after_dry_runs"] == opacus_runs["original"]

    after = opacus_runs["check_after"]
    assert (after.rc, after.out) == (0, ""), after
    assert after.summary["changed"] == 0


def test_opacus_diff_is_exactly_the_fix(opacus_runs):
    diff = opacus_runs["diff"]
    assert diff.rc == 1, diff
    assert diff.out.startswith(f"--- a/{BMM}\n+++ b/{BMM}\n")
    assert apply_patch(opacus_runs["original_text"], diff.out) == opacus_runs["fixed_text"]
    # Only lines of the two int(...) expressions go, and the first line of each does.
    original = opacus_runs["original_text"]
    expressions = [
        range(original.count("\n", 0, start) + 1, original.count("\n", 0, end) + 2)
        for start, end in _int_call_spans(original)
    ]
    removed = removed_line_numbers(diff.out)
    assert removed and all(any(n in lines for lines in expressions) for n in removed), (removed, expressions)
    assert all(lines[0] in removed for lines in expressions)
    scanned = opacus_runs["fix"].summary["scanned"]
    assert diff.summary == {"scanned": scanned, "changed": 1, "fixed": 2, "manual": 0, "errors": 0}


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def test_fixed_opacus_sampler_len_matches_the_batches_it_yields(opacus_runs):
    import torch
    from opacus.optimizers import DPOptimizer
    from opacus.utils.uniform_sampler import UniformWithReplacementSampler
    from torch.utils.data import BatchSampler, DataLoader, SequentialSampler, TensorDataset

    fixed = _load(opacus_runs["site"] / BMM, "dplen_codemod_fixed_bmm")
    original = _load(opacus_runs["pristine"] / "batch_memory_manager.py", "dplen_codemod_original_bmm")

    def splitter(module, drop_last=False):
        model = torch.nn.Linear(1, 1)
        optimizer = DPOptimizer(
            torch.optim.SGD(model.parameters(), lr=0.1),
            noise_multiplier=0.0,
            max_grad_norm=1.0,
            expected_batch_size=3,
        )
        logical = BatchSampler(SequentialSampler(range(10)), batch_size=3, drop_last=drop_last)
        return module.BatchSplittingSampler(sampler=logical, max_batch_size=2, optimizer=optimizer)

    # 10 samples in logical batches of 3 (3, 3, 3, 1), split to at most 2: 2+2+2+1 = 7.
    assert len(splitter(original)) == 6  # the 1.4.1 bug the codemod exists for
    sampler = splitter(fixed)
    assert len(sampler) == 7
    batches = list(sampler)
    assert len(batches) == 7 and sorted(i for b in batches for i in b) == list(range(10))
    loader = DataLoader(TensorDataset(torch.arange(10.0).unsqueeze(1)), batch_sampler=splitter(fixed))
    assert len(loader) == sum(1 for _ in loader) == 7
    dropping = splitter(fixed, drop_last=True)
    assert len(dropping) == len(list(dropping)) == 6

    poisson = fixed.BatchSplittingSampler(
        sampler=UniformWithReplacementSampler(
            num_samples=10, sample_rate=0.3, generator=torch.Generator().manual_seed(0)
        ),
        max_batch_size=2,
        optimizer=splitter(fixed).optimizer,
    )
    # Every logical batch yields at least one physical batch, even an empty one.
    assert isinstance(len(poisson), int) and len(poisson) >= len(poisson.sampler)


# ------------------------------------------------------------------ installed torch


def _sources_only(folder: str, names: List[str]) -> List[str]:
    # The codemod opens *.py files only; torch's ~650 MB of shared libraries, binaries and
    # headers would make the copy dominate the suite's run time without testing anything.
    return [
        n
        for n in names
        if n == "__pycache__" or not (n.endswith((".py", ".pyi")) or os.path.isdir(os.path.join(folder, n)))
    ]


def _unparsable(root: Path) -> List[str]:
    """Files this Python cannot compile (torch ships syntax newer than some it supports)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except SyntaxError:
            found.append(str(path.relative_to(root)))
    return found


def test_check_over_installed_torch_finds_nothing_and_changes_no_byte(tmp_path):
    spec = importlib.util.find_spec("torch")  # finds the package without importing it
    assert spec is not None and spec.submodule_search_locations, (
        "torch is not installed; run scripts/setup.sh"
    )
    shutil.copytree(spec.submodule_search_locations[0], tmp_path / "torch", ignore=_sources_only)
    before = tree_digest(tmp_path)
    python_files = sum(1 for path in before if path.endswith(".py"))
    assert python_files > 2000
    unparsable = _unparsable(tmp_path)

    result = run(["--check", "-j2", "torch"], tmp_path)
    # Exit 0, unless this Python cannot parse some of torch's files: those, and only
    # those, are reported, as every file Python cannot parse is.
    assert result.rc == (2 if unparsable else 0), result
    assert result.out == "" and [m.split(": cannot parse: ")[0] for m in result.messages] == unparsable
    assert result.summary == {
        "scanned": python_files,
        "changed": 0,
        "fixed": 0,
        "manual": 0,
        "errors": len(unparsable),
    }
    assert tree_digest(tmp_path) == before


# ------------------------------------------------------------------ files without findings


def test_files_without_a_finding_are_never_written(tmp_path):
    files = {
        "clean.py": fixture_text("clean_sampler.py").encode(),
        "manual.py": fixture_text("split_manual.py").encode(),  # a finding, but no safe fix
        "plain.py": b"def helper():\n    return 1\n",
        "not_a_sampler.py": b"class Sized:\n    def __len__(self):\n        return int(7 / 2)\n",
    }
    for name, data in files.items():
        write(tmp_path / name, data)
    before = {name: state(tmp_path / name) for name in files}

    result = run(["-j1", "."], tmp_path)
    assert result.rc == 1, result  # the manual finding is left to do
    assert result.summary == {"scanned": 4, "changed": 0, "fixed": 0, "manual": 1, "errors": 0}
    assert {name: state(tmp_path / name) for name in files} == before


def test_sampler_files_libcst_does_not_round_trip_are_left_alone(tmp_path):
    """A correct sampler file must not be rewritten just because re-rendering it differs.

    LibCST drops the final "\\r" of a file with old-Mac line endings, and the blank lines
    before a whitespace-only last line; the codemod must not write (or, under --check,
    report) those losses for a file with nothing to fix."""
    clean = fixture_text("clean_sampler.py")
    files = {
        "cr_only.py": clean.replace("\n", "\r").encode(),
        "trailing_whitespace_line.py": (clean + '\n\n__all__ = ["Chunks"]\n\n    \n').encode(),
    }
    for copy in ("check", "fix"):
        for name, data in files.items():
            write(tmp_path / copy / name, data)
    before = {name: state(tmp_path / "fix" / name) for name in files}

    check, fix = run_many([(["--check", "-j1", "."], tmp_path / "check"), (["-j1", "."], tmp_path / "fix")])
    rewritten = [name for name in files if state(tmp_path / "fix" / name) != before[name]]
    assert not rewritten, f"files with no finding were rewritten: {rewritten}\n{fix}"
    assert (check.rc, check.summary["changed"]) == (0, 0), check
    assert (fix.rc, fix.summary["changed"]) == (0, 0), fix


# ------------------------------------------------------------------ preservation


def _preservation_cases() -> Dict[str, Tuple[bytes, int]]:
    """Variants of the DPL101 sampler that already import math, so the fix is only the
    int(...) call and every other byte must survive as it was."""
    base = "import math\n" + fixture_text("chunks.py").replace(
        "    def __iter__", "    # café: a non-ASCII comment\n    def __iter__"
    )
    lines = base.split("\n")
    mixed = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines[:-1]))
    return {
        "crlf.py": (base.replace("\n", "\r\n").encode(), 0o644),
        "mixed.py": (mixed.encode(), 0o644),
        "bom.py": (b"\xef\xbb\xbf" + base.encode(), 0o644),
        "latin1.py": (("# -*- coding: latin-1 -*-\n" + base).encode("latin-1"), 0o644),
        "no_final_newline.py": (base.rstrip("\n").encode(), 0o644),
        "executable.py": (("#!/usr/bin/env python3\n" + base).encode(), 0o750),
    }


def test_fix_keeps_encoding_line_endings_and_mode(tmp_path):
    cases = _preservation_cases()
    for name, (data, mode) in cases.items():
        assert data.count(BUGGY_CALL.encode()) == 1
        write(tmp_path / name, data, mode)
    # A CRLF file that needs the import: the added line must end like the others.
    crlf_import = fixture_text("chunks.py").replace("\n", "\r\n").encode()
    write(tmp_path / "crlf_import.py", crlf_import)

    result = run(["-j1", "."], tmp_path)
    assert result.rc == 0, result
    assert result.summary == {"scanned": 7, "changed": 7, "fixed": 7, "manual": 0, "errors": 0}

    for name, (data, mode) in cases.items():
        after = state(tmp_path / name)
        assert after.data == data.replace(BUGGY_CALL.encode(), b"math.ceil(self.n / self.bs)"), name
        assert after.mode == mode, name
        compiles(after.data, name)
    after = (tmp_path / "crlf_import.py").read_bytes()
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert after.count(b"import math\r\n") == 1
    expected = crlf_import.replace(BUGGY_CALL.encode(), b"math.ceil(self.n / self.bs)")
    # With the blank line that makes it a section of its own, as isort has it.
    assert after.replace(b"import math\r\n\r\n", b"", 1) == expected

    snapshot = tree_digest(tmp_path)
    second = run(["-j1", "."], tmp_path)
    assert second.rc == 0 and second.summary["changed"] == 0, second
    assert tree_digest(tmp_path) == snapshot


# ------------------------------------------------------------------ how ceil is spelled


def _two_samplers(text: str) -> str:
    second = text.split("\n\n\n", 1)[1].replace("class Chunks(", "class Chunks2(")
    return text + "\n\n" + second


def _with_import(line: str, call: str) -> Tuple[str, str]:
    """(source, expected output): the import is used as it stands, none is added."""
    source = line + "\n" + fixture_text("chunks.py")
    return source, source.replace(BUGGY_CALL, call)


IMPORT_CASES = {
    "alias.py": _with_import("import math as m", "m.ceil(self.n / self.bs)"),
    "from_ceil.py": _with_import("from math import ceil", "ceil(self.n / self.bs)"),
    "exact.py": (fixture_text("chunks_int.py"), fixed_int()),
}


def test_ceil_spelling_follows_the_module_imports(tmp_path):
    for name, (source, _expected) in IMPORT_CASES.items():
        write(tmp_path / name, source.encode())
    no_import = fixture_text("chunks.py")
    two = _two_samplers(no_import)
    assert two.count(BUGGY_CALL) == 2
    write(tmp_path / "no_import.py", no_import.encode())
    write(tmp_path / "two.py", two.encode())

    result = run(["-j1", "."], tmp_path)
    assert result.rc == 0, result
    assert result.summary == {"scanned": 5, "changed": 5, "fixed": 6, "manual": 0, "errors": 0}
    for name, (_source, expected) in IMPORT_CASES.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == expected, name

    # Unannotated parameters are not provably int, so the core writes math.ceil and adds
    # the import.
    for name, source, calls in (("no_import.py", no_import, 1), ("two.py", two, 2)):
        text = (tmp_path / name).read_text(encoding="utf-8")
        tree = ast.parse(text)
        imports = [n for n in ast.walk(tree) if isinstance(n, ast.Import)]
        assert [[a.name for a in n.names] for n in imports] == [["math"]], name
        assert text.count("math.ceil(self.n / self.bs)") == calls and BUGGY_CALL not in text
        # A section of its own, before the third-party one, as isort has it.
        assert text.replace("import math\n\n", "", 1) == source.replace(
            BUGGY_CALL, "math.ceil(self.n / self.bs)"
        )

    # What matters in the end: each fixed __len__ counts the batches __iter__ yields.
    for path in sorted(tmp_path.glob("*.py")):
        namespace: dict = {}
        exec(compile(path.read_bytes(), str(path), "exec"), namespace)
        for cls in ("Chunks", "Chunks2"):
            if cls in namespace:
                for n, bs in ((10, 3), (9, 3), (1, 5), (0, 4)):
                    sampler = namespace[cls](n, bs)
                    assert len(sampler) == len(list(sampler)), (path.name, cls, n, bs)

    snapshot = tree_digest(tmp_path)
    second = run(["-j1", "."], tmp_path)
    assert second.rc == 0 and second.summary["changed"] == 0, second
    assert tree_digest(tmp_path) == snapshot


# ------------------------------------------------------------------ noqa


def test_noqa_for_the_rule_keeps_the_line(tmp_path):
    text = fixture_text("chunks_int.py")
    comments = {
        "bare.py": "# noqa",
        "code.py": "# noqa: DPL101",
        "family.py": "# NOQA:DPL1",
        "other_code.py": "# noqa: E501",
        "other_rule.py": "# noqa: DPL102",
    }
    for name, comment in comments.items():
        write(tmp_path / name, text.replace(BUGGY_CALL, f"{BUGGY_CALL}  {comment}").encode())
    before = {name: state(tmp_path / name) for name in comments}

    # The check reads only files the fix run must leave alone, so the two can overlap.
    check, result = run_many(
        [(["--check", "-j1", "bare.py", "code.py", "family.py"], tmp_path), (["-j1", *comments], tmp_path)]
    )
    assert (check.rc, check.out) == (0, ""), check
    assert result.rc == 0, result
    for name in ("bare.py", "code.py", "family.py"):
        assert state(tmp_path / name) == before[name], name
    for name in ("other_code.py", "other_rule.py"):
        assert (tmp_path / name).read_text() == text.replace(BUGGY_CALL, f"{EXACT_CALL}  {comments[name]}"), (
            name
        )


def test_noqa_is_read_from_the_right_line_after_a_form_feed(tmp_path):
    """A ^L page break is whitespace to Python, not a line: the `# noqa` of line N must
    still be looked up on line N below one."""
    text = fixture_text("chunks_int.py").replace(BUGGY_CALL, f"{BUGGY_CALL}  # noqa: DPL101")
    text = text.replace("\n\n\nclass", "\n\x0c\n\nclass", 1)
    path = write(tmp_path / "paged.py", text.encode())
    before = state(path)
    result = run(["-j1", "paged.py"], tmp_path)
    assert state(path) == before, "a # noqa: DPL101 line was rewritten"
    assert result.rc == 0 and result.summary["changed"] == 0, result


# ------------------------------------------------------------------ --diff and --quiet


def test_diff_applies_to_the_file_and_writes_nothing(tmp_path):
    fixable = fixture_text("chunks_int.py")
    cases = {
        "plain.py": fixable,
        "paged.py": fixable.replace("\n\n\nclass", "\n\x0c\n\nclass", 1),
        # The changed line is the last one and has no newline: the diff must say so.
        "no_final_newline.py": fixable.rstrip("\n"),
    }
    for name, text in cases.items():
        write(tmp_path / name, text.encode())
    before = tree_digest(tmp_path)

    result = run(["--diff", "-j1", *cases], tmp_path)
    assert tree_digest(tmp_path) == before
    assert result.rc == 1 and result.summary["changed"] == len(cases), result
    patches = split_patches(result.out)
    assert list(patches) == list(cases), result.out
    failures = []
    for name, text in cases.items():
        try:
            assert apply_patch(text, patches[name]) == text.replace(BUGGY_CALL, EXACT_CALL)
        except AssertionError as exc:
            failures.append(f"{name}: {exc}\n{patches[name]}")
    assert not failures, "\n".join(failures)


def test_quiet_prints_only_errors(tmp_path):
    broken = b"from torch.utils.data import Sampler\nclass S(Sampler):\n    def __len__(self:\n"
    for copy in ("checked", "fixed"):
        write(tmp_path / copy / "fixable.py", fixture_text("chunks_int.py").encode())
        write(tmp_path / copy / "manual.py", fixture_text("split_manual.py").encode())
        write(tmp_path / copy / "broken.py", broken)
    quiet_check, loud_check, quiet = run_many(
        [
            (["--check", "-q", "-j1", "."], tmp_path / "checked"),
            (["--check", "-j1", "."], tmp_path / "checked"),
            (["-q", "-j1", "."], tmp_path / "fixed"),
        ]
    )

    assert quiet.rc == 2 and quiet.out == "", quiet
    assert len(quiet.err.splitlines()) == 1 and quiet.err.startswith("broken.py: cannot parse"), quiet
    assert (tmp_path / "fixed" / "fixable.py").read_text() == fixed_int()
    assert (tmp_path / "fixed" / "broken.py").read_bytes() == broken

    # Under --check, -q keeps the exit status and the error but drops the summary; what
    # it still lists is a subset of the full listing.
    assert quiet_check.rc == loud_check.rc == 2
    assert len(loud_check.out.splitlines()) == 2
    assert set(quiet_check.out.splitlines()) <= set(loud_check.out.splitlines())
    assert loud_check.summary == {"scanned": 3, "changed": 1, "fixed": 1, "manual": 1, "errors": 1}
    assert quiet_check.err.splitlines() == loud_check.messages


# ------------------------------------------------------------------ bad input


def _scenario(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir()
    # A fixable file next to the bad one: it must be fixed whatever the other one does.
    write(folder / "good.py", fixture_text("chunks_int.py").encode())
    return folder


def _assert_good_fixed(folder: Path) -> None:
    assert (folder / "good.py").read_text() == fixed_int()


@pytest.fixture(scope="module")
def bad_input(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad_input")
    buggy = fixture_text("chunks_int.py").encode()
    sampler_head = b"from torch.utils.data import Sampler\n\n\nclass Chunks(Sampler):\n"
    jobs = {}

    folder = _scenario(root, "missing")
    jobs["missing"] = (["-j1", "good.py", "missing.py"], folder)

    folder = _scenario(root, "no_python")
    write(folder / "docs" / "README.txt", b"no code here\n")
    write(folder / "docs" / "notes.pyi", b"x: int\n")
    jobs["no_python"] = (["-j1", "good.py", "docs"], folder)
    jobs["no_python_alone"] = (["-j1", "docs"], folder)

    folder = _scenario(root, "unparsable")
    write(folder / "broken.py", sampler_head + b"    def __len__(self:\n        return 1\n")
    jobs["unparsable"] = (["-j1", "good.py", "broken.py"], folder)

    folder = _scenario(root, "undecodable")
    write(
        folder / "latin.py",
        sampler_head + b"    # caf\xe9 without a coding cookie\n    def __len__(self):\n        return 1\n",
    )
    jobs["undecodable"] = (["-j1", "good.py", "latin.py"], folder)

    folder = _scenario(root, "undecodable_head")
    write(folder / "latin.py", b"# caf\xe9\n" + sampler_head + b"    def __len__(self):\n        return 1\n")
    jobs["undecodable_head"] = (["-j1", "good.py", "latin.py"], folder)

    folder = _scenario(root, "read_only_file")
    write(folder / "locked.py", buggy, 0o444)
    jobs["read_only_file"] = (["-j1", "good.py", "locked.py"], folder)

    folder = _scenario(root, "read_only_folder")
    write(folder / "locked" / "inside.py", buggy)
    os.chmod(folder / "locked", 0o555)
    jobs["read_only_folder"] = (["-j1", "good.py", "locked"], folder)

    folder = _scenario(root, "named_symlink")
    write(folder / "real" / "target.py", buggy)
    os.symlink(os.path.join("real", "target.py"), folder / "link.py")
    jobs["named_symlink"] = (["-j1", "good.py", "link.py"], folder)

    folder = _scenario(root, "walked_symlink")
    write(folder / "outside" / "target.py", buggy)
    write(folder / "tree" / "plain.py", buggy)
    os.symlink(os.path.join("..", "outside", "target.py"), folder / "tree" / "file_link.py")
    os.symlink(os.path.join("..", "outside"), folder / "tree" / "dir_link")
    jobs["walked_symlink"] = (["-j1", "good.py", "tree"], folder)

    folder = _scenario(root, "lookalikes")
    write(folder / "empty.py", b"")
    write(
        folder / "mentions.py",
        b'"""Sampler.__len__ must count the last batch: int(n / bs) does not."""\n'
        b"# class Chunks(Sampler):\n#     def __len__(self): return int(self.n / self.bs)\n"
        b'SNIPPET = "class Chunks(Sampler):\\n    def __len__(self):\\n        return int(self.n / self.bs)"\n',
    )
    jobs["lookalikes"] = (["-j1", "good.py", "empty.py", "mentions.py"], folder)

    # Absolute paths from an unrelated working directory.
    folder = _scenario(root, "elsewhere")
    (folder / "cwd").mkdir()
    jobs["elsewhere"] = (["-j1", str(folder / "good.py")], folder / "cwd")

    folder = root / "usage"
    folder.mkdir()
    jobs["no_paths"] = ([], folder)
    jobs["version"] = (["--version"], folder)
    jobs["help"] = (["--help"], folder)

    before = {
        key: {
            p: state(p) for p in cwd.rglob("*") if p.is_file() and not p.is_symlink() and p.name != "good.py"
        }
        for key, (_args, cwd) in jobs.items()
    }
    results = dict(zip(jobs, run_many(list(jobs.values()))))
    return {key: (results[key], jobs[key][1], before[key]) for key in jobs}


def _one_message(result: Run, path: str, cause: str) -> None:
    assert len(result.messages) == 1, result
    assert result.messages[0].startswith(f"{path}: ") and cause in result.messages[0], result


def _unchanged(before: Dict[Path, State]) -> None:
    for path, old in before.items():
        assert state(path) == old, path


def test_missing_path(bad_input):
    result, folder, before = bad_input["missing"]
    assert result.rc == 2, result
    _one_message(result, "missing.py", "no such file or directory")
    _assert_good_fixed(folder)
    assert result.summary["scanned"] == 1 and result.summary["changed"] == 1


def test_folder_without_python_files_is_only_a_warning(bad_input):
    for key in ("no_python", "no_python_alone"):
        result, folder, before = bad_input[key]
        # Not counted among the missing paths: the exit status is that of the rest.
        assert result.rc == 0, result
        _one_message(result, "docs", "no Python files here")
        _unchanged(before)
    _assert_good_fixed(bad_input["no_python"][1])
    assert bad_input["no_python_alone"][0].summary["scanned"] == 0


@pytest.mark.parametrize(
    "key, name, cause",
    [
        ("unparsable", "broken.py", "cannot parse"),
        ("undecodable", "latin.py", "cannot decode"),
        ("undecodable_head", "latin.py", "cannot decode"),
        ("read_only_file", "locked.py", "read-only"),
        ("read_only_folder", os.path.join("locked", "inside.py"), "folder is read-only"),
    ],
)
def test_file_errors_are_reported_and_the_file_left_alone(bad_input, key, name, cause):
    result, folder, before = bad_input[key]
    assert result.rc == 2, result
    _one_message(result, name, cause)
    _unchanged(before)
    _assert_good_fixed(folder)
    assert result.summary["errors"] == 1 and result.summary["changed"] == 1


def test_read_only_modes_are_kept(bad_input):
    _result, folder, _before = bad_input["read_only_file"]
    assert stat.S_IMODE(os.stat(folder / "locked.py").st_mode) == 0o444
    _result, folder, _before = bad_input["read_only_folder"]
    assert stat.S_IMODE(os.stat(folder / "locked").st_mode) == 0o555


def test_symlink_named_on_the_command_line_fixes_its_target(bad_input):
    result, folder, before = bad_input["named_symlink"]
    assert result.rc == 0 and result.messages == [], result
    assert (folder / "link.py").is_symlink()
    assert os.readlink(folder / "link.py") == os.path.join("real", "target.py")
    assert (folder / "real" / "target.py").read_text() == fixed_int()
    _assert_good_fixed(folder)


def test_symlinks_inside_a_walked_folder_are_not_followed(bad_input):
    result, folder, before = bad_input["walked_symlink"]
    assert result.rc == 0 and result.messages == [], result
    assert result.summary["scanned"] == 2  # good.py and tree/plain.py
    assert state(folder / "outside" / "target.py") == before[folder / "outside" / "target.py"]
    assert (folder / "tree" / "file_link.py").is_symlink() and (folder / "tree" / "dir_link").is_symlink()
    assert (folder / "tree" / "plain.py").read_text() == fixed_int()


def test_empty_file_and_len_only_in_strings_or_comments_are_untouched(bad_input):
    result, folder, before = bad_input["lookalikes"]
    assert result.rc == 0 and result.messages == [], result
    assert result.summary == {"scanned": 3, "changed": 1, "fixed": 1, "manual": 0, "errors": 0}
    assert (folder / "empty.py").read_bytes() == b""
    _unchanged(before)
    _assert_good_fixed(folder)


def test_works_from_any_directory_with_absolute_paths(bad_input):
    result, folder, _before = bad_input["elsewhere"]
    assert result.rc == 0, result
    _assert_good_fixed(folder.parent)


def test_usage_version_and_help(bad_input):
    import flake8_dplen

    # As ruff: no PATH is the current folder, here one without Python files.
    no_paths = bad_input["no_paths"][0]
    assert no_paths.rc == 0 and no_paths.out == ""
    assert no_paths.messages == [".: no Python files here"] and no_paths.summary["scanned"] == 0

    version = bad_input["version"][0]
    assert (version.rc, version.out.strip()) == (0, f"flake8-dplen {flake8_dplen.__version__}")

    shown = bad_input["help"][0]
    assert shown.rc == 0
    assert "Examples:" in shown.out and "--check src/" in shown.out and "--diff src/data.py" in shown.out
    assert "Exit status:" in shown.out


# ------------------------------------------------------------------ discovery through the CLI


def test_exclude_globs_and_skipped_folders(tmp_path):
    buggy = fixture_text("chunks_int.py").encode()
    skipped = [".git", ".venv", "myenv", "build", "dist", "__pycache__", "pkg.egg-info"]
    skipped += ["generated", "a/generated"]
    for folder in skipped:
        write(tmp_path / "proj" / folder / "buggy.py", buggy)
    write(tmp_path / "proj" / "myenv" / "pyvenv.cfg", b"home = /usr/bin\n")
    write(tmp_path / "proj" / "keep.py", buggy)
    write(tmp_path / "proj" / "sub" / "keep_too.py", buggy)
    write(tmp_path / "proj" / "sub" / "skip_me.py", buggy)
    before = tree_digest(tmp_path)

    walked, named = run_many(
        [
            (["-j1", "--exclude", "generated", "--exclude", "*_me.py", "proj"], tmp_path),
            (["-j1", "--exclude", "*_me.py", os.path.join("proj", "sub", "skip_me.py")], tmp_path),
        ]
    )
    assert walked.rc == 0 and walked.messages == [], walked
    assert walked.summary["scanned"] == 2 and walked.summary["changed"] == 2
    after = tree_digest(tmp_path)
    changed = {path for path in before if before[path] != after[path]}
    assert changed == {os.path.join("proj", "keep.py"), os.path.join("proj", "sub", "keep_too.py")}
    assert named.rc == 0 and named.summary["scanned"] == 0, named


def test_exclude_matches_only_below_the_named_folder(tmp_path):
    """The same tree must be treated alike however it is spelled on the command line: a
    pattern must not match the folders above it (here the "ci" of the checkout path)."""
    checkout = tmp_path / "ci" / "repo"
    write(checkout / "pkg" / "sampler.py", fixture_text("chunks_int.py").encode())
    relative, absolute = run_many(
        [
            (["--check", "-j1", "--exclude", "ci", "pkg"], checkout),
            (["--check", "-j1", "--exclude", "ci", str(checkout / "pkg")], tmp_path),
        ]
    )
    assert relative.rc == 1 and relative.summary["scanned"] == 1, relative
    assert (absolute.rc, absolute.summary["scanned"]) == (relative.rc, 1), absolute


# ------------------------------------------------------------------ parallel runs


def test_one_and_two_jobs_give_the_same_results(tmp_path):
    from rule_cases import cases

    from flake8_dplen.rules import RULES

    sources = [
        e.source
        for rule in RULES
        if rule.gating
        for kind in ("invalid", "valid")
        for e in cases(rule.code, kind)
    ]
    broken = "from torch.utils.data import Sampler\nclass S(Sampler):\n  def __len__(self:\n"
    sources = sources[:18] + [fixture_text("split_manual.py"), broken]
    assert len(sources) == 20
    for copy in ("one", "two"):
        for i, source in enumerate(sources):
            write(tmp_path / copy / "pkg" / f"m{i:02d}.py", source.encode())
    one, two = run_many([(["-j", "1", "pkg"], tmp_path / "one"), (["-j", "2", "pkg"], tmp_path / "two")])
    assert (one.rc, one.out, one.err) == (two.rc, two.out, two.err)
    assert one.summary["scanned"] == 20 and one.summary["changed"] > 0 and one.summary["errors"] == 1
    contents = [
        {p.relative_to(tmp_path / copy): p.read_bytes() for p in (tmp_path / copy).rglob("*.py")}
        for copy in ("one", "two")
    ]
    assert contents[0] == contents[1]


# ------------------------------------------------------------------ the LibCST command


def test_libcst_command_writes_what_the_cli_writes(tmp_path):
    # `python -m libcst.tool codemod` loads FixLenCommand from the modules the config names;
    # it must apply the same plan as dplen-fix, import included.
    import codemods

    (tmp_path / ".libcst.codemod.yaml").write_text(
        "generated_code_marker: '@generated'\nformatter: []\nblacklist_patterns: []\n"
        "modules: ['codemods']\nrepo_root: '.'\n"
    )
    cli, tool = tmp_path / "cli", tmp_path / "tool"
    for folder in (cli, tool):
        write_file = folder / "pkg" / "split_sampler.py"
        write_file.parent.mkdir(parents=True)
        write_file.write_text(fixture_text("chunks.py"))
        (folder / "pkg" / "chunks_int.py").write_text(fixture_text("chunks_int.py"))
    assert run(["-j1", str(cli / "pkg")], tmp_path).rc == 0
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(codemods.__file__).parents[1]), *sys.path])}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "libcst.tool",
            "codemod",
            "--no-format",
            "--jobs=1",
            "command.FixLenCommand",
            "tool/pkg",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    for name in ("split_sampler.py", "chunks_int.py"):
        fixed = (cli / "pkg" / name).read_text()
        assert fixed != fixture_text(name.replace("split_sampler", "chunks"))
        assert (tool / "pkg" / name).read_text() == fixed, name
