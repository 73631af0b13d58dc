"""Whether this Python has already compiled a file: a fresh `__pycache__` entry of this
interpreter's own tag proves the source parses, as importlib itself trusts it. Parsing
every file to report the ones that do not costs seconds on a large tree (torch's 2,285
files: 4.9 s of CPU); reading one small header instead is ~100 times cheaper, and pip
compiles every installed package."""

from __future__ import annotations

import importlib.util
import os

# PEP 552 header: magic, flags, then (mtime, size) or the source hash.
_HEADER = 16


def compiled_already(path: str, data: bytes) -> bool:
    """`data`, the bytes of `path`, have a valid bytecode cache for this Python."""
    try:
        cached = importlib.util.cache_from_source(path)
        with open(cached, "rb") as handle:
            header = handle.read(_HEADER)
        info = os.stat(path)
    except (OSError, NotImplementedError, ValueError):
        return False
    if len(header) < _HEADER or header[:4] != importlib.util.MAGIC_NUMBER:
        return False
    flags = int.from_bytes(header[4:8], "little")
    if flags & 0b1:  # hash-based
        return header[8:16] == importlib.util.source_hash(data)
    mtime, size = int.from_bytes(header[8:12], "little"), int.from_bytes(header[12:16], "little")
    return mtime == int(info.st_mtime) & 0xFFFFFFFF and size == len(data) & 0xFFFFFFFF
