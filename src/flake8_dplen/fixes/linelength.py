"""The line length a fixed file must keep: the user's own, as their formatter or linter
reads it from the file's folder upwards, else black's and ruff's default."""

from __future__ import annotations

import configparser
import os
import sys
from functools import lru_cache
from typing import Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # tomllib is new in 3.11
    import tomli as tomllib

DEFAULT = 88


def _toml(path: str) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _flake8(path: str) -> Optional[int]:
    cfg = configparser.RawConfigParser()
    try:
        cfg.read(path, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    for key in ("max-line-length", "max_line_length"):
        if cfg.has_option("flake8", key):
            return _int(cfg.get("flake8", key))
    return None


def _int(value) -> Optional[int]:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _in_folder(folder: str) -> Optional[int]:
    """The first of ruff's, black's and flake8's settings that this folder's files set."""
    tool = _toml(os.path.join(folder, "pyproject.toml")).get("tool", {})
    values = (
        tool.get("ruff", {}).get("line-length"),
        _toml(os.path.join(folder, "ruff.toml")).get("line-length"),
        _toml(os.path.join(folder, ".ruff.toml")).get("line-length"),
        tool.get("black", {}).get("line-length"),
        *(_flake8(os.path.join(folder, name)) for name in ("setup.cfg", "tox.ini", ".flake8")),
    )
    return next((v for v in map(_int, values) if v is not None), None)


@lru_cache(maxsize=256)
def _from(folder: str) -> int:
    value = _in_folder(folder)
    parent = os.path.dirname(folder)
    if value is not None:
        return value
    return DEFAULT if parent == folder else _from(parent)


def line_length_for(path: Optional[str]) -> int:
    """The limit for the file at `path` (the default when there is none)."""
    if not path:
        return DEFAULT
    return _from(os.path.dirname(os.path.abspath(path)))
