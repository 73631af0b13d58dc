"""Finding, reading and writing the files the codemod works on, losing nothing."""

from __future__ import annotations

import fnmatch
import io
import os
import stat
import tempfile
import tokenize
from dataclasses import dataclass
from typing import Iterator, List, Sequence, Tuple

# Never sources: version control, caches, tool state.
SKIPPED_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".tox",
    ".nox",
    "__pycache__",
    ".eggs",
    "node_modules",
    ".mypy_cache",
    ".pytest_cache",
}
# Usually build output or environments, but a package may name a subpackage so
# (mmengine.dist): skipped only when they are not packages.
OUTPUT_DIRS = {".venv", "venv", "env", "build", "dist"}


class FileError(Exception):
    """A file that cannot be read, decoded or written; the message names the cause."""


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    # As flake8 matches while it walks: a pattern names a file or folder (its base name),
    # or a path (absolute once read from a config file). Folders above a named path are
    # never matched: a checkout under /builds must not fall to --exclude 'build*'.
    name = os.path.basename(os.path.normpath(path))
    absolute = os.path.abspath(path)
    return any(
        fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) or fnmatch.fnmatch(absolute, p) for p in patterns
    )


def _is_venv(folder: str) -> bool:
    return os.path.isfile(os.path.join(folder, "pyvenv.cfg"))


def discover(paths: Sequence[str], exclude: Sequence[str]) -> Tuple[List[str], List[Tuple[str, str]]]:
    """(Python files, [(path, problem)]). Named files are taken as they are (a symlink is
    followed to its target); inside folders, symlinks are not followed, because they can
    point out of the tree or loop."""
    files: List[str] = []
    problems: List[Tuple[str, str]] = []
    seen = set()

    def add(path: str, real: str) -> None:
        if real not in seen:
            seen.add(real)
            files.append(path)

    for path in paths:
        if not os.path.lexists(path):
            problems.append((path, "no such file or directory"))
        elif os.path.isdir(path):
            if _excluded(path, exclude):
                continue
            before = len(files)
            # Walks follow no symlink, so the absolute path names a file once.
            for found in _walk(path, exclude):
                add(found, os.path.abspath(found))
            if len(files) == before:
                problems.append((path, "no Python files here"))
        elif os.path.islink(path) and not os.path.exists(path):
            problems.append((path, "broken symlink"))
        elif not _excluded(path, exclude):
            add(path, os.path.realpath(path))
    return files, problems


def _walk(root: str, exclude: Sequence[str]) -> Iterator[str]:
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIPPED_DIRS
            and not (d in OUTPUT_DIRS and not os.path.isfile(os.path.join(folder, d, "__init__.py")))
            and not d.endswith(".egg-info")
            and not os.path.islink(os.path.join(folder, d))
            and not _is_venv(os.path.join(folder, d))
            and not _excluded(os.path.join(folder, d), exclude)
        )
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.endswith(".py") and not os.path.islink(path) and not _excluded(path, exclude):
                yield path


@dataclass(frozen=True)
class Source:
    text: str  # decoded, without a BOM
    encoding: str  # as tokenize detects it: "utf-8-sig" keeps a BOM on the way back


def read(path: str) -> Source:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise FileError(f"cannot read: {exc.strerror or exc}") from None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return Source(data.decode(encoding), encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        raise FileError(f"cannot decode: {exc}") from None


def write_atomically(path: str, text: str, encoding: str) -> None:
    """Replace `path` with `text` in one step, keeping its mode; never a half-written file."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise FileError(f"cannot encode the fix in {encoding}: {exc.reason}") from None
    info = os.stat(target)
    # Root may write anyway; a read-only mode bit is still the owner's "do not touch".
    if not info.st_mode & stat.S_IWUSR:
        raise FileError("file is read-only; left unchanged")
    if not os.stat(folder).st_mode & stat.S_IWUSR:
        raise FileError("folder is read-only, so the file cannot be replaced atomically; left unchanged")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".dplen-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            # Only root can give a file away; it must, or the file changes hands.
            os.chown(temporary, info.st_uid, info.st_gid)
        os.replace(temporary, target)
    except OSError as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise FileError(f"cannot write: {exc.strerror or exc}; left unchanged") from None
