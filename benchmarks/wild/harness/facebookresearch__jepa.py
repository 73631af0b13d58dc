"""facebookresearch/jepa: V-JEPA, self-supervised video representation learning.
src/datasets/video_dataset.py gives, when the config weights its video datasets,
DistributedWeightedSampler(dataset.sample_weights, num_replicas=world_size, rank=rank,
shuffle=True) as `sampler=` (sample_weights: each dataset's weight over its videos); it is a
DistributedSamplerWrapper around CustomWeightedRandomSampler(weights, num_samples=len(weights),
replacement=False), numpy's draw in place of torch.multinomial. The training loop calls
set_epoch every epoch."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/jepa",
    source="github",
    ref="51c59d518fc63c08464af6de585f78ac0c7ed4d5",
    domain="video (self-supervised learning)",
)

PATH = "src/datasets/utils/weighted_sampler.py"


def _sample_weights(sizes, weights):
    """VideoDataset.sample_weights: each dataset's weight spread over its videos."""
    return [w / n for n, w in zip(sizes, weights) for _ in range(n)]


_MIXES = (
    ((40,), (1.0,)),
    ((300, 120), (0.6, 0.4)),  # e.g. K710 and SSv2 slices
    ((500, 90, 211), (0.335, 0.1, 0.565)),
)


@sampler(PROJECT, PATH, "CustomWeightedRandomSampler")
def _(cls, module):
    for sizes, weights in _MIXES:
        w = _sample_weights(sizes, weights)
        for draws, replacement in ((len(w), False), (len(w) // 2, False), (3 * len(w), True)):
            yield Case(
                f"videos {sizes}, datasets_weights {weights}, num_samples={draws} replacement={replacement}",
                lambda w=w, n=draws, r=replacement: cls(weights=w, num_samples=n, replacement=r),
            )


def _worlds(sizes):
    for world in (1, 2, 4):
        if sum(sizes) >= 2 * world:  # every rank gets two videos at least
            for rank in range(world):
                for epoch in (0, 1):
                    yield world, rank, epoch


@sampler(PROJECT, PATH, "DistributedSamplerWrapper")
def _(cls, module):
    for sizes, weights in _MIXES:
        w = _sample_weights(sizes, weights)
        for world, rank, epoch in _worlds(sizes):
            for shuffle in (True, False):

                def build(w=w, k=world, r=rank, s=shuffle, e=epoch):
                    inner = module.CustomWeightedRandomSampler(
                        weights=w, num_samples=len(w), replacement=False
                    )
                    made = cls(inner, num_replicas=k, rank=r, shuffle=s)
                    made.set_epoch(e)
                    return made

                yield Case(
                    f"CustomWeightedRandomSampler over videos {sizes}, world={world} rank={rank}"
                    f" shuffle={shuffle} epoch={epoch}",
                    build,
                )
        total = sum(sizes)
        for world, rank, epoch in _worlds(sizes):

            def build(n=total, k=world, r=rank, e=epoch):
                made = cls(torch.utils.data.RandomSampler(range(n)), num_replicas=k, rank=r)
                made.set_epoch(e)
                return made

            yield Case(
                f"RandomSampler over {sum(sizes)} videos, world={world} rank={rank} epoch={epoch}", build
            )


@sampler(PROJECT, PATH, "DistributedWeightedSampler")
def _(cls, module):
    for sizes, weights in _MIXES:
        w = _sample_weights(sizes, weights)
        for world, rank, epoch in _worlds(sizes):

            def build(w=w, k=world, r=rank, e=epoch):
                made = cls(w, num_replicas=k, rank=r, shuffle=True)
                made.set_epoch(e)
                return made

            yield Case(
                f"videos {sizes}, datasets_weights {weights}, world={world} rank={rank} epoch={epoch}", build
            )
