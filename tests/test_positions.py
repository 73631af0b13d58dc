"""Findings are placed on the line Python itself gives the class: a docstring line that
reads like a header, or a `class \\` header continued on the next line, must not shift
them (the user's `# noqa` is on the real line), and deep nesting elsewhere in the file
must not stop the codemod from fixing what flake8 reports."""

import subprocess
import sys
from pathlib import Path

import pytest

from flake8_dplen.engine import analyze_source

SAMPLER = """from torch.utils.data import Sampler


class \\
        Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return int(self.n / self.bs)  # <- here
"""
DOCSTRING = '"""Notes.\n\nclass Chunks(Sampler): a line that reads like the header\n"""\n'
BIN = Path(sys.executable).parent


def _marked(source: str) -> int:
    return next(i for i, line in enumerate(source.splitlines(), 1) if "# <- here" in line)


def test_the_finding_is_on_the_real_line():
    for source in (SAMPLER, DOCSTRING + SAMPLER):
        _, located = analyze_source(source)
        assert [item.line for item in located] == [_marked(source)]


def test_noqa_on_the_real_line_silences_flake8_and_the_codemod(tmp_path):
    path = tmp_path / "shifted.py"
    path.write_text((DOCSTRING + SAMPLER).replace("# <- here", "# noqa: DPL101"))
    flake8 = subprocess.run(
        [BIN / "flake8", "--isolated", "--select=DPL", path], capture_output=True, text=True
    )
    assert (flake8.returncode, flake8.stdout) == (0, "")
    check = subprocess.run([BIN / "dplen-fix", "--isolated", "--check", path], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def _nested(depth: int) -> str:
    return "(" * depth + "1" + ")" * depth


@pytest.mark.parametrize(
    "where",
    [
        pytest.param(lambda: SAMPLER + "\n\nX = " + _nested(150) + "\n", id="module-level"),
        # flake8 reports the sampler here; the codemod once refused the file as "nesting too deep".
        pytest.param(lambda: SAMPLER + "\n\ndef table():\n    return " + _nested(150) + "\n", id="function"),
        pytest.param(
            lambda: "def table():\n    return " + _nested(199) + "\n\n\n" + SAMPLER, id="199-before"
        ),
        pytest.param(
            lambda: SAMPLER.replace(
                "    def __iter__(self):",
                "    def table(self):\n        return " + _nested(150) + "\n\n    def __iter__(self):",
            ),
            id="method",
        ),
    ],
)
def test_deep_nesting_elsewhere_does_not_stop_the_fix(tmp_path, where):
    source = where()
    path = tmp_path / "deep.py"
    path.write_text(source)
    flake8 = subprocess.run(
        [BIN / "flake8", "--isolated", "--select=DPL", path], capture_output=True, text=True
    )
    assert [line.split()[1] for line in flake8.stdout.splitlines()] == ["DPL101"]
    done = subprocess.run(
        [BIN / "dplen-fix", "--isolated", "--no-verify", path], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    fixed = path.read_text()
    assert fixed == source.replace("int(self.n / self.bs)", "-(-self.n // self.bs)")
    compile(fixed, str(path), "exec")
