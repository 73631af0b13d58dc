"""Mryangkaitong/big_dataloader: a multi-process data loader for large dialogue corpora
(in the style of Baidu's PLATO/Knover), without torch's DataLoader. data/sampler.py:
SequentialSampler, RandomSampler (numpy permutation seeded by an epoch counter it advances)
and SortedSampler (sorts each pool of `sort_pool_size` indices of an inner sampler by the
length of the example's "src"), over data/dataset.py's Dataset of preprocessed examples.
The abstract Sampler base is left out."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Mryangkaitong/big_dataloader",
    source="github",
    ref="a94a3e5e93654ef1e933a619c5ed47657da882ae",
    domain="general training utilities: dialogue corpus loader (sorted pools)",
    root="data",  # data_loader.py imports its siblings flat: `from sampler import ...`
)


def _examples(n, seed=0):
    """data/dataset.py's Dataset over preprocessed examples: token ids of src and tgt."""
    from dataset import Dataset

    rng = random.Random(seed)
    return Dataset([{"src": [1] * rng.randint(3, 120), "tgt": [2] * rng.randint(2, 60)} for _ in range(n)])


SIZES = (0, 1, 17, 256)


@sampler(PROJECT, "data/sampler.py", "SequentialSampler")
def _(cls, module):
    for n in SIZES:
        yield Case(f"Dataset n={n}", lambda n=n: cls(_examples(n)))


@sampler(PROJECT, "data/sampler.py", "RandomSampler")
def _(cls, module):
    for n in SIZES:
        yield Case(f"Dataset n={n}", lambda n=n: cls(_examples(n)), repeat=3)


@sampler(PROJECT, "data/sampler.py", "SortedSampler")
def _(cls, module):
    for n in SIZES:
        for pool in (1, 8, 100, 1000):
            for inner in ("RandomSampler", "SequentialSampler"):
                yield Case(
                    f"{inner}(Dataset n={n}) sort_pool_size={pool}",
                    lambda n=n, p=pool, inner=inner: cls(getattr(module, inner)(_examples(n)), p),
                    repeat=2,
                )
