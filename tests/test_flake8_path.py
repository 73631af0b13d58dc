"""flake8's path never imports LibCST (issue 20): its import alone cost more than flake8's
whole run on torch/utils/data. The model reads flake8's `ast` tree (core/syntax.py); only
the codemod, which writes fixes, imports LibCST."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "flake8"

# flake8 in this process, then which modules it imported.
_PROBE = """
import sys
from flake8.main.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("libcst imported:", any(name.split(".")[0] == "libcst" for name in sys.modules))
"""


def test_flake8_reports_a_sampler_file_without_importing_libcst():
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, "--isolated", "--select", "DPL", "buggy_samplers.py"],
        cwd=FIXTURES,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    # The plugin ran its whole analysis on this file: it reported findings.
    assert any(": DPL1" in line for line in lines), proc.stdout
    assert lines[-1] == "libcst imported: False"


def test_the_probe_sees_an_import_of_libcst():
    # The test above must be able to fail: a process that imports LibCST is seen.
    proc = subprocess.run(
        [sys.executable, "-c", "import libcst\n" + _PROBE, "--version"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.stdout.splitlines()[-1] == "libcst imported: True"
