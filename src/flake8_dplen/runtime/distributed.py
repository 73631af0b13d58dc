"""Answering a sampler's questions to `torch.distributed` without a process group, so
that any rank of any world size can be tried in one process: the check's scenarios use
it, and so does the test it prints for one of them. A sampler that asks by names it
imported (`from torch.distributed import get_rank`) gets a real group of one instead."""

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


def group_exists() -> bool:
    """Whether this process has a default process group, whatever :func:`as_rank` says."""
    try:  # the module itself: as_rank answers for the package's names only
        from torch.distributed import distributed_c10d
    except ImportError:  # a torch built without distributed
        return False
    return distributed_c10d.is_initialized()


def one_process_group() -> bool:
    """Makes a default process group of one process, in memory, unless there is one;
    says whether it made it."""
    import torch.distributed as dist

    if group_exists():
        return False
    # An in-memory store: a file:// rendezvous left a folder per run in the temp folder.
    dist.distributed_c10d.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)
    return True


@contextmanager
def process_group() -> Iterator[None]:
    """A process group of one while inside, as `dplen check` made for a sampler that
    needed one to be built; the one it made is destroyed on the way out."""
    made = one_process_group()
    try:
        yield
    finally:
        if made:
            from torch.distributed import distributed_c10d

            distributed_c10d.destroy_process_group()
