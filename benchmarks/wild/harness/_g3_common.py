"""Helpers shared by helper g3's harness modules (speech, translation, NLP, LLM, multimodal)."""

from __future__ import annotations

import contextlib
from typing import Iterator


def old_sampler_init() -> None:
    """torch 2.13's Sampler defines no __init__, so `super().__init__(data_source)` in a
    sampler written for an older torch raises TypeError before anything can be checked.
    Sampler gets back the `__init__(self, data_source=None)` that ignored its argument
    (what realcode.runtime.prepare does for the earlier corpora); nothing else changes."""
    import torch.utils.data

    if "__init__" not in torch.utils.data.Sampler.__dict__:
        torch.utils.data.Sampler.__init__ = lambda self, data_source=None: None


@contextlib.contextmanager
def world(size: int, rank: int) -> Iterator[None]:
    """torch.distributed answering as one rank of a `size`-process group, for samplers
    that ask it in __init__ (use it inside a case's build; restored after)."""
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
        for name, function in saved.items():
            setattr(dist, name, function)


def built_in(size: int, rank: int, make):
    """`make()` called as one rank of a `size`-process world."""
    with world(size, rank):
        return make()


def with_epoch(sampler, epoch: int, **kwargs):
    """The sampler after `set_epoch(epoch, ...)`, as a training loop leaves it."""
    sampler.set_epoch(epoch, **kwargs)
    return sampler
