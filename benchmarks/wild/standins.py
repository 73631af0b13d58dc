"""Stand-ins that several harness modules share (one copy here, imported by each)."""

from __future__ import annotations

import contextlib
from typing import Iterator


@contextlib.contextmanager
def world(size: int, rank: int) -> Iterator[None]:
    """torch.distributed answering as rank `rank` of a `size`-process group, for samplers
    that ask it (is_available, is_initialized, get_world_size, get_rank); restored after.
    Use it inside a case's build."""
    import torch.distributed as dist

    names = ("is_available", "is_initialized", "get_world_size", "get_rank")
    saved = {name: getattr(dist, name) for name in names}
    dist.is_available = lambda: True
    dist.is_initialized = lambda: True
    dist.get_world_size = lambda group=None: size
    dist.get_rank = lambda group=None: rank
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(dist, name, value)
