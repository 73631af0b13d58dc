"""`dplen check` on hostile or careless samplers: each class is searched in a process of
its own under a wall-clock limit the sampler cannot switch off, and the report of every
other class survives. Every test here failed on main before the isolation (commit
8d0aec6): the run ended early, hung past the suite's timeout, printed invalid JSON,
exited with the wrong status or left files behind."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# A correct sampler and a wrong one that every hostile module carries after its hostile
# class: their verdicts must be in the report whatever the hostile class did. Each hostile
# class (tests/fixtures/check_isolation/<kind>.py) marks the status the check must give it:
# `class Exits(Chunks):  # dplen check: crashed`.
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check_isolation"
CHUNKS = (FIXTURES / "chunks.py").read_text()
HOSTILE = sorted(p.stem for p in FIXTURES.glob("*.py") if p.stem != "chunks")
_MARKED = re.compile(r"^class (\w+)\(Chunks\):  # dplen check: (.+)$", re.M)


def run(cwd: Path, *args: str, env=None, timeout: float = 240) -> subprocess.CompletedProcess:
    # The timeout only keeps a regression from hanging the suite: on main a hanging sampler
    # hung the run and the test failed here.
    return subprocess.run(
        [sys.executable, "-m", "flake8_dplen.check", *args, "--isolated", "--budget", "1"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def _module(tmp_path: Path, kind: str) -> Path:
    (tmp_path / "hostile.py").write_text(CHUNKS + (FIXTURES / f"{kind}.py").read_text())
    return tmp_path


def _statuses(stdout: str) -> dict:
    return {entry["class"]: entry["status"] for entry in json.loads(stdout)}


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_class_leaves_every_other_verdict_and_valid_json(tmp_path, kind):
    project = _module(tmp_path, kind)
    cls, status = _MARKED.search((FIXTURES / f"{kind}.py").read_text()).groups()
    # Only the hang needs a shorter limit than the default (60 s).
    limit = ("--class-timeout", "20", "-j", "2") if status == "timed out" else ()
    done = run(project, "hostile", "--format", "json", *limit)
    assert done.returncode == 1, done.stderr
    statuses = _statuses(done.stdout)  # valid JSON: nothing the sampler printed is in it
    assert statuses == {
        "hostile.Chunks": "counterexample",
        f"hostile.{cls}": status,
        "hostile.ZExact": "ok",
    }


def test_a_crash_says_why_in_text(tmp_path):
    done = run(_module(tmp_path, "exits"), "hostile", "--no-tests")
    assert done.returncode == 1
    assert "CRASHED         hostile.Exits: the sampler's code called sys.exit(0)" in done.stdout
    assert "ok              hostile.ZExact (" in done.stdout
    assert "1 crashed" in done.stderr


def test_what_the_user_code_prints_never_reaches_stdout(tmp_path):
    done = run(_module(tmp_path, "prints"), "hostile", "--no-tests", "-q")
    assert "iterating" not in done.stdout + done.stderr  # the child's output is dropped
    assert "imported: {not json" in done.stderr  # import-time output goes to stderr
    assert done.stdout.splitlines() == [
        "COUNTEREXAMPLE  hostile.Chunks: Chunks(dataset=range(3), batch_size=2): len 1,"
        " __iter__ yielded 2 batches of sizes 2, 1",
        "COUNTEREXAMPLE  hostile.Prints: Prints(dataset=range(3), batch_size=2): len 1,"
        " __iter__ yielded 2 batches of sizes 2, 1",
    ]


def test_nothing_is_left_in_the_working_folder_or_the_temp_folder(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "samplers.py").write_text(
        CHUNKS
        + textwrap.dedent(
            """
            class AsksTheGroup(ZExact):
                '''Asks torch.distributed for its rank: the search answers it.'''
                def __init__(self, dataset, batch_size: int):
                    import torch.distributed as dist
                    super().__init__(dataset, batch_size)
                    self.rank = dist.get_rank()
            """
        )
    )
    temp, cache = tmp_path / "tmp", tmp_path / "cache"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "XDG_CACHE_HOME": str(cache)}
    done = run(project, "samplers", "--no-tests", env=env)
    assert "ok              samplers.AsksTheGroup (" in done.stdout, done.stdout + done.stderr
    assert {p.name for p in project.iterdir()} - {"__pycache__"} == {"samplers.py"}
    assert list(temp.iterdir()) == []


def test_a_script_that_parses_its_arguments_does_not_sink_the_folder(tmp_path):
    folder = tmp_path / "code"
    folder.mkdir()
    (folder / "samplers.py").write_text(CHUNKS)
    (folder / "train.py").write_text(
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        "parser.add_argument('--config', required=True)\n"
        "args = parser.parse_args()\n"
    )
    done = run(tmp_path, "code", "--no-tests")
    assert done.returncode == 1, done.stderr  # the counterexample in Chunks, not a usage error
    assert "COUNTEREXAMPLE  samplers.Chunks" in done.stdout
    assert "ok              samplers.ZExact (" in done.stdout
    assert "train.py: skipped: it exits at import (sys.exit(2)" in done.stderr


UNBUILDABLE = """
from torch.utils.data import Sampler


class NeedsTokenizer(Sampler):
    def __init__(self, dataset, tokenizer):
        self.dataset, self.vocabulary = dataset, tokenizer.get_vocab()

    def __iter__(self):
        return iter(range(len(self.dataset)))

    def __len__(self):
        return len(self.dataset)
"""


def test_a_class_that_cannot_be_built_fails_the_run_unless_accepted(tmp_path):
    (tmp_path / "samplers.py").write_text(UNBUILDABLE)
    done = run(tmp_path, "samplers")
    assert done.returncode == 1
    assert "could not build samplers.NeedsTokenizer: nothing to pass as `tokenizer`" in done.stdout
    assert "skip=" in done.stdout  # the one-line registration that accepts it

    assert run(tmp_path, "samplers", "--allow-unbuilt").returncode == 0

    (tmp_path / "accept.py").write_text(
        "from flake8_dplen.check import register\n"
        "register('samplers.NeedsTokenizer', skip='needs the production tokenizer')\n"
    )
    done = run(tmp_path, "samplers", "--factories", "accept.py")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "not checked     samplers.NeedsTokenizer: registered as not to be checked:"
        " needs the production tokenizer" in done.stdout
    )


def test_an_error_inside_the_check_exits_3_not_1(tmp_path):
    (tmp_path / "samplers.py").write_text(CHUNKS)
    # A registration the search cannot use (a strategy that is no strategy) breaks the
    # check's own code: that is not a counterexample.
    (tmp_path / "broken.py").write_text(
        "from flake8_dplen.check import register\nregister('samplers.ZExact', strategy=42)\n"
    )
    done = run(tmp_path, "samplers", "--factories", "broken.py", "--format", "json")
    assert done.returncode == 3, done.stdout + done.stderr
    statuses = _statuses(done.stdout)
    assert statuses == {"samplers.Chunks": "counterexample", "samplers.ZExact": "internal error"}


def test_a_module_on_the_path_that_shadows_a_dependency_of_hypothesis_does_not_stop_the_check(tmp_path):
    # A stand-in named like a module hypothesis imports, first on PYTHONPATH: the check said
    # "needs sortedcontainers: pip install sortedcontainers" and checked nothing (exit 2).
    (tmp_path / "samplers.py").write_text(CHUNKS)
    stand_ins = tmp_path / "stand_ins"
    stand_ins.mkdir()
    (stand_ins / "sortedcontainers.py").write_text("class SortedList(list):\n    pass\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(stand_ins), os.environ.get("PYTHONPATH", "")])}
    done = run(tmp_path, "samplers", "--format", "json", env=env)
    assert done.returncode == 1, done.stderr
    assert _statuses(done.stdout) == {"samplers.Chunks": "counterexample", "samplers.ZExact": "ok"}
    assert (
        f"dplen check: {stand_ins / 'sortedcontainers.py'} shadows the installed sortedcontainers,"
        " which hypothesis imports" in done.stderr
    )
    # A module installed nowhere is still named, with the command that would install it.
    (stand_ins / "sortedcontainers.py").write_text("import not_installed_anywhere\n")
    done = run(tmp_path, "samplers", env=env)
    assert done.returncode == 2
    missing = "not_installed_anywhere"
    assert done.stderr.strip() == f"dplen check: needs {missing}: pip install {missing}"


def test_len_near_maxsize_is_a_counterexample(tmp_path):
    (tmp_path / "samplers.py").write_text(
        CHUNKS
        + textwrap.dedent(
            """
            import sys

            class Huge(ZExact):
                def __len__(self):
                    return sys.maxsize - 1
            """
        )
    )
    done = run(tmp_path, "samplers:Huge", "--no-tests")
    assert done.returncode == 1
    assert f"COUNTEREXAMPLE  samplers.Huge: Huge(dataset=range(1), batch_size=1): len {sys.maxsize - 1}," in (
        done.stdout
    )


def test_a_metaclass_call_does_not_hide_the_signature(tmp_path):
    (tmp_path / "samplers.py").write_text(
        CHUNKS
        + textwrap.dedent(
            """
            class Registry(type(Sampler)):
                def __call__(cls, *args, **kwargs):
                    return super().__call__(*args, **kwargs)

            class Registered(Chunks, metaclass=Registry):
                pass
            """
        )
    )
    done = run(tmp_path, "samplers:Registered", "--no-tests")
    assert done.returncode == 1, done.stdout + done.stderr
    assert (
        "COUNTEREXAMPLE  samplers.Registered: Registered(dataset=range(3), batch_size=2): len 1"
        in done.stdout
    )


PLUGIN_TESTS = """
from hostile import Chunks, Exits, ZExact


def test_exits(dplen_check):
    dplen_check(Exits, budget=1)


def test_exact_after_it(dplen_check):
    assert dplen_check(ZExact, budget=1).status == "ok"
"""


def test_the_pytest_plugin_isolates_the_same_way(tmp_path):
    _module(tmp_path, "exits")
    (tmp_path / "test_hostile.py").write_text(PLUGIN_TESTS)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_hostile.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert "1 failed, 1 passed" in done.stdout, done.stdout
    assert "hostile.Exits crashed: the sampler's code called sys.exit(0)" in done.stdout
