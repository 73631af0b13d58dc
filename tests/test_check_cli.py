"""`dplen check` run for real, as a user runs it, on small projects written here."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent

SAMPLERS = (Path(__file__).resolve().parent / "fixtures" / "check" / "chunks_family.py").read_text()

CLI = Path(__file__).resolve().parent / "fixtures" / "check_cli"


def run(*args: str, cwd: Path, command: str = "dplen") -> subprocess.CompletedProcess:
    line = (
        [str(BIN / command), *args]
        if command != "-m"
        else [sys.executable, "-m", "flake8_dplen.check", *args]
    )
    # The timeout only keeps a regression from hanging the suite.
    return subprocess.run(line, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "samplers.py").write_text(SAMPLERS)
    return tmp_path


def test_buggy_sampler_gets_a_shrunk_counterexample_and_a_test_that_fails(project):
    done = run("check", "samplers", "--isolated", cwd=project)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    # Shrunk to the smallest disagreement a caller could pass: three samples, batches of
    # two, the tail kept (range(1) in batches of 2 before s11-check: a batch the data
    # cannot fill, legitimate.py).
    assert any(
        line.startswith(
            "COUNTEREXAMPLE  samplers.Chunks: Chunks(dataset=range(3), batch_size=2): "
            "len 1, __iter__ yielded 2 batches of sizes"
        )
        for line in lines
    )
    assert any(line.startswith("ok              samplers.ExactChunks (") for line in lines)
    assert any(
        line.startswith("could not build samplers.NeedsTokenizer: nothing to pass as `tokenizer`")
        for line in lines
    )
    assert "1 counterexample" in done.stderr and "1 could not build" in done.stderr

    pasted = done.stdout.split("paste into your tests\n", 1)[1]
    namespace = {}
    sys.path.insert(0, str(project))
    try:
        exec(pasted, namespace)
        with pytest.raises(AssertionError, match=r"len\(\) = 1, iteration yielded 2 batches"):
            namespace["test_chunks_len_matches_iter"]()
    finally:
        sys.path.remove(str(project))
        sys.modules.pop("samplers", None)


def test_a_correct_class_alone_exits_0_also_as_python_m(project):
    done = run("samplers:ExactChunks", "--isolated", cwd=project, command="-m")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ok              samplers.ExactChunks (")


def test_registered_factory_builds_what_generation_cannot(project):
    (project / "factories.py").write_text(
        textwrap.dedent(
            """
            from types import SimpleNamespace

            from flake8_dplen.check import factory
            from samplers import NeedsTokenizer

            @factory(NeedsTokenizer)
            def with_tokenizer(dataset, batch_size: int):
                return NeedsTokenizer(dataset, batch_size, tokenizer=SimpleNamespace(get_vocab=dict))
            """
        )
    )
    done = run("check", "samplers:NeedsTokenizer", "--factories", "factories.py", "--isolated", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "samplers built with a registered factory" in done.stdout


def test_never_ending_iterators_are_cut_off_not_hung(tmp_path):
    shutil.copy(CLI / "endless.py", tmp_path)
    done = run("check", "endless", "--timeout", "1", "--isolated", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert (
        "CUT OFF         endless.Endless: Endless(dataset=range(1)): len 1,"
        " __iter__ was cut off after 1011 batches" in done.stdout
    )
    assert (
        "CUT OFF         endless.Slow: Slow(dataset=range(1)): len 1, __iter__ had yielded" in done.stdout
    )
    # A stall is no length: timed out, which fails the run too, but is no finding.
    assert (
        "TIMED OUT       endless.Stuck: __iter__ (len 1, 0 yielded) was still running after 1 s, on every"
        " input tried, without running past len(): a stall" in done.stdout
    )
    assert "2 cut off" in done.stderr and "1 timed out" in done.stderr


def test_sampler_bases_from_the_flake8_config(tmp_path):
    # A base that is no torch Sampler: only the config makes its subclasses samplers.
    (tmp_path / "base.py").write_text("class Base:\n    pass\n")
    shutil.copy(CLI / "mine.py", tmp_path)
    assert "0 sampler classes" in run("check", "mine.py", "--isolated", cwd=tmp_path).stderr
    (tmp_path / "setup.cfg").write_text("[flake8]\ndplen-sampler-bases = base.Base\n")
    done = run("check", "mine.py", cwd=tmp_path)
    assert done.returncode == 1
    assert "mine.Pairs: Pairs(dataset=range(1)): len 0, __iter__ yielded 1 batch of size 2" in done.stdout


def test_plain_classes_named_as_samplers_are_checked_as_the_lint_judges_them(tmp_path):
    # DataLoader takes any iterable with a __len__: Megatron-style plain classes, and their
    # subclasses, are found in a module as the lint finds them (core.prefilter.duck_sampler);
    # a plain container of the same shape not named as a sampler is not. On main (aa63a46)
    # the module gave "0 sampler classes".
    shutil.copy(CLI / "plain.py", tmp_path)
    done = run("check", "plain.py", "--isolated", cwd=tmp_path)
    assert "2 sampler classes: 1 ok, 1 counterexample" in done.stderr, done.stderr
    assert "plain.PretrainingSampler: PretrainingSampler(" in done.stdout
    assert "Bag" not in done.stdout + done.stderr


def test_random_count_is_judged_by_its_mean(tmp_path):
    shutil.copy(CLI / "coins.py", tmp_path)
    done = run("check", "coins", "--isolated", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "ok              coins.Coins (" in done.stdout and "mean over seeded epochs" in done.stdout
    assert "COUNTEREXAMPLE  coins.GreedyCoins: GreedyCoins(dataset=range(" in done.stdout
    assert "batches on average over 20 seeded epochs" in done.stdout
    assert "epochs=20, reseed=reseed" in done.stdout  # the pasted test judges the mean too


@pytest.mark.parametrize(
    "args,message",
    [
        ((), "give at least one TARGET"),
        (
            ("nosuchmodule",),
            "nosuchmodule: cannot import: ModuleNotFoundError: No module named 'nosuchmodule'",
        ),
        (("samplers:Nope",), "samplers:Nope: no class Nope in samplers"),
        (("missing/folder",), "missing/folder: no such file or folder"),
        (("missing.py",), "missing.py: no such file or folder"),
        (("samplers", "--factories", "nofactories"), "nofactories: cannot import the factories"),
    ],
)
def test_bad_targets_exit_2_with_one_line(project, args, message):
    done = run("check", *args, "--isolated", cwd=project)
    assert done.returncode == 2
    assert message in done.stderr


def test_the_resume_convention_is_chosen_on_the_command_line(tmp_path):
    fixture = Path(__file__).resolve().parent / "fixtures" / "check" / "resumed_whole_epoch.py"
    (tmp_path / "resumable.py").write_text(fixture.read_text())
    strict = run("check", "resumable", "--isolated", "--no-tests", cwd=tmp_path)
    assert strict.returncode == 1, strict.stderr
    assert "COUNTEREXAMPLE  resumable.ResumedWholeEpoch:" in strict.stdout
    assert "load_state_dict() on a new one" in strict.stdout
    lightning = run("check", "resumable", "--isolated", "--resumed-len", "epoch", cwd=tmp_path)
    assert lightning.returncode == 0, lightning.stdout + lightning.stderr
    assert "ok              resumable.ResumedWholeEpoch" in lightning.stdout
