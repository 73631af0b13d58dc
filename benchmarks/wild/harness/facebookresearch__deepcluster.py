"""facebookresearch/deepcluster: self-supervised image representation learning by
clustering. main.py gives UnifLabelSampler(int(reassign * len(train_dataset)),
deepcluster.images_lists) as `sampler=` every epoch: the same number of images of every
non-empty k-means cluster (images_lists: a list of k lists of image indices, some empty),
shuffled and cut or wrapped to N."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/deepcluster",
    source="github",
    ref="2d1927e8e3dd272329e879e510fbbdf1b1d02d17",
    domain="self-supervised learning",
    stubs={"models": ""},  # util.py imports the networks for load_model only
)


def _clusters(n, k, seed):
    """k-means assignments of n images to k clusters, unbalanced, some clusters empty."""
    rng = random.Random(seed)
    lists = [[] for _ in range(k)]
    for image in range(n):
        lists[min(int(rng.expovariate(1.0) * k / 3), k - 1)].append(image)
    return lists


@sampler(PROJECT, "util.py", "UnifLabelSampler")
def _(cls, module):
    for n, k in ((1000, 10), (1000, 100), (5000, 3000), (37, 5)):
        lists = _clusters(n, k, n + k)
        for reassign in (1.0, 0.5, 3.0):
            yield Case(
                f"{n} images in {k} clusters ({sum(1 for c in lists if c)} non-empty), reassign={reassign}",
                lambda n=n, lists=lists, r=reassign: cls(int(r * n), lists),
            )
