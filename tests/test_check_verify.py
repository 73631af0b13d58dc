"""`dplen-fix --verify`: the codemod's fixes kept only where `dplen check` confirms them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SAMPLERS = (Path(__file__).resolve().parent / "fixtures" / "check" / "tail_and_skips.py").read_text()


def _fix(tmp_path: Path, *args: str, env=None):
    return subprocess.run(
        [str(Path(sys.executable).parent / "dplen-fix"), *args, "samplers.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


def test_verify_keeps_confirmed_fixes_and_undoes_refuted_ones(tmp_path: Path):
    path = tmp_path / "samplers.py"
    path.write_text(SAMPLERS)
    done = _fix(tmp_path, "--verify", "--isolated")
    assert done.returncode == 1, done.stderr  # a finding is left for a manual fix
    text = path.read_text()
    tail, lone = text.split("class SkipsSome")
    assert "return -(-len(self.dataset) // self.batch_size)" in tail
    assert "return int(len(self.dataset) / self.batch_size)" in lone
    assert "samplers.py:43:16: DPL101 int() drops the partial batch __iter__ yields" in done.stdout
    assert (
        "[manual fix: the check refutes the fix:"
        " SkipsSome(dataset=range(7), batch_size=1): len 7, __iter__ yielded 6 batches of sizes 1, 1, 1, 1, 1, 1]"
    ) in done.stdout
    assert "1 finding fixed, 1 left for a manual fix" in done.stderr


def test_verify_refuses_check_and_diff(tmp_path: Path):
    (tmp_path / "samplers.py").write_text(SAMPLERS)
    done = _fix(tmp_path, "--verify", "--check")
    assert done.returncode == 2
    assert "--verify checks the rewritten files; it cannot go with --check or --diff" in done.stderr


# The Tail sampler again, with a hook that the tests below turn hostile: it prints at
# import, and with DPLEN_TEST_HANG set its __iter__ never returns.
HOSTILE_TAIL = """
import os
import time

print("importing samplers {")


def _pause():
    while os.environ.get("DPLEN_TEST_HANG"):
        time.sleep(0.1)

""" + SAMPLERS[: SAMPLERS.index("\n\nclass SkipsSome")].replace(
    "    def __iter__(self):\n", "    def __iter__(self):\n        _pause()\n", 1
)

FIXED = "return -(-len(self.dataset) // self.batch_size)"


def _verify(tmp_path: Path, *args: str, env=None, **popen):
    command = [str(Path(sys.executable).parent / "dplen-fix"), "--verify", "--isolated", *args, "samplers.py"]
    return subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, **popen
    )


def test_a_module_that_prints_at_import_keeps_its_confirmed_fix(tmp_path: Path):
    # On main the print made the check's JSON invalid, and the correct fix was undone.
    (tmp_path / "samplers.py").write_text(HOSTILE_TAIL)
    stdout, stderr = _verify(tmp_path).communicate(timeout=300)
    assert FIXED in (tmp_path / "samplers.py").read_text(), stdout + stderr
    assert "1 finding fixed, 0 left for a manual fix" in stderr


def test_a_check_past_the_verify_timeout_undoes_the_fix_as_manual(tmp_path: Path):
    import os

    (tmp_path / "samplers.py").write_text(HOSTILE_TAIL)
    env = {**os.environ, "DPLEN_TEST_HANG": "1"}
    done = _verify(tmp_path, "--verify-timeout", "5", env=env)
    stdout, stderr = done.communicate(timeout=120)  # on main: no limit, this expired
    assert done.returncode == 1, stderr
    assert (tmp_path / "samplers.py").read_text() == HOSTILE_TAIL
    assert (
        "[manual fix: not confirmed, the check could not run it: the check did not finish within 5 s"
        " (--verify-timeout)]" in stdout
    )


def test_sigterm_while_verifying_leaves_no_unverified_fix(tmp_path: Path):
    import os
    import signal
    import time

    (tmp_path / "samplers.py").write_text(HOSTILE_TAIL)
    env = {**os.environ, "DPLEN_TEST_HANG": "1"}
    done = _verify(tmp_path, env=env)
    # The fix is written before the check runs: wait for it, then stop the run.
    deadline = time.monotonic() + 120
    while FIXED not in (tmp_path / "samplers.py").read_text():
        assert done.poll() is None and time.monotonic() < deadline
        time.sleep(0.2)
    time.sleep(1.0)
    done.send_signal(signal.SIGTERM)
    _, stderr = done.communicate(timeout=60)
    assert done.returncode == 128 + signal.SIGTERM
    assert (tmp_path / "samplers.py").read_text() == HOSTILE_TAIL  # on main: the fix stayed
    assert "dplen-fix: interrupted while verifying: 1 unverified fixes undone" in stderr


def test_the_check_runs_by_default_and_undoes_the_refuted_fix(tmp_path: Path):
    (tmp_path / "samplers.py").write_text(SAMPLERS)
    done = _fix(tmp_path)
    fixed = (tmp_path / "samplers.py").read_text()
    # Tail's fix stands; SkipsSome's, refuted by running it, is undone.
    assert fixed.count("int(len(self.dataset) / self.batch_size)") == 1, fixed
    assert "the check refutes the fix: SkipsSome(" in done.stdout
    assert "not verified" not in done.stderr


def test_no_verify_keeps_every_fix_the_model_proves(tmp_path: Path):
    (tmp_path / "samplers.py").write_text(SAMPLERS)
    done = _fix(tmp_path, "--no-verify")
    assert "int(len(self.dataset) / self.batch_size)" not in (tmp_path / "samplers.py").read_text()
    assert "refutes" not in done.stdout and "not verified" not in done.stderr


def test_without_hypothesis_the_model_policy_stands_and_says_so(tmp_path: Path):
    import os

    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "hypothesis.py").write_text('raise ImportError("no hypothesis here")\n')
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(shadow), os.environ.get("PYTHONPATH", "")])}
    (tmp_path / "samplers.py").write_text(SAMPLERS)
    done = _fix(tmp_path, env=env)
    assert "int(len(self.dataset) / self.batch_size)" not in (tmp_path / "samplers.py").read_text()
    notes = [line for line in done.stderr.splitlines() if "not verified" in line]
    assert notes == [
        "dplen-fix: fixes not verified by `dplen check`: hypothesis cannot be imported (ImportError)"
    ]


def test_conftest_factories_are_used_by_the_default_check(tmp_path: Path):
    # A class the check cannot build alone (a required parameter without a hint) is built
    # by the factory a conftest.py registers, as in a pytest run, and so is refuted.
    source = SAMPLERS.replace(
        "class SkipsSome(Tail):",
        "class SkipsSome(Tail):\n    def __init__(self, cfg):\n        super().__init__(range(cfg), 1)\n",
        1,
    )
    (tmp_path / "samplers.py").write_text(source)
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "conftest.py").write_text(
        "from flake8_dplen.check import factory\n\n\n"
        "@factory('samplers.SkipsSome')\n"
        "def skips(n: int):\n"
        "    import samplers\n\n"
        "    return samplers.SkipsSome(max(0, min(n, 30)))\n"
    )
    done = _fix(tmp_path, "--verify")
    assert "the check refutes the fix:" in done.stdout, done.stdout + done.stderr


def test_a_file_edited_while_verifying_is_left_as_the_user_made_it(tmp_path: Path):
    # The check imports the module, and this one edits its own file when imported: the
    # stand-in for a user saving the file during a check that can take minutes.
    edit = "import pathlib\n_me = pathlib.Path(__file__)\n_me.write_text(_me.read_text() + '# edited\\n')\n"
    (tmp_path / "samplers.py").write_text(edit + SAMPLERS)
    done = _fix(tmp_path)
    text = (tmp_path / "samplers.py").read_text()
    assert text.endswith("# edited\n"), text
    # SkipsSome's refuted fix is not undone over the edit: both fixes are still there.
    assert "int(len(self.dataset) / self.batch_size)" not in text, text
    assert "changed while the fix was being verified; left as it is" in done.stderr + done.stdout
