"""Answering a sampler's questions to `torch.distributed` without a process group, so
that any rank of any world size can be tried in one process: the check's scenarios use
it, and so does the test it prints for one of them."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


@contextmanager
def as_rank(world_size: int, rank: int) -> Iterator[None]:
    """While inside, `torch.distributed` says it is initialised, with ``world_size``
    processes of which this one is ``rank``. Only the module's attributes are replaced:
    a name imported before (`from torch.distributed import get_rank`) still asks torch,
    and a collective still needs a real group."""
    import torch.distributed as dist

    answers = {
        "is_available": lambda: True,
        "is_initialized": lambda: True,
        "get_world_size": lambda group=None: world_size,
        "get_rank": lambda group=None: rank,
    }
    saved = {name: getattr(dist, name) for name in answers}
    for name, answer in answers.items():
        setattr(dist, name, answer)
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(dist, name, original)
