"""The codemod skips parsing a non-sampler file only when this Python's own bytecode cache
proves the file parses; anything else is parsed, and a file that does not parse is
reported whatever it holds."""

import os
import py_compile
import subprocess
import sys
from pathlib import Path

from flake8_dplen.cli.bytecode import compiled_already

BIN = Path(sys.executable).parent


def test_a_fresh_cache_entry_proves_the_file_parses(tmp_path):
    path = tmp_path / "plain.py"
    path.write_text("x = 1\n")
    assert not compiled_already(str(path), path.read_bytes())
    py_compile.compile(str(path), doraise=True)
    assert compiled_already(str(path), path.read_bytes())
    # Another size: the entry no longer speaks for the file.
    path.write_text("x = 12\n")
    assert not compiled_already(str(path), path.read_bytes())


def test_a_hash_based_entry_is_checked_against_the_bytes(tmp_path):
    path = tmp_path / "hashed.py"
    path.write_text("y = 2\n")
    py_compile.compile(str(path), doraise=True, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    assert compiled_already(str(path), path.read_bytes())
    assert not compiled_already(str(path), b"y = 3\n")


def test_a_stale_cache_does_not_hide_a_syntax_error(tmp_path):
    path = tmp_path / "broken.py"
    path.write_text("def ok():\n    return 1\n")
    py_compile.compile(str(path), doraise=True)
    stat = os.stat(path)
    path.write_text("def ok(:\n    return 2\n")  # same size, new content
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    done = subprocess.run([BIN / "dplen-fix", "--isolated", "--check", path], capture_output=True, text=True)
    assert done.returncode == 2 and "cannot parse" in done.stderr, done.stderr
