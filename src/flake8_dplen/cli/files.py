"""Finding, reading and writing the files the codemod works on, losing nothing."""

from __future__ import annotations

import contextlib
import errno
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
        if path == "-":
            problems.append((path, "stdin is not supported; name files or folders"))
        elif not os.path.lexists(path):
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
                # `src/a.py` rather than `./src/a.py` for the default `.`: as ruff and git
                # name it, and a path `git apply` accepts in a patch.
                yield path[2:] if path.startswith("./") else path


@dataclass(frozen=True)
class Source:
    text: str  # decoded, without a BOM
    encoding: str  # as tokenize detects it: "utf-8-sig" keeps a BOM on the way back
    path: str  # as given
    target: str  # the file read: the target of a symlink named on the command line
    link: bool  # whether `path` was a symlink when read
    data: bytes  # the bytes read, to tell whether anyone changed the file since
    identity: Tuple[int, int, int, int]  # st_dev, st_ino, st_size, st_mtime_ns when read


_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
    stat.S_IFLNK: "a symlink",
}
# O_NONBLOCK: opening a FIFO that lost the race with the stat must not wait for a writer.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _identity(info: os.stat_result) -> Tuple[int, int, int, int]:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "it became a symlink"
    return exc.strerror or str(exc)


def _regular(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise FileError(f"not a regular file ({kind}); skipped")


def _read_regular(target: str) -> Tuple[bytes, os.stat_result]:
    # Looked at before it is opened: a FIFO or device is never opened at all.
    _regular(os.lstat(target))
    fd = os.open(target, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        _regular(info)
        return handle.read(), info


def read(path: str, follow_link: bool = False) -> Source:
    """The file at `path`, only if it is a regular file. A symlink is followed only with
    `follow_link` (named on the command line); anywhere else it was not one when found,
    and a file that has become a link since is refused."""
    link = os.path.islink(path)
    if link and not follow_link:
        raise FileError("cannot read: it became a symlink after it was found; left unchanged")
    target = os.path.realpath(path) if link else path
    try:
        data, info = _read_regular(target)
    except OSError as exc:
        raise FileError(f"cannot read: {_why(exc)}") from None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        raise FileError(f"cannot decode: {exc}") from None
    return Source(text, encoding, path, target, link, data, _identity(info))


def _unchanged_since_read(source: Source) -> None:
    """The last look before the rename: the same file, the same bytes, the same kind of
    path. Anything else means someone else wrote it, and their edit wins."""
    if os.path.islink(source.path) != source.link:
        now = "no longer a symlink" if source.link else "a symlink"
        raise FileError(f"it became {now} since it was read; left unchanged")
    if source.link and os.path.realpath(source.path) != source.target:
        raise FileError("the symlink was pointed elsewhere since it was read; left unchanged")
    try:
        data, info = _read_regular(source.target)
    except FileNotFoundError:
        raise FileError("it was deleted since it was read; left unchanged") from None
    except FileError:
        raise FileError(
            "it was replaced by something other than a file since it was read; left unchanged"
        ) from None
    except OSError as exc:
        raise FileError(f"cannot read it again before replacing it: {_why(exc)}; left unchanged") from None
    if data != source.data or _identity(info) != source.identity:
        raise FileError("it was changed by something else since it was read; left unchanged, run again")


def _copy_xattrs(original: str, temporary: str) -> None:
    try:
        names = os.listxattr(original, follow_symlinks=False)
    except (AttributeError, OSError):  # not Linux, or a filesystem without them
        return
    for name in names:
        value = os.getxattr(original, name, follow_symlinks=False)
        try:
            if os.getxattr(temporary, name) == value:
                continue
        except OSError:
            pass
        try:
            os.setxattr(temporary, name, value)
        except OSError as exc:
            raise FileError(
                f"cannot keep its extended attribute {name}: {_why(exc)}; left unchanged"
            ) from None


def _keep_metadata(info: os.stat_result, original: str, temporary: str) -> None:
    if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
        # Only root can give a file away; it must, or the file changes hands. Before the
        # chmod, because a chown clears the setuid and setgid bits.
        os.chown(temporary, info.st_uid, info.st_gid)
    _copy_xattrs(original, temporary)
    os.chmod(temporary, stat.S_IMODE(info.st_mode))


def encoded(source: Source, text: str) -> bytes:
    """`text` in the encoding `source` was read in (with its BOM, if it had one)."""
    try:
        return text.encode(source.encoding)
    except UnicodeEncodeError as exc:
        raise FileError(f"cannot encode the fix in {source.encoding}: {exc.reason}") from None


def write_atomically(source: Source, data: bytes) -> None:
    """Replace the file `source` was read from with `data` in one step, keeping its mode,
    owner and extended attributes, unless it changed since it was read; never a
    half-written file."""
    target = source.target
    folder = os.path.dirname(os.path.abspath(target))
    try:
        info = os.lstat(target)
        folder_mode = os.stat(folder).st_mode
    except FileNotFoundError:
        raise FileError("it was deleted since it was read; left unchanged") from None
    except OSError as exc:
        raise FileError(f"cannot look at it before replacing it: {_why(exc)}; left unchanged") from None
    # Root may write anyway; a read-only mode bit is still the owner's "do not touch".
    if not info.st_mode & stat.S_IWUSR:
        raise FileError("file is read-only; left unchanged")
    if not folder_mode & stat.S_IWUSR:
        raise FileError("folder is read-only, so the file cannot be replaced atomically; left unchanged")
    if info.st_nlink > 1:
        raise FileError(
            f"it has {info.st_nlink} hard links, and replacing it would split them; left unchanged"
        )
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".dplen-", suffix=".tmp")
    except OSError as exc:
        raise FileError(f"cannot create a temporary file in {folder}: {_why(exc)}; left unchanged") from None
    try:
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            _keep_metadata(info, target, temporary)
        except OSError as exc:
            raise FileError(f"cannot write the fixed copy beside it: {_why(exc)}; left unchanged") from None
        _unchanged_since_read(source)
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise FileError(f"cannot replace it: {_why(exc)}; left unchanged") from None
    except BaseException:
        # Also on a signal turned into an exception: no temporary file is left behind.
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
