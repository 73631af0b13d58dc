"""The test `dplen check` prints for a counterexample, pasted into a test file of its own
and run with plain pytest in a fresh process: it fails with the counterexample, alone.

On main (28cbde8) the test of a sampler that asks torch.distributed by names imported from
it failed with "Default process group has not been initialized" (and the check itself
could not build the class), and the test of a sampler whose __iter__ never yields hung
without pytest-timeout. (Since as_rank answers names imported from torch.distributed,
Shard also makes a group, which still needs a real one.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from flake8_dplen.check.search import batch_cap

# The never-ending pair that test_check_cli runs too.
ENDLESS = (Path(__file__).resolve().parent / "fixtures" / "check_cli" / "endless.py").read_text()

SAMPLERS = '''
import math

from torch.distributed import get_rank, get_world_size, new_group
from torch.utils.data import Sampler


class Shard(Sampler):
    """Asks torch.distributed by names imported from it, and makes a group of its
    processes: a process group must exist (as_rank alone answers only the questions)."""

    def __init__(self, dataset):
        self.dataset = dataset
        self.group = new_group()
        self.world, self.rank = get_world_size(self.group), get_rank(self.group)

    def __iter__(self):
        return iter(range(self.rank, len(self.dataset), self.world))

    def __len__(self):
        return math.ceil(len(self.dataset) / self.world) + 1

''' + ENDLESS


@pytest.fixture(scope="module")
def pasted(tmp_path_factory) -> dict:
    """Each class's pasted test, from one `dplen check` run."""
    project = tmp_path_factory.mktemp("pasted")
    (project / "samplers.py").write_text(SAMPLERS)
    done = _run(
        [sys.executable, "-m", "flake8_dplen.check", "samplers", "--isolated", "--timeout", "1"], project
    )
    assert done.returncode == 1, done.stdout + done.stderr
    tests = {}
    for part in done.stdout.split("\n# samplers.")[1:]:
        name, _, text = part.partition(": paste into your tests\n")
        tests[name] = text.split("\n\n# ")[0].rstrip() + "\n"
    # Stuck stalls: timed out, not judged, so it has no test to paste.
    assert sorted(tests) == ["Endless", "Shard", "Slow"], done.stdout
    return {"project": project, **tests}


def _run(args, cwd: Path) -> subprocess.CompletedProcess:
    # The timeout only keeps a regression from hanging the suite.
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def _run_pasted(pasted: dict, name: str) -> str:
    project: Path = pasted["project"]
    (project / f"test_{name.lower()}.py").write_text(pasted[name])
    done = _run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"test_{name.lower()}.py"], project
    )
    assert done.returncode == 1 and "1 failed" in done.stdout, done.stdout + done.stderr
    return done.stdout


def test_a_sampler_that_needs_a_process_group_gets_one_in_its_test(pasted):
    assert "    with process_group(), as_rank(world_size=1, rank=0):\n" in pasted["Shard"]
    out = _run_pasted(pasted, "Shard")
    # The smallest legitimate input has an item (an empty dataset is no caller's).
    assert "AssertionError: len() = 2, iteration yielded 1 batch" in out
    assert "process group has not been initialized" not in out


def test_an_endless_sampler_s_test_is_cut_off_by_the_cap(pasted):
    cap = batch_cap(1)  # len() of Endless(dataset=range(1))
    assert f"assert_length(sampler, limit={cap})" in pasted["Endless"]
    out = _run_pasted(pasted, "Endless")
    assert f"len() = 1, iteration went on past {cap + 1} batches and was cut off there" in out


def test_a_slow_endless_sampler_is_stopped_by_the_time_limit(pasted):
    assert "    with time_limit(1):\n" in pasted["Slow"]
    out = _run_pasted(pasted, "Slow")
    assert "TimedOut: still running after 1 s (the time limit): it never ends, or never yields" in out
