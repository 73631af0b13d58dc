"""`dplen fix`: the codemod as a `dplen` subcommand, with ruff's switches and conventions.
Each test runs the installed console script in a subprocess, on files in a tmp folder."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, Optional

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHUNKS_INT = (REPO_ROOT / "tests" / "fixtures" / "codemod" / "chunks_int.py").read_text()
MANUAL = (REPO_ROOT / "tests" / "fixtures" / "codemod" / "split_manual.py").read_text()
# opacus's split sampler: its fix is longer than a message could carry.
SPLIT = (REPO_ROOT / "examples" / "split_sampler.py").read_text()


def dplen(*args: str, cwd: Path, env: Optional[Dict[str, str]] = None, command: str = "dplen"):
    line = (
        [str(BIN / command), *args] if command != "-m" else [sys.executable, "-m", "codemods.fix_len", *args]
    )
    return subprocess.run(
        line, cwd=cwd, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})}
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "chunks.py").write_text(CHUNKS_INT)
    (tmp_path / "src" / "split.py").write_text(SPLIT)
    (tmp_path / "src" / "manual.py").write_text(MANUAL)
    return tmp_path


def findings(out: str):
    return [line.split(" ", 2)[:2] for line in out.splitlines() if ": DPL" in line]


def test_dplen_fix_is_dplen_fix_and_the_module_spelling(project):
    sub, script, module = (
        dplen("fix", "--check", "--isolated", cwd=project),
        dplen("--check", "--isolated", cwd=project, command="dplen-fix"),
        dplen("--check", "--isolated", cwd=project, command="-m"),
    )
    assert sub.returncode == 1 and len(findings(sub.stdout)) == 3, sub
    assert (sub.returncode, sub.stdout, sub.stderr) == (script.returncode, script.stdout, script.stderr)
    assert (module.returncode, module.stdout) == (script.returncode, script.stdout)
    helped = dplen("fix", "--help", cwd=project)
    assert helped.returncode == 0 and helped.stdout.startswith("usage: dplen fix")
    top = dplen("--help", cwd=project)
    assert all(f"    {name}" in top.stdout for name in ("check", "fix")), top.stdout
    none = dplen(cwd=project)
    assert none.returncode == 2 and "give a command: check, fix" in none.stderr


def test_no_path_means_the_current_folder_and_paths_are_named_as_git_does(project):
    done = dplen("fix", "--check", "--isolated", cwd=project)
    assert sorted(path for path, _code in findings(done.stdout)) == [
        "src/chunks.py:15:16:",
        "src/manual.py:19:16:",
        "src/split.py:25:20:",
    ]


def test_select_ignore_and_extend_select_follow_ruff(project):
    (project / "setup.cfg").write_text("[flake8]\nselect = DPL105\n")
    configured = dplen("fix", "--check", cwd=project)
    assert {code for _p, code in findings(configured.stdout)} == {"DPL105"}
    # --select replaces the config's choice; --extend-select adds to it; --ignore takes away.
    selected = dplen("fix", "--check", "--select", "DPL101", cwd=project)
    assert {code for _p, code in findings(selected.stdout)} == {"DPL101"}
    extended = dplen("fix", "--check", "--extend-select", "DPL101", cwd=project)
    assert {code for _p, code in findings(extended.stdout)} == {"DPL101", "DPL105"}
    ignored = dplen("fix", "--check", "--select=DPL1", "--ignore=DPL105", cwd=project)
    assert {code for _p, code in findings(ignored.stdout)} == {"DPL101"}
    everything_ignored = dplen("fix", "--ignore", "DPL", "src/chunks.py", cwd=project)
    assert everything_ignored.returncode == 0 and (project / "src" / "chunks.py").read_text() == CHUNKS_INT


def test_exit_zero_keeps_the_report_but_not_the_failure(project):
    done = dplen("fix", "--check", "--exit-zero", "--isolated", cwd=project)
    assert done.returncode == 0 and len(findings(done.stdout)) == 3
    (project / "src" / "broken.py").write_text("def f(:\n")
    broken = dplen("fix", "--check", "--exit-zero", "--isolated", cwd=project)
    assert broken.returncode == 2, "an unreadable file is an error, not a finding"


def test_statistics_counts_each_code_once(project):
    (project / "src" / "more.py").write_text(CHUNKS_INT)
    done = dplen("fix", "--check", "--statistics", "--isolated", cwd=project)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "3\tDPL101\t[*] int() truncates a fractional batch count",
        "1\tDPL105\t[ ] ceil of an aggregate ratio where __iter__ splits batch by batch",
    ]


def test_show_fixes_json_and_sarif_carry_the_whole_fix(project):
    shown = dplen("fix", "--check", "--show-fixes", "--isolated", "src/split.py", cwd=project)
    fix_lines = [line.strip() for line in shown.stdout.splitlines() if line.startswith("    fix: ")]
    (replacement,) = [line[len("fix: ") :] for line in fix_lines]
    assert "..." not in replacement and len(replacement) > 120
    as_json = json.loads(
        dplen("fix", "--check", "--format=json", "--isolated", "src/split.py", cwd=project).stdout
    )
    assert [entry["replacement"] for entry in as_json] == [replacement]
    sarif = json.loads(
        dplen("fix", "--check", "--format=sarif", "--isolated", "src/split.py", cwd=project).stdout
    )
    (result,) = sarif["runs"][0]["results"]
    assert result["properties"]["replacement"] == replacement
    assert result["message"]["text"].endswith(f"fix: {replacement}")

    # The listing of what was written, not its verification: no `dplen check` after it.
    fixed = dplen("fix", "--show-fixes", "--isolated", "--no-verify", "src/split.py", cwd=project)
    assert fixed.stdout == f"src/split.py:25:20: DPL101 fixed: {replacement}\n"


def test_colour_follows_color_and_no_color(project):
    always = dplen("fix", "--check", "--isolated", "--color=always", cwd=project, env={"NO_COLOR": "1"})
    assert "\033[31mDPL101\033[0m" in always.stdout
    for switches, env in (([], {}), (["--color=never"], {})):
        plain = dplen("fix", "--check", "--isolated", *switches, cwd=project, env=env)
        assert "\033[" not in plain.stdout + plain.stderr
    # auto on a terminal: colour, unless NO_COLOR is set.
    pty = pytest.importorskip("pty")
    for env, coloured in (({}, True), ({"NO_COLOR": "1"}, False)):
        out = _on_a_terminal(pty, ["fix", "--check", "--isolated"], project, env)
        assert ("\033[31mDPL101" in out) is coloured, out


def _on_a_terminal(pty, args, cwd: Path, env: Dict[str, str]) -> str:
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.environ.pop("NO_COLOR", None)
        os.environ.update(env)
        os.execv(str(BIN / "dplen"), [str(BIN / "dplen"), *args])
    chunks = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_is_what_git_apply_takes(project):
    subprocess.run(["git", "init", "-q", "."], cwd=project, check=True)
    before = (project / "src" / "chunks.py").read_text()
    diff = dplen("fix", "--diff", "--isolated", cwd=project)
    assert diff.returncode == 1 and diff.stdout.startswith("--- a/src/")
    (project / "fix.patch").write_text(diff.stdout)
    applied = subprocess.run(["git", "apply", "fix.patch"], cwd=project, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    assert (project / "src" / "chunks.py").read_text() == before.replace(
        "int(self.n / self.bs)", "-(-self.n // self.bs)"
    )
    after = dplen("fix", "--check", "--isolated", "--select=DPL101", cwd=project)
    assert after.returncode == 0, after.stdout


def test_a_worker_killed_from_outside_is_reported_as_such(tmp_path):
    """The OOM killer's SIGKILL: exit 2, what was written listed, no "internal error"."""
    for i in range(800):
        (tmp_path / f"m{i:03d}.py").write_text(SPLIT)
    # A rewritten file is a new file (an atomic replace): counting changed inodes is a few
    # stats, where reading 800 files every poll took CPU from the run on a busy machine.
    original = {p: p.stat().st_ino for p in tmp_path.glob("m*.py")}
    # --no-verify: the check that verifies by default would run for minutes after the
    # rewriting on 800 classes, and this test is about the rewriting's workers.
    proc = subprocess.Popen(
        [str(BIN / "dplen"), "fix", "-j2", "--isolated", "--no-verify"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    killed = None
    try:
        # The limits only bound a hang: the run takes seconds, a loaded machine many times that.
        deadline = time.monotonic() + 600
        while killed is None and time.monotonic() < deadline and proc.poll() is None:
            workers = children.read_text().split() if children.exists() else []
            written = sum(1 for p, inode in original.items() if p.stat().st_ino != inode) if workers else 0
            # Past the first chunks of files, so that some are known to be written.
            if len(workers) >= 2 and written > 100:
                killed = int(workers[0])
                os.kill(killed, 9)
            time.sleep(0.05)
        out, err = proc.communicate(timeout=600)
    finally:
        # A run that hangs must not outlive the test, nor its workers hold the pipes open.
        try:
            os.killpg(proc.pid, 9)
        except ProcessLookupError:
            pass
    assert killed is not None, "the run ended before a worker could be killed"
    assert proc.returncode == 2, err
    assert "a worker process was killed" in err and "internal error" not in err, err
    listed = {
        line.split(":")[0] for line in err.splitlines() if line.endswith("rewritten before the worker died")
    }
    assert listed, err
    assert all((tmp_path / name).read_text() != SPLIT for name in listed)


def _worker_told_to_stop(in_chunk: bool, ready, marker: str) -> None:
    """A pool worker's set-up, then a wait for SIGTERM in code that catches the exception
    and carries on, as the pool's own sending of a result does."""
    from flake8_dplen.cli import workers

    workers._start_worker(os.getppid())

    def wait() -> None:
        try:
            ready.set()
            time.sleep(60)
        except SystemExit:
            Path(marker).write_text("a write in progress could clean up")
            raise

    if in_chunk:
        workers._call_each(wait, [()])
    else:
        try:
            wait()
        except BaseException:
            time.sleep(60)


@pytest.mark.parametrize("in_chunk", [True, False], ids=["inside a chunk", "outside a chunk"])
def test_a_stopped_worker_ends_at_once_wherever_it_is(tmp_path, in_chunk):
    """SIGTERM (the pool stopping, or the parent's death) ends a worker: inside a chunk
    through an exception that a write in progress sees; outside one at once, where the
    pool's own code would catch the exception and block on a pipe nobody reads."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    ready, marker = context.Event(), tmp_path / "cleaned"
    worker = context.Process(target=_worker_told_to_stop, args=(in_chunk, ready, str(marker)))
    worker.start()
    try:
        assert ready.wait(60)
        worker.terminate()
        worker.join(20)
        assert worker.exitcode == 128 + signal.SIGTERM
        assert marker.exists() is in_chunk
    finally:
        worker.kill()
        worker.join()
