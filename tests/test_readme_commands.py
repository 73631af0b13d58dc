"""The README's `dplen check` and pytest-plugin commands, read out of the README and run
on a small package as a user would, from the project's root with `src/` importable."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from test_check_pytest_plugin import CHUNKS
from test_workflow import REPO_ROOT, _env, bash, readme_block, readme_section, write

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

CHECK_SECTION = "`dplen check`: find counterexamples by running the samplers"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path / "src" / "mypkg" / "__init__.py", "")
    write(tmp_path / "src" / "mypkg" / "samplers.py", CHUNKS)
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
            "COUNTEREXAMPLE  mypkg.samplers.Chunks: Chunks(dataset=range(3), batch_size=2): len 1,"
            " __iter__ yielded 2 batches of sizes 2, 1"
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


TRAIN = """
import argparse

from mypkg.samplers import Chunks

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=1)
sampler = Chunks(range(5), batch_size=2)
for epoch in range(parser.parse_args().epochs):
    print("epoch", epoch, sum(1 for _ in sampler))
"""

TEST_TRAINING = """
from mypkg.samplers import Chunks, ExactChunks


def test_exact_epoch():
    assert sum(1 for _ in ExactChunks(range(5), batch_size=2)) == 3


def test_an_epoch_of_a_wrong_sampler():
    assert sum(1 for _ in Chunks(range(5), batch_size=2)) == 3
"""


def test_the_readme_sanitizer_commands(project):
    block = readme_block("Sanitizer: `pytest --dplen-watch`, `dplen watch`", "bash", "dplen watch")
    in_pytest, script, torchrun = _commands(block)
    # torchrun's is run by tests/test_watch.py (test_dplen_watch_under_torchrun_reports_each_rank).
    assert torchrun == "dplen watch torchrun --nproc_per_node 2 train.py"
    assert (in_pytest, script) == ("pytest --dplen-watch", "dplen watch python train.py --epochs 2")
    write(project / "train.py", TRAIN)
    write(project / "tests" / "test_training.py", TEST_TRAINING)
    env = _env_with_src(project)

    watched = bash(script, project, env)
    assert watched.rc == 3, watched
    assert "epoch 0 3\nepoch 1 3\n" in watched.out
    line = TRAIN.splitlines().index("sampler = Chunks(range(5), batch_size=2)") + 1
    built = f"{project}/train.py:{line}"
    assert (
        f"mypkg.samplers.Chunks (constructed at {built}): len() = 2, but one epoch yielded 3" in watched.err
    )

    tested = bash(f"{in_pytest} -p no:cacheprovider tests", project, env)
    assert tested.rc == 1 and "1 failed, 1 passed" in tested.out, tested
    assert "FAILED tests/test_training.py::test_an_epoch_of_a_wrong_sampler" in tested.out
