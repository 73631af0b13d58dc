"""Hilly12/masters-code: prifair, fairness-aware differentially private training (weighted
DP-SGD on Opacus). setup_weighted_dpsgd replaces the loader's batch sampler with a
NonUniformPoissonSampler: every epoch int(1 / sample_rate) Poisson batches (sample_rate =
1 / len(data_loader)), sample i drawn with probability sample_rate * N * weights[i], the
weights the normalized per-sample weights of reweigh() (inverse class frequency). Its
_SamplerWrapper wraps a batch sampler to remember the last batch drawn."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Hilly12/masters-code",
    source="github",
    ref="f9992a56832ada6c841b2ca3e469d113aa6aee1e",
    domain="differential privacy: fairness-weighted DP-SGD",
    root="src",
    stubs={
        # The Opacus of its time (<= 1.2, June 2022): UniformWithReplacementSampler's len()
        # was int(1 / sample_rate); the installed Opacus reads a `steps` attribute set by an
        # __init__ that NonUniformPoissonSampler does not call. Only len() is inherited.
        "opacus.utils.uniform_sampler": (
            "from torch.utils.data import Sampler\n\n\n"
            "class UniformWithReplacementSampler(Sampler):\n"
            "    def __init__(self, *, num_samples, sample_rate, generator=None):\n"
            "        self.num_samples, self.sample_rate, self.generator = num_samples, sample_rate, generator\n\n"
            "    def __len__(self):\n"
            "        return int(1 / self.sample_rate)\n"
        ),
        "opacus.utils.batch_memory_manager": "class BatchMemoryManager:\n    pass\n\n\nclass BatchSplittingSampler:\n    pass\n",
    },
    empty_init=("prifair",),  # imports the trainers and the PATE analysis
)


def _weights(n, classes, skew):
    """reweigh()'s weights: 1 / (count of the sample's class), normalized to sum to 1, for
    labels drawn with one class `skew` times more frequent than the others."""
    import numpy as np

    rng = np.random.RandomState(n)
    p = np.ones(classes)
    p[0] = skew
    labels = rng.choice(classes, size=n, p=p / p.sum())
    counts = np.bincount(labels, minlength=classes)
    weights = 1.0 / counts[labels]
    return weights / weights.sum()


# (dataset size N, the loader's batch size, classes, skew of the first class)
SETTINGS = ((60000, 256, 10, 1.0), (1000, 64, 2, 9.0), (500, 50, 5, 3.0), (30, 8, 3, 1.0))


def _poisson(module, n, batch, classes, skew):
    import math

    return module.NonUniformPoissonSampler(
        weights=_weights(n, classes, skew), num_samples=n, sample_rate=1 / math.ceil(n / batch)
    )


@sampler(PROJECT, "src/prifair/data.py", "NonUniformPoissonSampler")
def _(cls, module):
    for n, batch, classes, skew in SETTINGS:
        yield Case(
            f"N={n} batch {batch} ({classes} classes, skew {skew})",
            lambda n=n, b=batch, c=classes, s=skew: _poisson(module, n, b, c, s),
            epochs=5,
        )


@sampler(PROJECT, "src/prifair/utils.py", "_SamplerWrapper")
def _(cls, module):
    import importlib

    import torch

    data = importlib.import_module("prifair.data")
    for n, batch, classes, skew in SETTINGS:
        yield Case(
            f"wrapping the NonUniformPoissonSampler of N={n} batch {batch}",
            lambda n=n, b=batch, c=classes, s=skew: cls(_poisson(data, n, b, c, s)),
            epochs=5,
        )
        for drop_last in (False, True):
            yield Case(
                f"wrapping a BatchSampler of N={n} batch {batch} drop_last={drop_last}",
                lambda n=n, b=batch, d=drop_last: cls(
                    torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(range(n)), b, d)
                ),
            )
