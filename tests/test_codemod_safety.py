"""The codemod against faults, races and odd files: nothing lost, nothing hung, nothing
left running, and every refusal said in one line naming the file and the cause.

Races are staged deterministically: a hook wrapped around the real write runs between
the codemod's read of a file and its replacement, in-process or, where the process must
be killed, in a small driver script run as a subprocess."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import stat
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Callable, List, Sequence

import pytest
from test_codemod_cli import fixed_int, fixture_text, run, temp_files, write
from test_workflow import parse_annotations, validate_sarif

from flake8_dplen.cli import fix
from flake8_dplen.cli.workers import usable_cpus

BUGGY = fixture_text("chunks_int.py").encode()
FIXED = fixed_int().encode()
MANUAL = fixture_text("split_manual.py").encode()
# The same sampler with the fix at line 4, so that a diff's context reaches line 1.
COMPACT = (
    "from torch.utils.data import Sampler\n"
    "class Chunks(Sampler):\n"
    "    def __len__(self):\n"
    "        return int(self.n / self.bs)\n"
    "    def __init__(self, n: int, bs: int):\n"
    "        self.n, self.bs = n, bs\n"
    "    def __iter__(self):\n"
    "        for start in range(0, self.n, self.bs):\n"
    "            yield list(range(start, min(start + self.bs, self.n)))\n"
)
WAIT = 120  # seconds: a bound that turns a hang into a failure, never a measured time


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def before_write(monkeypatch):
    """`install(action)`: `action(path)` runs after the codemod has read and fixed a file
    and before it replaces it, the moment an editor or a checkout could touch it."""

    def install(action: Callable[[str], None]) -> None:
        real = fix.write_atomically

        def hooked(source, *rest):
            action(getattr(source, "path", source))
            return real(source, *rest)

        monkeypatch.setattr(fix, "write_atomically", hooked)

    return install


def main(capsys, *args: str):
    # About the rewriting, not its verification (test_check_verify's): no `dplen check` after.
    rc = fix.main(["--no-verify", *args])
    out, err = capsys.readouterr()
    return rc, out, err.splitlines()


def buggy_files(folder: Path, count: int) -> List[str]:
    names = [f"m{i}.py" for i in range(count)]
    for name in names:
        write(folder / name, BUGGY)
    return names


# ------------------------------------------------------------------ 1: concurrent edits


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_edit_made_between_read_and_write_wins(cwd, capsys, before_write, jobs):
    names = buggy_files(cwd, 8)
    edited = BUGGY + b"# saved by an editor meanwhile\n"

    def edit(path: str) -> None:
        if os.path.basename(path) == "m3.py":
            (cwd / "m3.py").write_bytes(edited)

    before_write(edit)
    rc, _out, err = main(capsys, "-j", jobs, *names)
    assert rc == 2, err
    assert (cwd / "m3.py").read_bytes() == edited
    assert "m3.py: it was changed by something else since it was read; left unchanged, run again" in err
    assert all((cwd / name).read_bytes() == FIXED for name in names if name != "m3.py")


def test_each_file_is_written_before_the_next_is_read(cwd, capsys, monkeypatch, before_write):
    events = []
    real_read = fix.read
    monkeypatch.setattr(
        fix, "read", lambda path, *rest: events.append(("read", path)) or real_read(path, *rest)
    )
    before_write(lambda path: events.append(("write", path)))
    rc, _out, _err = main(capsys, "-j1", *buggy_files(cwd, 2))
    assert rc == 0
    assert events == [("read", "m0.py"), ("write", "m0.py"), ("read", "m1.py"), ("write", "m1.py")]


# ------------------------------------------------------------------ 2: symlinks appearing mid-run


@pytest.mark.parametrize("named", ["tree", os.path.join("tree", "a.py")])
def test_a_file_that_became_a_symlink_is_not_written_through(cwd, capsys, before_write, named):
    victim = write(cwd / "outside" / "victim.py", BUGGY)
    write(cwd / "tree" / "a.py", BUGGY)

    def swap(_path: str) -> None:
        os.unlink(cwd / "tree" / "a.py")
        os.symlink(victim, cwd / "tree" / "a.py")

    before_write(swap)
    rc, _out, err = main(capsys, "-j1", named)
    assert rc == 2
    assert victim.read_bytes() == BUGGY
    assert (cwd / "tree" / "a.py").is_symlink()
    assert err[0] == f"{os.path.join('tree', 'a.py')}: it became a symlink since it was read; left unchanged"
    assert temp_files(cwd) == []


# ------------------------------------------------------------------ 3, 8: metadata


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_setuid_and_setgid_bits_survive_a_file_of_another_owner(cwd, capsys):
    path = write(cwd / "tool.py", BUGGY)
    os.chown(path, 12345, 23456)
    os.chmod(path, 0o6755)
    rc, _out, err = main(capsys, "-j1", "tool.py")
    info = os.stat(path)
    assert rc == 0, err
    assert path.read_bytes() == FIXED
    assert (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid) == (0o6755, 12345, 23456)


def test_extended_attributes_are_kept(cwd, capsys):
    path = write(cwd / "a.py", BUGGY)
    try:
        os.setxattr(path, "user.origin", b"kept")
    except OSError as exc:
        pytest.skip(f"this filesystem keeps no user extended attributes: {exc.strerror}")
    rc, _out, err = main(capsys, "-j1", "a.py")
    assert rc == 0, err
    assert path.read_bytes() == FIXED
    assert os.getxattr(path, "user.origin") == b"kept"


def test_a_hard_linked_file_is_refused_and_its_links_kept(cwd, capsys):
    path = write(cwd / "a.py", BUGGY)
    os.link(path, cwd / "b.py")
    rc, _out, err = main(capsys, "-j1", "a.py")
    assert rc == 2
    assert err[0] == "a.py: it has 2 hard links, and replacing it would split them; left unchanged"
    assert os.stat(cwd / "a.py").st_ino == os.stat(cwd / "b.py").st_ino
    assert path.read_bytes() == BUGGY


# ------------------------------------------------------------------ 4: FIFOs and devices


def test_fifos_and_devices_are_skipped_and_the_rest_fixed(tmp_path):
    write(tmp_path / "good.py", BUGGY)
    (tmp_path / "tree").mkdir()
    os.mkfifo(tmp_path / "tree" / "pipe.py")
    os.mkfifo(tmp_path / "named.py")
    expected = [
        "named.py: not a regular file (a FIFO); skipped",
        f"{os.path.join('tree', 'pipe.py')}: not a regular file (a FIFO); skipped",
    ]
    args = ["-j1", "good.py", "named.py", "tree"]
    if os.geteuid() == 0:
        os.mknod(tmp_path / "zero.py", stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero's numbers
        expected.append("zero.py: not a regular file (a character device); skipped")
        args.append("zero.py")
    # Before, this never returned: run() fails the test when it takes over its bound.
    result = run(args, tmp_path)
    assert result.rc == 2, result
    assert sorted(result.messages) == sorted(expected)
    assert (tmp_path / "good.py").read_bytes() == FIXED


# ------------------------------------------------------------------ 5: file names that are not UTF-8


def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path):
    name = b"caf\xe9.py"
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
        handle.write(BUGGY)
    codemod = [sys.executable, "-m", "codemods.fix_len", "--check", "-j1"]
    outputs = {
        form: subprocess.run(
            [*codemod, f"--format={form}", "."], cwd=tmp_path, capture_output=True, timeout=WAIT
        )
        for form in ("sarif", "text", "github", "json")
    }
    assert {form: proc.returncode for form, proc in outputs.items()} == dict.fromkeys(outputs, 1)
    document = json.loads(outputs["sarif"].stdout)
    validate_sarif(document)
    (result,) = document["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert urllib.parse.unquote_to_bytes(uri) == name
    assert outputs["text"].stdout.startswith(name + b":15:16: DPL101 ")
    assert outputs["github"].stdout.startswith(b"::error file=" + name + b",line=15")
    assert os.fsencode(json.loads(outputs["json"].stdout)[0]["path"]) == name


def test_a_crash_exits_3_never_1(cwd, capsys, monkeypatch):
    def broken(_entries):
        raise RuntimeError("formatter bug")

    write(cwd / "a.py", BUGGY)
    monkeypatch.setitem(fix.FORMATTERS, "sarif", broken)
    rc, out, err = main(capsys, "--check", "--format=sarif", "-j1", "a.py")
    assert rc == 3 and out == ""
    assert err[-1] == "dplen-fix: internal error (a bug, please report it): RuntimeError: formatter bug"


# ------------------------------------------------------------------ 6, 14: signals

DRIVER = """
import os, signal, sys, threading
from flake8_dplen.cli import fix

# A terminal's foreground job takes Ctrl-C; a job a shell started in the background (a CI
# runner's, `nohup ... &`) inherits SIGINT ignored, and Python then installs no handler.
signal.signal(signal.SIGINT, signal.default_int_handler)

def stuck(*args):
    # Reached in whichever process fixes a file: say so, then wait to be stopped.
    os.write(int(sys.argv[1]), b"%d\\n" % os.getpid())
    threading.Event().wait()

fix.write_atomically = stuck
sys.exit(fix.main(sys.argv[2:]))
"""


def _stuck_run(folder: Path, args: Sequence[str], writers: int):
    """The codemod started with every write stuck; returns once `writers` processes
    (the workers, or the codemod itself under -j1) are inside a write, with their pids,
    and a pipe that reaches end of file only when all of them and the codemod are gone."""
    ready_r, ready_w = os.pipe()
    alive_r, alive_w = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(ready_w), *args],
        cwd=folder,
        pass_fds=(ready_w, alive_w),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    os.close(ready_w)
    os.close(alive_w)
    pids, buffer = set(), b""
    while len(pids) < writers:
        assert select.select([ready_r], [], [], WAIT)[0], "the codemod never reached a write"
        chunk = os.read(ready_r, 100)
        assert chunk, f"the codemod ended early: {proc.communicate()}"
        buffer += chunk
        pids = {int(line) for line in buffer.split()}
    os.close(ready_r)
    return proc, pids, alive_r


def _all_gone(alive_r: int) -> bool:
    gone = bool(select.select([alive_r], [], [], WAIT)[0]) and os.read(alive_r, 1) == b""
    os.close(alive_r)
    return gone


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_pool_workers_die_with_the_codemod(tmp_path, how):
    names = buggy_files(tmp_path, 8)
    proc, workers, alive_r = _stuck_run(tmp_path, ["-j2", *names], writers=2)
    assert proc.pid not in workers
    try:
        proc.send_signal(how)
        assert _all_gone(alive_r), "pool workers outlived the codemod"
    finally:
        for pid in workers:  # only when the test failed: leave nothing running
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    _out, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == (128 + how if how == signal.SIGTERM else -how), err
    assert err == b""
    assert all((tmp_path / name).read_bytes() == BUGGY for name in names)
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_quietly(tmp_path, jobs):
    names = buggy_files(tmp_path, 8)
    proc, _pids, alive_r = _stuck_run(tmp_path, ["-j", jobs, *names], writers=int(jobs))
    try:
        # The terminal sends Ctrl-C to the whole foreground process group.
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=WAIT)
        assert _all_gone(alive_r)
        assert (proc.returncode, out, err) == (130, b"", b"")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # a failure leaves no stuck codemod behind
        except ProcessLookupError:
            pass


# ------------------------------------------------------------------ 7: diffs that apply


@pytest.mark.parametrize(
    "data",
    [
        # The changed line's context holds an é (one byte in latin-1) or the BOM.
        ("# -*- coding: latin-1 -*-\n" + COMPACT.replace("(self):", "(self):  # caf\xe9")).encode("latin-1"),
        b"\xef\xbb\xbf" + COMPACT.encode(),
        b"\xef\xbb\xbf" + COMPACT.replace("(self):", "(self):  # caf\xe9").replace("\n", "\r\n").encode(),
    ],
    ids=["latin-1", "bom", "bom-crlf"],
)
def test_diff_applies_with_git_apply(tmp_path, data):
    write(tmp_path / "diffed" / "a.py", data)
    write(tmp_path / "fixed" / "a.py", data)
    diff = subprocess.run(
        [sys.executable, "-m", "codemods.fix_len", "--diff", "-j1", "a.py"],
        cwd=tmp_path / "diffed",
        capture_output=True,
        timeout=WAIT,
    )
    assert diff.returncode == 1, diff.stderr
    assert run(["-j1", "a.py"], tmp_path / "fixed").rc == 0
    (tmp_path / "fix.patch").write_bytes(diff.stdout)
    for args in (["--check"], []):
        applied = subprocess.run(
            ["git", "apply", *args, str(tmp_path / "fix.patch")],
            cwd=tmp_path / "diffed",
            capture_output=True,
            text=True,
        )
        assert applied.returncode == 0, applied.stderr
    assert (tmp_path / "diffed" / "a.py").read_bytes() == (tmp_path / "fixed" / "a.py").read_bytes() != data


# ------------------------------------------------------------------ 12: ordinary write failures


def test_a_file_deleted_mid_run_is_reported_as_such(cwd, capsys, before_write):
    write(cwd / "a.py", BUGGY)
    before_write(lambda _path: os.unlink(cwd / "a.py"))
    rc, _out, err = main(capsys, "-j1", "a.py")
    assert rc == 2
    assert err[0] == "a.py: it was deleted since it was read; left unchanged"
    assert not (cwd / "a.py").exists() and temp_files(cwd) == []


def test_a_folder_that_takes_no_new_file_is_reported_as_such(cwd, capsys):
    folder = cwd / "locked"
    write(folder / "a.py", BUGGY)
    # An immutable folder: writable by its mode bits, yet no temporary file can be made.
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (needs root and a filesystem that has it)")
    try:
        rc, _out, err = main(capsys, "-j1", str(folder / "a.py"))
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    assert rc == 2
    cause = "Operation not permitted; left unchanged"
    assert err[0] == f"{folder / 'a.py'}: cannot create a temporary file in {folder}: {cause}"
    assert (folder / "a.py").read_bytes() == BUGGY


# ------------------------------------------------------------------ 13, 14: messages


@pytest.mark.parametrize(
    "data",
    [
        b"x = (\n\ny = 1\n",
        b"from torch.utils.data import Sampler\n\nclass S(Sampler):\n    def __len__(self:\n",
    ],
    ids=["no-sampler", "sampler"],
)
def test_a_file_python_cannot_parse_is_reported_whatever_it_holds(cwd, capsys, data):
    write(cwd / "good.py", BUGGY)
    write(cwd / "broken.py", data)
    rc, _out, err = main(capsys, "-j1", "good.py", "broken.py")
    assert rc == 2
    (message,) = [line for line in err if line.startswith("broken.py: ")]
    assert message in (
        "broken.py: cannot parse: '(' was never closed (line 1)",
        "broken.py: cannot parse: '(' was never closed (line 4)",
    )
    assert (cwd / "good.py").read_bytes() == FIXED


def test_help_says_how_unparsable_files_end_the_run():
    text = " ".join(fix.build_parser().format_help().split())
    said = "one that Python cannot parse is reported and makes the run exit 2, whether it defines a sampler"
    assert said in text


def test_a_nul_byte_is_named_without_a_missing_line(cwd, capsys):
    write(cwd / "a.py", BUGGY + b"\x00\n")
    rc, _out, err = main(capsys, "-j1", "a.py")
    assert rc == 2
    assert err[0] == "a.py: cannot parse: source code string cannot contain null bytes"


def test_stdin_is_said_to_be_unsupported(cwd, capsys):
    rc, _out, err = main(capsys, "-j1", "-")
    assert rc == 2 and err[0] == "-: stdin is not supported; name files or folders"


def test_jobs_are_capped_at_the_usable_cpus(cwd, capsys, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor

    asked = []
    real_init = ProcessPoolExecutor.__init__

    def recording(self, max_workers=None, *args, **kwargs):
        asked.append(max_workers)
        real_init(self, max_workers, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", recording)
    rc, _out, _err = main(capsys, "-j", "1000", *buggy_files(cwd, 8))
    assert rc == 0
    assert asked and max(asked) <= usable_cpus()


def test_summary_counts_in_the_singular_and_plural(cwd, capsys):
    write(cwd / "a.py", BUGGY)
    _rc, _out, err = main(capsys, "--check", "-j1", "a.py")
    assert (
        err[-1]
        == "1 file scanned, 1 would change, 1 finding fixable, 0 left for a manual fix, 0 skipped with errors"
    )


def test_machine_formats_separate_the_manual_fix_reason(cwd, capsys):
    write(cwd / "m.py", MANUAL)
    _rc, json_out, _err = main(capsys, "--check", "--format=json", "-j1", "m.py")
    (entry,) = json.loads(json_out)
    expected = f"{entry['message']} [manual fix: {entry['reason']}]"
    _rc, github_out, _err = main(capsys, "--check", "--format=github", "-j1", "m.py")
    assert parse_annotations(github_out)[0]["message"] == expected
    _rc, sarif_out, _err = main(capsys, "--check", "--format=sarif", "-j1", "m.py")
    assert json.loads(sarif_out)["runs"][0]["results"][0]["message"]["text"] == expected


# ------------------------------------------------------------------ 19: fixes listed


def test_apply_mode_lists_each_fix(cwd, capsys):
    write(cwd / "a.py", BUGGY)
    write(cwd / "m.py", MANUAL)
    rc, out, _err = main(capsys, "-j1", "a.py", "m.py")
    assert rc == 1
    lines = out.splitlines()
    assert lines[0] == "a.py:15:16: DPL101 fixed"
    assert lines[1].startswith("m.py:") and "[manual fix: " in lines[1] and len(lines) == 2


# ------------------------------------------------------------------ 21: flake8's select and ignore


@pytest.mark.parametrize(
    "config, untouched",
    [
        ("per-file-ignores =\n    legacy/*.py: DPL101\n", {"legacy/a.py"}),
        ("extend-ignore = DPL101\n", {"legacy/a.py", "src/a.py"}),
        ("ignore = DPL1\n", {"legacy/a.py", "src/a.py", "src/m.py"}),
        ("extend-ignore = DPL105\nper-file-ignores = src/a.py:DPL\n", {"src/a.py", "src/m.py"}),
    ],
    ids=["per-file-ignores", "extend-ignore", "ignore", "both"],
)
def test_the_codemod_honours_flake8s_ignores(tmp_path, config, untouched):
    files = {"legacy/a.py": BUGGY, "src/a.py": BUGGY, "src/m.py": MANUAL}
    for name, data in files.items():
        write(tmp_path / name, data)
    (tmp_path / "setup.cfg").write_text("[flake8]\n" + config)
    flake8 = subprocess.run(
        [sys.executable, "-m", "flake8", "legacy", "src"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    check = run(["--check", "--format=json", "-j1", "legacy", "src"], tmp_path)
    reported = {line.split(":")[0] for line in flake8.stdout.splitlines() if ": DPL1" in line}
    assert {entry["path"] for entry in json.loads(check.out)} == reported == set(files) - untouched, flake8
    fixed = run(["-j1", "legacy", "src"], tmp_path)
    assert fixed.summary["errors"] == 0, fixed
    for name, data in files.items():
        assert ((tmp_path / name).read_bytes() == data) is (name in untouched or data == MANUAL), name
