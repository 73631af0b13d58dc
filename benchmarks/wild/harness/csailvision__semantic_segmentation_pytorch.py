"""CSAILVision/semantic-segmentation-pytorch: semantic segmentation on ADE20K (the mit_semseg
package). mit_semseg/lib/utils/data vendors the data-loading utilities of torch 0.4 beside
its own DataLoader: the samplers of sampler.py and a DistributedSampler (rank-contiguous
shards, set_epoch reshuffling), given to that loader as `sampler=` / `batch_sampler=` the
way torch's own are."""

import random

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="CSAILVision/semantic-segmentation-pytorch",
    source="github",
    ref="8f27c9b97d2ca7c6e05333d5766d144bf7d8c31b",
    domain="segmentation",
    empty_init=("mit_semseg.lib.utils", "mit_semseg.lib.utils.data"),  # the vendored DataLoader
)

S = "mit_semseg/lib/utils/data/sampler.py"
_SIZES = (1, 7, 100, 2000)  # ADE20K-like odgt lists: a handful of images up to a slice


class _Odgt:
    """An ADE20K odgt list as the samplers see it: len()."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


not_run(PROJECT, S, "Sampler", "abstract: its __iter__ and __len__ raise NotImplementedError")


@sampler(PROJECT, S, "SequentialSampler")
def _(cls, module):
    for size in _SIZES:
        yield Case(f"{size} images", lambda n=size: cls(_Odgt(n)))


@sampler(PROJECT, S, "RandomSampler")
def _(cls, module):
    for size in _SIZES:
        yield Case(f"{size} images", lambda n=size: cls(_Odgt(n)))


@sampler(PROJECT, S, "SubsetRandomSampler")
def _(cls, module):
    for size in _SIZES:
        picked = sorted(random.Random(size).sample(range(3 * size), size))
        yield Case(f"{size} of {3 * size} images", lambda p=picked: cls(p))


@sampler(PROJECT, S, "WeightedRandomSampler")
def _(cls, module):
    for size in _SIZES:
        weights = [random.Random(size).random() + 0.1 for _ in range(size)]
        for draws, replacement in ((size, True), (3 * size, True), (max(1, size // 2), False)):
            yield Case(
                f"{size} weights, num_samples={draws} replacement={replacement}",
                lambda w=weights, n=draws, r=replacement: cls(w, n, replacement=r),
            )


@sampler(PROJECT, S, "BatchSampler")
def _(cls, module):
    for size in _SIZES:
        for batch in (1, 2, 8):
            for drop_last in (False, True):
                yield Case(
                    f"RandomSampler of {size} images, batch_size={batch} drop_last={drop_last}",
                    lambda n=size, b=batch, d=drop_last: cls(module.RandomSampler(_Odgt(n)), b, d),
                )


@sampler(PROJECT, "mit_semseg/lib/utils/data/distributed.py", "DistributedSampler")
def _(cls, module):
    for size in _SIZES:
        for world in (1, 2, 3, 8):
            if world > size:
                continue  # it pads once by a copy of the head: its own assert refuses this
            for rank in range(world):
                for epoch in (0, 1):

                    def build(n=size, w=world, r=rank, e=epoch):
                        made = cls(_Odgt(n), num_replicas=w, rank=r)
                        made.set_epoch(e)
                        return made

                    yield Case(f"{size} images, world={world} rank={rank} epoch={epoch}", build)
