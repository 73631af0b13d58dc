"""CoinCheung/SphereReID: person re-identification (sphere loss). train.py gives
BalancedSampler(Market1501(train folder), 16, 4) as `batch_sampler=`: P identities a
batch, K images each (drawn with replacement when an identity has fewer than K); the
dataset's `person_infos` is {pid: int32 array of image indices}, 1-70 images a pid in
Market-1501's bounding_box_train."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="CoinCheung/SphereReID",
    source="github",
    ref="e02c7b93bf8098ab0d73f3e6ec22723689344ac4",
    domain="re-identification",
)


class _Market1501:
    """What the sampler reads of market1501.Market1501: person_infos and the image count."""

    def __init__(self, ids, seed):
        rng = random.Random(seed)
        self.person_infos, index = {}, 0
        for pid in rng.sample(range(1, 1502), ids):
            count = rng.randint(1, 30)
            self.person_infos[pid] = np.arange(index, index + count, dtype=np.int32)
            index += count
        self.size = index

    def __len__(self):
        return self.size


@sampler(PROJECT, "balanced_sampler.py", "BalancedSampler")
def _(cls, module):
    for ids in (16, 50, 751):
        data = _Market1501(ids, ids)
        for p, k in ((16, 4), (2, 4), (8, 8), (32, 4)):
            if p <= ids:
                yield Case(
                    f"{ids} identities ({len(data)} images), P {p} K {k}, two epochs",
                    lambda d=data, p=p, k=k: cls(d, p, k),
                    repeat=2,
                )
