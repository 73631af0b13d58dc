"""A package's wheel, fetched with pip and unpacked (its Python files only) into the cache."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tokenize
import zipfile
from pathlib import Path
from typing import List

from environment import REPO


class FetchError(Exception):
    pass


def fetch(label: str, requirement: str, cache: Path, offline: bool) -> Path:
    """The unpacked tree of `requirement`'s wheel, downloading it unless it is cached."""
    tree = cache / "src" / label
    marker = tree / ".unpacked"
    if marker.is_file():
        return tree
    wheels = cache / "wheels" / label
    found = sorted(wheels.glob("*.whl")) if wheels.is_dir() else []
    if not found:
        if offline:
            raise FetchError(f"{label}: not in the cache {cache} and --offline was given")
        wheels.mkdir(parents=True, exist_ok=True)
        # A separate folder per label: pip prints nothing reliable about which file it
        # kept when the wheel was already there, and two opacus versions share a name.
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-build-isolation",
            "--only-binary=:all:",
            "--quiet",
            "-d",
            str(wheels),
            requirement,
        ]
        if requirement.startswith("torch=="):
            command[4:4] = ["-c", str(REPO / "constraints.txt")]
        done = subprocess.run(command, capture_output=True, text=True)
        found = sorted(wheels.glob("*.whl"))
        if done.returncode != 0 or len(found) != 1:
            raise FetchError(f"{label}: pip download failed: {done.stderr.strip()[-500:]}")
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    with zipfile.ZipFile(found[0]) as wheel:
        for name in wheel.namelist():
            # Only Python sources matter here; torch's wheel is mostly shared objects.
            if name.endswith(".py") and ".dist-info/" not in name and not name.startswith("/"):
                if ".." in Path(name).parts:
                    continue
                wheel.extract(name, tree)
    (tree / ".wheel").write_text(found[0].name + "\n")
    marker.write_text("")
    return tree


def read_text(path: Path) -> str:
    data = path.read_bytes()
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding)


def python_files(tree: Path) -> List[Path]:
    return sorted(p for p in tree.rglob("*.py") if p.is_file())
