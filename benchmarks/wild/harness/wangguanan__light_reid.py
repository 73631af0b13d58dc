"""wangguanan/light-reid: person re-identification. lightreid/data/datamanager.py gives
PKSampler(train_dataset, k=k) as `sampler=` (batch p*k, drop_last): every __iter__ draws
k images of identities in a shuffled order until the epoch holds at least as many indices
as the dataset, and keeps the list it drew for __len__. The dataset's `samples` are
(image path, pid, camid)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="wangguanan/light-reid",
    source="github",
    ref="97c6b2d19da9f5215be2fbb248a6ef224e90aac7",
    domain="re-identification",
    empty_init=("lightreid", "lightreid.data"),  # the models, the engine and torchvision
)


class _ReIDSet:
    """A Market-1501-like training set: `ids` identities of 1-12 images over 6 cameras."""

    def __init__(self, ids, seed):
        rng = random.Random(seed)
        self.samples = [
            (f"{pid:04d}_c{rng.randrange(1, 7)}_{j}.jpg", pid, rng.randrange(6))
            for pid in range(ids)
            for j in range(rng.randint(1, 12))
        ]
        rng.shuffle(self.samples)

    def __len__(self):
        return len(self.samples)


@sampler(PROJECT, "lightreid/data/samplers/pk_sampler.py", "PKSampler")
def _(cls, module):
    for ids in (1, 8, 75, 300):
        for k in (1, 2, 4, 8):
            yield Case(
                f"{ids} identities, k={k}, three epochs",
                lambda ids=ids, k=k: cls(_ReIDSet(ids, ids), k),
                repeat=3,
            )
