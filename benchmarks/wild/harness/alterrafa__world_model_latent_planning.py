"""AlterraFa/World-Model-Latent-Planning: planning in the latent space of a learned world model
(JEPA-style video world model for control; reinforcement/imitation learning from trajectories).

datasets/sampler.py: WeightedSampler and DistributedWeightedSampler (weighted draws with
replacement, reseeded by set_epoch; the distributed one shards num_samples over ranks).
datasets/utils/weighted_sampler.py (vendored from Meta's JEPA code): DistributedWeightedSampler
(a DistributedSampler drawing by the dataset's sample_weights) and the two memory-efficient
samplers over a mixture of datasets (dataset_weights), which yield indices without end (the
training loop stops after a set number of iterations) while keeping DistributedSampler's len.
"""

import numpy as np
import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="AlterraFa/World-Model-Latent-Planning",
    source="github",
    ref="e1f21ac1768c5d3350e151313f88bf2c06682fb3",
    domain="reinforcement learning (world-model trajectories)",
    # utils/logger.py's Logger (the vendored samplers log through it) prints through a rich
    # Console: a stand-in that logs nothing.
    stubs={
        "utils.logger": (
            "class Logger:\n"
            "    def __init__(self, name=None):\n"
            "        self.name = name\n\n"
            "    def __getattr__(self, level):\n"
            "        return lambda *args, **kwargs: None\n"
        ),
    },
)


def _weights(n, seed=0):
    return np.random.RandomState(seed).gamma(1.0, 1.0, size=n) + 0.01


class _Clips(torch.utils.data.Dataset):
    """A clip dataset with per-clip sample weights (for the DistributedSampler form)."""

    def __init__(self, n, seed=0):
        self.sample_weights = _weights(n, seed)

    def __len__(self):
        return len(self.sample_weights)


class _Mixture(torch.utils.data.ConcatDataset):
    """A weighted mixture of trajectory datasets: ConcatDataset plus dataset_weights."""

    def __init__(self, sizes, weights):
        super().__init__([list(range(s)) for s in sizes])
        self.dataset_weights = weights


def _at_epoch(s, epoch):
    s.set_epoch(epoch)
    return s


@sampler(PROJECT, "datasets/sampler.py", "WeightedSampler")
def _(cls, module):
    for n in (1, 50, 1000):
        for k in (1, 64, 1000):
            yield Case(f"weights={n} num_samples={k} set_epoch(2)", lambda n=n, k=k: _at_epoch(cls(_weights(n), k), 2))


@sampler(PROJECT, "datasets/sampler.py", "DistributedWeightedSampler")
def _(cls, module):
    for n, k in ((10, 10), (50, 101), (1000, 640)):
        for world in (1, 2, 3):
            for rank in range(world):
                yield Case(
                    f"weights={n} num_samples={k} replicas={world} rank={rank}",
                    lambda n=n, k=k, w=world, r=rank: _at_epoch(cls(_weights(n), k, num_replicas=w, rank=r), 1),
                )


@sampler(PROJECT, "datasets/utils/weighted_sampler.py", "DistributedWeightedSampler")
def _(cls, module):
    for n in (7, 100, 333):
        for world in (1, 2, 4):
            for rank in range(world):
                for drop_last in (False, True):
                    yield Case(
                        f"clips={n} replicas={world} rank={rank} drop_last={drop_last}",
                        lambda n=n, w=world, r=rank, d=drop_last: cls(
                            _Clips(n), num_replicas=w, rank=r, shuffle=True, seed=0, drop_last=d
                        ),
                    )


def _mixture_cases(cls):
    for sizes, weights in (((40, 100), (1, 3)), ((500, 80, 1000), (2, 1, 1))):
        for world in (1, 2):
            for rank in range(world):
                for shuffle in (True, False):
                    yield Case(
                        f"datasets={sizes} dataset_weights={weights} replicas={world} rank={rank} shuffle={shuffle}",
                        lambda z=sizes, g=weights, w=world, r=rank, s=shuffle: cls(
                            _Mixture(z, list(g)), num_replicas=w, rank=r, shuffle=s, seed=0
                        ),
                    )


@sampler(PROJECT, "datasets/utils/weighted_sampler.py", "MemoryEfficientDistributedWeightedSampler")
def _(cls, module):
    yield from _mixture_cases(cls)


@sampler(PROJECT, "datasets/utils/weighted_sampler.py", "MemoryEfficientDistributedWeightedSamplerLessRepeat")
def _(cls, module):
    yield from _mixture_cases(cls)
