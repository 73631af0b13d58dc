"""flake8-dplen must never abort a flake8 run, whatever the file holds.

Every case is run through the real `flake8` command and through `DplenChecker.run()`
directly. A plugin that raises inside flake8 prints no traceback: flake8 reports
'"flake8-dplen[DPL]" failed during execution' on stderr and exits 1, which looks like
"found something" to a caller, so stderr must stay empty.
"""

from __future__ import annotations

import ast
import io
import os
import re
import subprocess
import sys
import tokenize
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Dict, List, Optional, Tuple

import libcst
import pytest
from commands import flake8_reports

from flake8_dplen.engine import analyze_source
from flake8_dplen.plugin import DplenChecker

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "flake8"

_MARK = re.compile(r"#\s*<-\s*(DPL\d{3})")
_INT_CALL = re.compile(r"\bint\(")

# The sampler most cases wrap: its import line, then the class (after two blank lines).
IMPORT, _, _rest = (FIXTURES / "chunks_marked.py").read_text().partition("\n")
IMPORT += "\n"
BUGGY = _rest

CLEAN = BUGGY.replace("int(self.n / self.bs)  # <- DPL101", "-(-self.n // self.bs)")

# Passes the cheap pre-filter ("Sampler" and "__len__" both occur) but defines no __len__.
NO_LEN = BUGGY.replace(
    "    def __len__(self):\n        return int(self.n / self.bs)  # <- DPL101\n",
    "    # __len__ = lambda self: int(self.n / self.bs) undercounted.\n"
    "    def describe(self):\n"
    '        return "no __len__: int(self.n / self.bs) would undercount"\n',
)

# Python 3.11's ast (hence flake8) accepts a parenthesised annotation target;
# LibCST 1.9's native parser raises ParserSyntaxError at column 1 of that line.
LIBCST_REJECTS = "LIMIT: int = 8\n(LIMIT): int = 16\n"

# ast accepts up to 199 nested brackets. 180 is well past the depth at which
# LibCST's recursive code generation (which positions findings) exhausts the stack.
DEEP = "NESTED = " + "[" * 180 + "]" * 180 + "\n"


def _huge() -> str:
    # 20,000 lines: 5,000 small functions, two blank lines apart, then the sampler.
    body = "".join(f"\n\ndef f{i}(x):\n    return x + {i}\n" for i in range(5000))
    return IMPORT + body + BUGGY


# What Python 3.12 syntax gives when the running Python is older: the model reads Python's
# own tree, so such a file is not read (flake8 reports it as E999 and runs no plugin).
NEWER_PYTHON = ["DPL101"] if sys.version_info >= (3, 12) else []


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    encoding: str = "utf-8"
    direct: Optional[List[str]] = None  # DPL codes DplenChecker.run() yields; None: not run

    @property
    def data(self) -> bytes:
        return self.text.encode(self.encoding)


def _latin1_fixture() -> Case:
    path = FIXTURES / "latin1_cookie.py"
    return Case("latin1_cookie", path.read_bytes().decode("latin-1"), "latin-1", ["DPL101"])


CASES = [
    Case("empty", "", direct=[]),
    Case(
        "only_comments",
        "# class Chunks(Sampler):\n#     def __len__(self):\n#         return int(self.n / self.bs)\n",
        direct=[],
    ),
    Case("len_only_in_string_and_comment", IMPORT + NO_LEN, direct=[]),
    Case("huge", _huge()),
    Case("ast_accepts_libcst_rejects", IMPORT + CLEAN + "\n\n" + LIBCST_REJECTS, direct=[]),
    # Python 3.12 syntax: E999 from flake8 on 3.11, but LibCST 1.9 parses all three, so the
    # plugin itself analyses them when it is run.
    Case("pep695_type_alias", IMPORT + BUGGY + "\n\ntype Count = int\n", direct=NEWER_PYTHON),
    Case(
        "pep695_generic_class",
        IMPORT + BUGGY.replace("class Chunks(", "class Chunks[T]("),
        direct=NEWER_PYTHON,
    ),
    Case("pep701_fstring", IMPORT + BUGGY + '\n\nLABEL = f"{"chunks"!r}"\n', direct=NEWER_PYTHON),
    Case("deep_nesting_with_finding", IMPORT + BUGGY + "\n\n" + DEEP, direct=["DPL101"]),
    Case("deep_nesting_clean", IMPORT + CLEAN + "\n\n" + DEEP, direct=[]),
    _latin1_fixture(),
    Case("utf8_bom", "\ufeff" + IMPORT + BUGGY, direct=["DPL101"]),
    Case("crlf", (IMPORT + BUGGY).replace("\n", "\r\n"), direct=["DPL101"]),
    Case("form_feed", IMPORT + "\x0c" + BUGGY, direct=["DPL101"]),
    Case("no_newline_at_eof", (IMPORT + BUGGY).rstrip("\n"), direct=["DPL101"]),
    Case("null_byte", IMPORT + BUGGY + "\nX = 1\x00\n", direct=[]),
    Case("unterminated_string", IMPORT + BUGGY + '\n\nX = """never closed\n', direct=[]),
    Case("backslash_at_eof", IMPORT + BUGGY + "\n\nX = 1 + \\", direct=[]),
    # Python refuses more than 199 nested brackets, so flake8 stops at E999 and never
    # calls the plugin. LibCST 1.9 itself crashes the interpreter (SIGSEGV) on this
    # input, which is why it is never given to the plugin directly here.
    Case("brackets_beyond_python_limit", IMPORT + BUGGY + "\n\nX = " + "(" * 3000 + "1" + ")" * 3000 + "\n"),
]


@pytest.fixture(autouse=True)
def default_plugin_options(monkeypatch):
    # DplenChecker keeps the parsed options on the class, so a test that configured
    # sampler bases would leak them into the direct runs here.
    monkeypatch.setattr(DplenChecker, "config", DplenChecker.config)
    DplenChecker.parse_options(SimpleNamespace(dplen_sampler_bases=[]))


def python_accepts(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True


def physical_lines(text: str, keepends: bool = False) -> List[str]:
    # str.splitlines() also breaks at form feeds and other separators Python's
    # tokenizer does not count; newline="" splits where flake8 and the tokenizer do.
    lines = io.StringIO(text, newline="").readlines()
    return lines if keepends else [line.rstrip("\r\n") for line in lines]


def markers(text: str) -> List[Tuple[int, int, str]]:
    """(line, 1-based flake8 column of the `int`, code) of every `# <- DPLxxx` marker."""
    found = []
    for number, line in enumerate(physical_lines(text.lstrip("\ufeff")), 1):
        mark = _MARK.search(line)
        if mark:
            found.append((number, _INT_CALL.search(line).start() + 1, mark.group(1)))
    return found


@dataclass(frozen=True)
class Finished:
    returncode: int
    stdout: str
    stderr: str


def _flake8(folder: Path, filename: str) -> Finished:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", filename],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Finished(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="module")
def flake8_runs(tmp_path_factory) -> Dict[str, Finished]:
    """Every case through its own flake8 process, as many at a time as there are CPUs:
    each run is mostly interpreter and LibCST start-up, so this halves the wall time."""
    root = tmp_path_factory.mktemp("robustness")
    jobs = {}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for case in CASES:
            folder = root / case.name
            folder.mkdir()
            (folder / f"{case.name}.py").write_bytes(case.data)
            jobs[case.name] = pool.submit(_flake8, folder, f"{case.name}.py")
        return {name: job.result() for name, job in jobs.items()}


def reports_of(run: Finished) -> List[Tuple[int, int, str, str]]:
    assert "Traceback" not in run.stderr
    return [
        (int(match["line"]), int(match["col"]), match["code"], match["text"])
        for match in flake8_reports(run.stdout, run.stderr, run.returncode)
    ]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_flake8_run_survives(case, flake8_runs):
    reports = reports_of(flake8_runs[case.name])
    dpl = [(line, col, code) for line, col, code, _ in reports if code.startswith("DPL")]
    accepted = python_accepts(case.text.lstrip("\ufeff"))
    # flake8 reports what Python cannot parse itself, and then never calls the plugin.
    assert any(code in ("E999", "E902") for _, _, code, _ in reports) == (not accepted)
    if accepted:
        assert dpl == markers(case.text)
    else:
        assert dpl == []


@pytest.mark.parametrize("case", [c for c in CASES if c.direct is not None], ids=lambda c: c.name)
def test_run_directly(case):
    lines = physical_lines(case.text, keepends=True)
    results = list(DplenChecker(tree=None, lines=lines, filename=f"{case.name}.py").run())
    for line, col, message, kind in results:
        assert isinstance(line, int) and line >= 1
        assert isinstance(col, int) and col >= 0
        assert re.match(r"DPL\d{3} \S", message), message
        assert kind is DplenChecker
    assert [message.split()[0] for _, _, message, _ in results] == case.direct
    if case.direct:
        assert [(line, col + 1, message.split()[0]) for line, col, message, _ in results] == markers(
            case.text
        )


def test_flake8_decodes_the_latin1_file_like_its_cookie_says():
    # Guards the latin-1 case: the bytes are not valid UTF-8, so only the cookie makes
    # the columns come out right.
    data = (FIXTURES / "latin1_cookie.py").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert tokenize.detect_encoding(io.BytesIO(data).readline)[0] == "iso-8859-1"


def test_the_libcst_gap_case_really_splits_the_parsers():
    source = IMPORT + CLEAN + "\n\n" + LIBCST_REJECTS
    compile(source, "gap.py", "exec")
    with pytest.raises(libcst.ParserSyntaxError):
        libcst.parse_module(source)
    # The model reads Python's tree: what LibCST cannot parse is analysed all the same.
    buggy = IMPORT + BUGGY + "\n\n" + LIBCST_REJECTS
    assert [item.finding.code for item in analyze_source(buggy)[1]] == ["DPL101"]


def test_python_312_syntax_is_an_error_here_but_not_for_libcst():
    # (LibCST reads it; the model, which reads Python's tree, does not: NEWER_PYTHON.)
    for name in ("pep695_type_alias", "pep695_generic_class", "pep701_fstring"):
        text = next(c.text for c in CASES if c.name == name)
        libcst.parse_module(text)
        assert python_accepts(text) == (sys.version_info >= (3, 12)), name


def test_deep_nesting_alone_is_analysed_without_dpl000():
    module, located = analyze_source(IMPORT + CLEAN + "\n\n" + DEEP)
    assert module is not None and located == []


def test_nesting_keeps_its_findings_up_to_what_python_accepts():
    # Positions are computed with a raised recursion limit: 199 levels, Python's own
    # maximum, inside or outside the sampler, must not cost the finding.
    deepest = "[" * 199 + "]" * 199
    for nested in (50, 180, 199):
        source = IMPORT + BUGGY + "\n\nNESTED = " + "[" * nested + "]" * nested + "\n"
        _, located = analyze_source(source)
        assert [(i.line, i.column + 1, i.finding.code) for i in located] == markers(IMPORT + BUGGY)
    inside = (IMPORT + BUGGY).replace("int(self.n / self.bs)", f"int(self.n / self.bs) + len({deepest})")
    _, located = analyze_source(inside)
    assert [i.finding.code for i in located] == ["DPL101"]
