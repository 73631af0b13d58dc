"""mit-han-lab/once-for-all: neural architecture search for image classification (OFA).
ofa/utils/my_dataloader/my_distributed_sampler.py: MyDistributedSampler(dataset,
num_replicas, rank, True, np.array(indices)), which the ImageNet data provider builds for
its train/valid split and for the sub-train set of BN recalibration (a subset of the
dataset, shuffled by epoch, padded to the world), and WeightedDistributedSampler (weighted
draws, or DistributedSampler's when no weights). my_data_loader.py's
_InfiniteConstantSampler has no __len__."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="mit-han-lab/once-for-all",
    source="github",
    ref="f03b2673db313b9167e2a1c2b7a5cad540cc1313",
    domain="image classification (architecture search)",
    empty_init=("ofa", "ofa.utils", "ofa.utils.my_dataloader"),  # the networks and torchvision
)

FILE = "ofa/utils/my_dataloader/my_distributed_sampler.py"


def _worlds():
    for world in (1, 2, 4, 8):
        for rank in range(world):
            yield world, rank


def _at_epoch(made, epoch):
    made.set_epoch(epoch)
    return made


@sampler(PROJECT, FILE, "MyDistributedSampler")
def _(cls, module):
    # (dataset size, subset size): the 10000-image valid split, 2000 images for BN statistics
    for n, subset in ((12000, 10000), (12000, 2000), (100, 37), (50, 8)):
        indexes = np.random.RandomState(n + subset).permutation(n)[:subset]
        for world, rank in _worlds():
            yield Case(
                f"dataset of {n}, subset of {subset}, world={world} rank={rank} epoch=3",
                lambda n=n, i=indexes, w=world, r=rank: _at_epoch(cls(range(n), w, r, True, i), 3),
            )


@sampler(PROJECT, FILE, "WeightedDistributedSampler")
def _(cls, module):
    # (shuffle, weights given, replacement)
    settings = ((True, True, True), (True, True, False), (False, True, True), (True, False, True))
    for n in (8, 100, 1000):
        weights = [1.0 + (i % 7) for i in range(n)]
        for world, rank in _worlds():
            for shuffle, given, replacement in settings:
                yield Case(
                    f"n={n} world={world} rank={rank} shuffle={shuffle} weights={given} "
                    f"replacement={replacement}",
                    lambda n=n, ws=weights if given else None, w=world, r=rank, s=shuffle, p=replacement: (
                        _at_epoch(cls(range(n), w, r, s, weights=ws, replacement=p), 1)
                    ),
                )
