"""Inputs shared by helper g1's harness modules (re-identification, metric learning, face
recognition, few-shot, self-supervised): identity-labelled image lists shaped like the
projects' own, and a small world of ranks for samplers that ask torch.distributed.

Not a harness module (its name starts with "_"): catalog.projects() skips it.
"""

from __future__ import annotations

import contextlib
import random
from typing import Any, Callable, Iterator, List, Sequence, Tuple

# Images per identity, as re-id training sets have them: many identities with a handful of
# images, some with fewer than K = 4 (even one), a few with many.
_COUNTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 14, 17, 23)


def image_counts(identities: int, seed: int = 0, least: int = 1) -> List[int]:
    rng = random.Random(seed)
    counts = [c for c in _COUNTS if c >= least]
    return [rng.choice(counts) for _ in range(identities)]


def reid_items(
    identities: int, seed: int = 0, cameras: int = 6, view: bool = False, least: int = 1, outliers: int = 0
) -> List[Tuple]:
    """(img_path, pid, camid[, viewid]) like Market-1501's `dataset.train`, pids relabelled
    0..identities-1, each identity's images spread over a few cameras; `least` images an
    identity at least; `outliers` images labelled -1 (un-clustered, in pseudo-labelled sets)."""
    rng = random.Random(seed + 1000)
    items = []
    for k in range(outliers):
        camid = rng.randrange(cameras)
        items.append((f"/data/market1501/bounding_box_train/outlier_c{camid + 1}_{k:06d}.jpg", -1, camid))
    for pid, count in enumerate(image_counts(identities, seed, least)):
        for k in range(count):
            camid = rng.randrange(cameras)
            path = f"/data/market1501/bounding_box_train/{pid:04d}_c{camid + 1}s1_{k:06d}_00.jpg"
            items.append((path, pid, camid, 0) if view else (path, pid, camid))
    rng.shuffle(items)
    return items


def class_labels(classes: int, seed: int = 0, low: int = 1, high: int = 30) -> List[int]:
    """One label per image, classes 0..classes-1 with between `low` and `high` images each,
    in dataset order (images of a class together, as ImageFolder lists them)."""
    rng = random.Random(seed + 2000)
    return [c for c in range(classes) for _ in range(rng.randint(low, high))]


@contextlib.contextmanager
def world(size: int, rank: int) -> Iterator[None]:
    """torch.distributed answering as rank `rank` of `size` processes, restored after.
    all_gather fills every slot with this rank's tensor: a world whose ranks are all in
    the same state (the samplers here gather a shared random seed)."""
    import torch.distributed as dist

    names = ("is_available", "is_initialized", "get_world_size", "get_rank", "get_backend", "all_gather", "barrier")
    saved = {name: getattr(dist, name) for name in names}

    def all_gather(tensor_list, tensor, group=None, async_op=False):
        for slot in tensor_list:
            slot.copy_(tensor)

    dist.is_available = lambda: True
    dist.is_initialized = lambda: True
    dist.get_world_size = lambda group=None: size
    dist.get_rank = lambda group=None: rank
    dist.get_backend = lambda group=None: "gloo"
    dist.all_gather = all_gather
    dist.barrier = lambda *a, **k: None
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(dist, name, value)


class Ranked:
    """A sampler built, measured and iterated as one rank of a small world (`world`):
    len() and iteration are the sampler's own, only torch.distributed answers differently."""

    def __init__(self, build: Callable[[], Any], size: int, rank: int) -> None:
        self.size, self.rank = size, rank
        with world(size, rank):
            self.sampler = build()

    def __len__(self) -> int:
        with world(self.size, self.rank):
            return len(self.sampler)

    def __iter__(self):
        with world(self.size, self.rank):
            yield from self.sampler

    def set_epoch(self, epoch: int) -> None:
        with world(self.size, self.rank):
            self.sampler.set_epoch(epoch)


def ranks(sizes: Sequence[int] = (1, 2, 3, 4)) -> Iterator[Tuple[int, int]]:
    for size in sizes:
        for rank in range(size):
            yield size, rank


class Options:
    """An argparse-like namespace of a project's options."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)
