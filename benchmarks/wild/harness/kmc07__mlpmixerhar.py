"""KMC07/MLPMixerHAR: MLP-Mixer for human activity recognition from wearable sensor windows
(PAMAP2, Opportunity, Daphnet). data/sampler.py: BalancedBatchSampler (round-robin over the
activity classes, re-permuting a class once it runs out, for len(labels) draws) and
DistributedSamplerWrapper (a sampler's indices sharded like DistributedSampler); main.py
wraps a WeightedRandomSampler of inverse class frequencies in it under --distributed (the
BalancedBatchSampler line is commented out there)."""

import numpy as np
import torch
from torch.utils.data import WeightedRandomSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="KMC07/MLPMixerHAR",
    source="github",
    ref="8f45f847555db5a65f601d56de272f092302b2a1",
    domain="time series: human activity recognition (class-balanced sampling)",
    empty_init=("data",),  # imports the HAR datasets (pandas, scipy readers)
)

PATH = "data/sampler.py"


def _targets(n, classes, seed=0):
    """Activity labels of the sliding windows, imbalanced as PAMAP2's (class c ~ 1/(c+1))."""
    rng = np.random.RandomState(seed)
    p = 1.0 / np.arange(1, classes + 1)
    labels = rng.choice(classes, size=n, p=p / p.sum())
    labels[:classes] = np.arange(classes)  # every class present
    return labels


def _weighted(labels):
    """main.py's WeightedRandomSampler of inverse class frequencies."""
    counts = np.unique(labels, return_counts=True)[1]
    weights = torch.from_numpy(np.array([1.0 / counts[t] for t in labels]))
    return WeightedRandomSampler(weights.type("torch.DoubleTensor"), len(weights), replacement=True)


@sampler(PROJECT, PATH, "BalancedBatchSampler")
def _(cls, module):
    for n in (12, 100, 1000):
        for classes in (2, 5, 12):
            if classes > n:
                continue
            yield Case(f"targets n={n} classes={classes}", lambda n=n, c=classes: cls(_targets(n, c)), repeat=2)


@sampler(PROJECT, PATH, "DistributedSamplerWrapper")
def _(cls, module):
    for n in (12, 100, 1000):
        for world in (1, 2, 3, 4):
            for rank in range(world):
                for shuffle in (True, False):
                    yield Case(
                        f"WeightedRandomSampler n={n} num_replicas={world} rank={rank} shuffle={shuffle}",
                        lambda n=n, w=world, r=rank, s=shuffle: cls(
                            _weighted(_targets(n, 5)), num_replicas=w, rank=r, shuffle=s
                        ),
                    )
                yield Case(
                    f"BalancedBatchSampler n={n} classes=5 num_replicas={world} rank={rank}",
                    lambda n=n, w=world, r=rank: cls(module.BalancedBatchSampler(_targets(n, 5)), num_replicas=w, rank=r),
                )
