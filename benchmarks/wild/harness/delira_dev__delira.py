"""delira-dev/delira: a backend-agnostic deep-learning training framework (PyTorch, TF,
chainer, sklearn backends). delira/data_loading/sampler/: samplers of indices built by
`from_dataset` (DataManager: the sampler class's from_dataset over the loader's dataset)
and the BatchSampler the Augmenter wraps them in (batchsize, drop_last): SequentialSampler,
RandomSampler (with or without replacement, num_samples), its two fixed-replacement
subclasses, WeightedRandomSampler (weights summing to 1) and PrevalenceRandomSampler (class
prevalence weights). The abstract AbstractSampler is left out."""

import numpy as np

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="delira-dev/delira",
    source="github",
    ref="cd3ad277d6fad5f837d6c5147e6eee2ada648596",
    domain="general training library (index samplers and batching)",
    stubs={
        # dataset.py does `from collections import Iterable`, gone in Python 3.10; the samplers
        # take only the name AbstractDataset from it (an annotation)
        "delira.data_loading.dataset": "class AbstractDataset:\n    pass\n",
    },
    # delira's __init__ sets up backends, data_loading's imports loaders, augmenters (batchgenerators)
    empty_init=("delira", "delira.data_loading"),
)

S = "delira/data_loading/sampler/"


class _Dataset:
    """A delira dataset: samples as dicts with data and label."""

    def __init__(self, n, classes=3, seed=0):
        rng = np.random.RandomState(seed)
        self.samples = [{"data": np.zeros((1, 8, 8)), "label": int(rng.randint(classes))} for _ in range(n)]

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, i):
        return self.samples[i]

    def __iter__(self):
        return iter(self.samples)


SIZES = (1, 10, 97)


def _from_dataset(cls, sizes=SIZES, **kwargs):
    for n in sizes:
        yield Case(f"from_dataset(n={n}) {kwargs}", lambda n=n: cls.from_dataset(_Dataset(n), **kwargs), repeat=2)


@sampler(PROJECT, S + "sequential.py", "SequentialSampler")
def _(cls, module):
    yield from _from_dataset(cls)


@sampler(PROJECT, S + "random.py", "RandomSampler")
def _(cls, module):
    yield from _from_dataset(cls)
    yield from _from_dataset(cls, replacement=True)
    yield from _from_dataset(cls, replacement=True, num_samples=25)


@sampler(PROJECT, S + "random.py", "RandomSamplerNoReplacement")
def _(cls, module):
    yield from _from_dataset(cls)


@sampler(PROJECT, S + "random.py", "RandomSamplerWithReplacement")
def _(cls, module):
    yield from _from_dataset(cls)
    yield from _from_dataset(cls, num_samples=7)


@sampler(PROJECT, S + "weighted.py", "WeightedRandomSampler")
def _(cls, module):
    for n in SIZES:
        weights = np.random.RandomState(n).rand(n)
        weights = weights / weights.sum()
        yield Case(f"weights of {n} samples", lambda w=weights: cls(w), repeat=2)
        yield Case(f"weights of {n} samples num_samples={n}", lambda w=weights, n=n: cls(w, num_samples=n), repeat=2)


not_run(PROJECT, S + "weighted.py", "PrevalenceRandomSampler",
        "its __init__ calls np.float, removed in NumPy 1.24; the environment's NumPy is 2.x")


@sampler(PROJECT, S + "batch.py", "BatchSampler")
def _(cls, module):
    from delira.data_loading.sampler import RandomSampler, SequentialSampler

    for n in SIZES:
        for batch_size in (1, 4, 32):
            for drop_last in (False, True):
                for inner in (SequentialSampler, RandomSampler):
                    yield Case(
                        f"{inner.__name__}.from_dataset(n={n}) batchsize={batch_size} drop_last={drop_last}",
                        lambda n=n, b=batch_size, d=drop_last, inner=inner: cls(
                            inner.from_dataset(_Dataset(n)), b, drop_last=d
                        ),
                        repeat=2,
                    )
