"""Unit tests of flake8_dplen/cli/files.py: finding, reading and atomically writing files."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import List

import pytest

from flake8_dplen.cli.files import SKIPPED_DIRS, FileError, discover, encoded, read, write_atomically

SAMPLE = "def f():\n    return 1\n"


def touch(path: Path, data: bytes = SAMPLE.encode(), mode: int = 0o644) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, mode)
    return path


def temp_files(folder: Path) -> List[str]:
    return [name for name in os.listdir(folder) if name.startswith(".dplen-")]


def rewrite(path, text: str, follow_link: bool = False) -> None:
    """What the codemod does to one file: read it, then replace it with `text`."""
    source = read(str(path), follow_link)
    write_atomically(source, encoded(source, text))


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    # discover() reports paths as given; relative ones keep the assertions readable.
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ------------------------------------------------------------------ discover


def test_walk_finds_python_files_in_sorted_order(cwd):
    for name in ("b.py", "a.py", "sub/c.py", "z_sub/d.py", "notes.txt", "stub.pyi", "x.pyc"):
        touch(cwd / "pkg" / name)
    files, problems = discover(["pkg"], [])
    assert files == ["pkg/a.py", "pkg/b.py", "pkg/sub/c.py", "pkg/z_sub/d.py"]
    assert problems == []


def test_named_files_are_taken_as_given_even_without_py_suffix(cwd):
    touch(cwd / "script")
    touch(cwd / "stub.pyi")
    files, problems = discover(["script", "stub.pyi"], [])
    assert files == ["script", "stub.pyi"] and problems == []


def test_problems_name_the_path_and_the_cause(cwd):
    (cwd / "docs").mkdir()
    touch(cwd / "docs" / "README.md")
    os.symlink("gone.py", cwd / "dangling.py")
    touch(cwd / "ok.py")
    files, problems = discover(["missing.py", "docs", "dangling.py", "ok.py"], [])
    assert files == ["ok.py"]
    assert problems == [
        ("missing.py", "no such file or directory"),
        ("docs", "no Python files here"),
        ("dangling.py", "broken symlink"),
    ]


def test_tool_build_and_virtualenv_folders_are_skipped(cwd):
    for folder in sorted(SKIPPED_DIRS) + ["pkg.egg-info", "anyenv"]:
        touch(cwd / "root" / folder / "x.py")
    touch(cwd / "root" / "anyenv" / "pyvenv.cfg", b"home = /usr/bin\n")
    touch(cwd / "root" / "keep" / "x.py")
    # `.git`, `build` ... are skipped by name wherever they are, not only at the top.
    touch(cwd / "root" / "keep" / "build" / "x.py")
    files, _ = discover(["root"], [])
    assert files == ["root/keep/x.py"]


def test_a_skipped_folder_named_on_the_command_line_is_still_walked(cwd):
    touch(cwd / "build" / "gen.py")
    assert discover(["build"], []) == (["build/gen.py"], [])


def test_exclude_globs_match_any_path_part_or_the_whole_path(cwd):
    for name in ("src/a.py", "src/a_test.py", "src/generated/b.py", "src/keep/c.py", "src/keep/deep/d.py"):
        touch(cwd / name)
    files, _ = discover(["src"], ["*_test.py", "generated", "src/keep/deep/*"])
    assert files == ["src/a.py", "src/keep/c.py"]
    # Exclusion applies to named files too: nothing is reported, nothing is checked.
    assert discover(["src/a_test.py"], ["*_test.py"]) == ([], [])


def test_a_named_folder_that_is_excluded_is_skipped_like_flake8_does(cwd):
    touch(cwd / "gen" / "a.py")
    assert discover(["gen"], ["gen"]) == ([], [])


def test_exclude_does_not_match_folders_above_the_named_path(tmp_path):
    """However the folder is spelled, a pattern must only see what lies inside it."""
    touch(tmp_path / "ci" / "repo" / "pkg" / "a.py")
    absolute = str(tmp_path / "ci" / "repo" / "pkg")
    files, problems = discover([absolute], ["ci"])
    assert files == [os.path.join(absolute, "a.py")], problems


def test_symlinks_inside_folders_are_not_followed(cwd):
    touch(cwd / "outside" / "target.py")
    touch(cwd / "tree" / "plain.py")
    os.symlink(os.path.join("..", "outside", "target.py"), cwd / "tree" / "link.py")
    os.symlink(os.path.join("..", "outside"), cwd / "tree" / "linked_dir")
    os.symlink("tree", cwd / "loop_root")
    os.symlink("..", cwd / "tree" / "up")  # a loop, if it were followed
    assert discover(["tree"], []) == (["tree/plain.py"], [])


def test_symlinks_named_on_the_command_line_are_followed(cwd):
    touch(cwd / "real" / "target.py")
    os.symlink(os.path.join("real", "target.py"), cwd / "link.py")
    os.symlink("real", cwd / "linked_dir")
    files, problems = discover(["link.py"], [])
    assert files == ["link.py"] and problems == []
    files, problems = discover(["linked_dir"], [])
    assert files == ["linked_dir/target.py"] and problems == []


def test_the_same_file_reached_twice_is_listed_once(cwd):
    touch(cwd / "pkg" / "a.py")
    os.symlink(os.path.join("pkg", "a.py"), cwd / "alias.py")
    files, _ = discover(["pkg/a.py", "pkg", "./pkg/a.py", "alias.py"], [])
    assert files == ["pkg/a.py"]


# ------------------------------------------------------------------ read


def test_read_utf8_keeps_line_endings(tmp_path):
    data = "x = 'caf\u00e9'\r\ny = 2\rz = 3\n".encode()
    source = read(str(touch(tmp_path / "a.py", data)))
    assert source.text == "x = 'caf\u00e9'\r\ny = 2\rz = 3\n"
    assert source.encoding == "utf-8"


def test_read_strips_a_bom_and_remembers_it(tmp_path):
    source = read(str(touch(tmp_path / "a.py", b"\xef\xbb\xbfx = 1\n")))
    assert source.text == "x = 1\n"
    assert source.encoding == "utf-8-sig"


def test_read_follows_a_coding_cookie(tmp_path):
    data = "# -*- coding: latin-1 -*-\n# caf\u00e9\n".encode("latin-1")
    source = read(str(touch(tmp_path / "a.py", data)))
    assert source.text == "# -*- coding: latin-1 -*-\n# caf\u00e9\n"
    assert source.text.encode(source.encoding) == data


@pytest.mark.parametrize(
    "data",
    [
        b"# caf\xe9\nx = 1\n",  # in the first two lines, where the cookie is looked for
        b"x = 1\ny = 2\n# caf\xe9\n",  # further down
        b"# -*- coding: no-such-codec -*-\nx = 1\n",
        b"\xef\xbb\xbf# -*- coding: latin-1 -*-\n",  # a BOM contradicts the cookie
    ],
)
def test_undecodable_files_raise_file_error(tmp_path, data):
    with pytest.raises(FileError, match="^cannot decode: "):
        read(str(touch(tmp_path / "a.py", data)))


def test_unreadable_paths_raise_file_error(tmp_path):
    with pytest.raises(FileError, match=r"^not a regular file \(a directory\); skipped$"):
        read(str(tmp_path))
    with pytest.raises(FileError, match="^cannot read: "):
        read(str(tmp_path / "missing.py"))


def test_read_then_write_round_trips_every_byte(tmp_path):
    originals = {
        "bom.py": b"\xef\xbb\xbfx = 1\r\n",
        "latin.py": "# coding: latin-1\n# \u00e9\u00e8\n".encode("latin-1"),
        "mixed.py": b"a = 1\r\nb = 2\nc = 3\rd = 4",
        "empty.py": b"",
    }
    for name, data in originals.items():
        path = str(touch(tmp_path / name, data))
        rewrite(path, read(path).text)
        assert (tmp_path / name).read_bytes() == data, name


# ------------------------------------------------------------------ write_atomically


def test_write_replaces_content_and_keeps_the_mode(tmp_path):
    path = touch(tmp_path / "tool.py", b"old\n", 0o750)
    rewrite(path, "new = 'caf\u00e9'\n")
    assert path.read_bytes() == "new = 'caf\u00e9'\n".encode()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o750
    assert temp_files(tmp_path) == []


def test_write_keeps_the_owner(tmp_path):
    # Root (as in CI) can give the file to another user; otherwise the file is our own.
    uid, gid = (12345, 23456) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    path = touch(tmp_path / "theirs.py", b"old\n")
    os.chown(path, uid, gid)
    rewrite(path, "new\n")
    info = os.stat(path)
    assert path.read_bytes() == b"new\n"
    assert (info.st_uid, info.st_gid) == (uid, gid), "the rewritten file changed owner"


def test_write_encodes_as_the_file_was_read(tmp_path):
    path = touch(tmp_path / "a.py", b"\xef\xbb\xbfx = 0\n")
    rewrite(path, "x = 1\n")
    assert path.read_bytes() == b"\xef\xbb\xbfx = 1\n"
    path = touch(tmp_path / "b.py", b"# coding: latin-1\n")
    rewrite(path, "# coding: latin-1\n# \u00e9\n")
    assert path.read_bytes() == b"# coding: latin-1\n# \xe9\n"


def test_unencodable_text_leaves_the_file_alone(tmp_path):
    path = touch(tmp_path / "a.py", b"# coding: latin-1\n")
    with pytest.raises(FileError, match="^cannot encode the fix in iso-8859-1"):
        rewrite(path, "# coding: latin-1\nx = '\u20ac'\n")
    assert path.read_bytes() == b"# coding: latin-1\n"
    assert temp_files(tmp_path) == []


def test_write_through_a_symlink_replaces_the_target(tmp_path):
    target = touch(tmp_path / "real" / "a.py", b"old\n", 0o640)
    link = tmp_path / "link.py"
    os.symlink(os.path.join("real", "a.py"), link)
    rewrite(link, "new\n", follow_link=True)
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "a.py")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    # The temporary file is made beside the target, so the replace stays on one filesystem.
    assert temp_files(tmp_path) == [] and temp_files(tmp_path / "real") == []


def test_read_only_file_is_refused(tmp_path):
    path = touch(tmp_path / "a.py", b"old\n", 0o444)
    with pytest.raises(FileError, match="^file is read-only; left unchanged$"):
        rewrite(path, "new\n")
    assert path.read_bytes() == b"old\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444
    assert temp_files(tmp_path) == []


def test_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "locked"
    path = touch(folder / "a.py", b"old\n")
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(FileError, match="^folder is read-only"):
            rewrite(path, "new\n")
        assert path.read_bytes() == b"old\n"
        assert temp_files(folder) == []
    finally:
        os.chmod(folder, 0o755)


def test_a_refused_replace_removes_the_temporary_file(tmp_path):
    path = touch(tmp_path / "a.py", b"old\n")
    source = read(str(path))
    path.write_bytes(b"edited\n")
    with pytest.raises(FileError, match="changed by something else since it was read; left unchanged"):
        write_atomically(source, b"new\n")
    assert path.read_bytes() == b"edited\n"
    assert temp_files(tmp_path) == []
