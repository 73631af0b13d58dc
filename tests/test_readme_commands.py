"""The README's `dplen check` and pytest-plugin commands, read out of the README and run
on a small package as a user would, from the project's root with `src/` importable."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from test_workflow import REPO_ROOT, _env, bash, readme_block, readme_section, write

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

CHECK_SECTION = "`dplen check`: find counterexamples by running the samplers"

SAMPLERS = """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, dataset, batch_size: int):
        self.dataset, self.batch_size = dataset, batch_size

    def __iter__(self):
        for start in range(0, len(self.dataset), self.batch_size):
            yield list(range(start, min(start + self.batch_size, len(self.dataset))))

    def __len__(self):
        return len(self.dataset) // self.batch_size


class ExactChunks(Chunks):
    def __len__(self):
        return -(-len(self.dataset) // self.batch_size)
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path / "src" / "mypkg" / "__init__.py", "")
    write(tmp_path / "src" / "mypkg" / "samplers.py", SAMPLERS)
    return tmp_path


def _env_with_src(project: Path) -> dict:
    # `mypkg` installed, as the README supposes: here, importable from src/.
    paths = [str(project / "src"), os.environ.get("PYTHONPATH", "")]
    return _env(PYTHONPATH=os.pathsep.join(p for p in paths if p))


def _commands(block: str) -> list:
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def test_the_readme_dplen_check_commands(project):
    install, check, module = _commands(readme_block(CHECK_SECTION, "bash", "dplen check"))
    # The install is run by test_workflow's wheel test; here: the extra it names exists.
    assert install == "pip install './flake8-dplen[check]'"
    extras = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert any(dep.startswith("hypothesis") for dep in extras["check"])
    assert (check, module) == ("dplen check mypkg.samplers", "python -m flake8_dplen.check src/mypkg")
    env = _env_with_src(project)
    for command in (check, module):
        done = bash(command, project, env)
        assert done.rc == 1, done
        assert (
            "COUNTEREXAMPLE  mypkg.samplers.Chunks: Chunks(dataset=range(1), batch_size=2): len 0,"
            " __iter__ yielded 1 batch of size 1"
        ) in done.out.splitlines(), command
        assert re.search(r"^ok +mypkg\.samplers\.ExactChunks \(", done.out, re.M), command


def test_the_readme_pytest_plugin_commands(project):
    (command,) = _commands(readme_block("In pytest", "bash", "--dplen"))
    assert command == "pytest --dplen mypkg.samplers --dplen-budget 5 --dplen-seed 0"
    env = _env_with_src(project)
    done = bash(f"{command} -p no:cacheprovider", project, env)
    assert done.rc == 1 and "1 failed, 1 passed" in done.out, done
    (failed,) = [line for line in done.out.splitlines() if line.startswith("FAILED ")]
    printed = failed.split()[1]
    # The README's example of rerunning one class is the id the failure printed.
    (rerun,) = re.findall(r"`(pytest '[^']+')`", readme_section("In pytest"))
    assert rerun == f"pytest '{printed}'" == "pytest 'src/mypkg/samplers.py::dplen::Chunks'"
    again = bash(f"{rerun} -p no:cacheprovider", project, env)
    assert again.rc == 1 and "collected 1 item" in again.out and "1 failed" in again.out, again
