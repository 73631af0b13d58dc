"""The README's first command, run for real: scripts/demo.sh from the repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_VENV = REPO_ROOT / ".cache" / "demo-venv"


def test_demo_installs_just_the_package_and_runs_the_main_job():
    proc = subprocess.run(
        ["bash", "scripts/demo.sh"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc
    steps = [line for line in proc.stdout.splitlines() if line.startswith("== ")]
    # It says what it is doing before the install, the one step that takes a while.
    assert steps[0].startswith("== creating a venv") and "installing flake8-dplen" in steps[1], steps
    assert steps[2].startswith("== installed flake8-dplen "), steps
    lines = proc.stdout.splitlines()
    # The version line is whole: nothing of flake8's wrapped --version spills onto the next.
    assert lines[lines.index(steps[2]) + 1] == steps[3], lines
    assert "DPL101" in proc.stdout and "+++ b/split_sampler.py" in proc.stdout
    assert proc.stdout.rstrip().endswith("no DPL findings left")

    listed = subprocess.run(
        [
            str(DEMO_VENV / "bin" / "python"),
            "-m",
            "pip",
            "list",
            "--format=freeze",
            "--disable-pip-version-check",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    installed = {line.split("==")[0].lower() for line in listed.stdout.splitlines()}
    assert {"flake8-dplen", "flake8", "libcst"} <= installed
    # Only the package's own dependencies: none of the test set-up's heavy ones.
    assert installed.isdisjoint({"torch", "opacus", "pytorch-lightning", "numpy", "scipy", "pytest"}), (
        installed
    )
