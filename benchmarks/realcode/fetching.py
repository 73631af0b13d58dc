"""A package's wheel (or, for the few released only as source, its sdist), fetched with
pip and unpacked (its Python files only) into the cache."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tarfile
import tokenize
import zipfile
from pathlib import Path, PurePosixPath
from typing import Iterator, List, Optional, Tuple

from environment import REPO

from .packages import SDIST_ONLY

_ARCHIVES = ("*.whl", "*.tar.gz")


class FetchError(Exception):
    pass


def fetch(label: str, requirement: str, cache: Path, offline: bool) -> Path:
    """The unpacked tree of `requirement`'s wheel or sdist, downloading it unless it is cached."""
    tree = cache / "src" / label
    marker = tree / ".unpacked"
    if marker.is_file():
        return tree
    folder = cache / "wheels" / label
    found = _archives(folder)
    if not found:
        if offline:
            raise FetchError(f"{label}: not in the cache {cache} and --offline was given")
        folder.mkdir(parents=True, exist_ok=True)
        # A separate folder per label: pip prints nothing reliable about which file it
        # kept when the wheel was already there, and two opacus versions share a name.
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-build-isolation", "--quiet"]
        # An sdist is only unpacked, never built; pip still asks its backend for the
        # metadata, which is why the build runs without isolation, against this venv.
        command.append("--no-binary=:all:" if label in SDIST_ONLY else "--only-binary=:all:")
        command += ["-d", str(folder), requirement]
        if requirement.startswith("torch=="):
            command[4:4] = ["-c", str(REPO / "constraints.txt")]
        done = subprocess.run(command, capture_output=True, text=True)
        found = _archives(folder)
        if done.returncode != 0 or len(found) != 1:
            raise FetchError(f"{label}: pip download failed: {done.stderr.strip()[-500:]}")
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    for name, data in _python_members(found[0]):
        target = tree.joinpath(*PurePosixPath(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (tree / ".wheel").write_text(found[0].name + "\n")
    marker.write_text("")
    return tree


def _archives(folder: Path) -> List[Path]:
    return sorted(p for pattern in _ARCHIVES for p in folder.glob(pattern)) if folder.is_dir() else []


def _python_members(archive: Path) -> Iterator[Tuple[str, bytes]]:
    """(path inside the installed package tree, content) of each Python source."""
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel:
            for name in wheel.namelist():
                # Only Python sources matter here; torch's wheel is mostly shared objects.
                if name.endswith(".py") and ".dist-info/" not in name:
                    rel = _safe(name)
                    if rel:
                        yield rel, wheel.read(name)
        return
    with tarfile.open(archive) as sdist:
        for member in sdist.getmembers():
            if member.isfile() and member.name.endswith(".py"):
                rel = _sdist_path(member.name)
                if rel:
                    yield rel, sdist.extractfile(member).read()


def _sdist_path(name: str) -> Optional[str]:
    # `name-1.0/pkg/mod.py` or `name-1.0/src/pkg/mod.py` is `pkg/mod.py` once installed.
    parts = PurePosixPath(name).parts[1:]
    if parts[:1] == ("src",):
        parts = parts[1:]
    return _safe("/".join(parts)) if parts else None


def _safe(name: str) -> Optional[str]:
    path = PurePosixPath(name)
    return None if path.is_absolute() or ".." in path.parts else name


def read_text(path: Path) -> str:
    data = path.read_bytes()
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding)


def python_files(tree: Path) -> List[Path]:
    return sorted(p for p in tree.rglob("*.py") if p.is_file())
