"""JinZr/sleep2vec: self-supervised models of polysomnography (sleep EEG/EOG/EMG time series).

data/samplers.py: a weighted sampler sharded over ranks (WeightedRandomDistributedSampler),
batch samplers bucketing recordings by their montage (AvailableChannelsBucketBatchSampler),
drawing a channel pair first then recordings that have it (PairFirstBatchSampler), and
the validation batches per channel pair (SequentialPairEvalBatchSampler).

The first three ask torch.distributed for rank and world size when len() and iter() are
called, not when built, so they run as one process here (rank 0 of 1).
"""

import random

import torch
from torch.utils.data import DistributedSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="JinZr/sleep2vec",
    source="github",
    ref="77c49e32d4fa013cbc2bfc07d0aa07818f0ba559",
    domain="time series (sleep polysomnography)",
)

CHANNELS = ["C3-M2", "C4-M1", "F3-M2", "O1-M2", "E1-M2", "Chin"]
MONTAGES = [CHANNELS, CHANNELS[:4], ["C3-M2", "C4-M1", "E1-M2"], ["C4-M1", "O1-M2"], CHANNELS[:2] + ["Chin"]]


class _SampleIndex:
    """A recording window as filter_valid_sample_indices leaves it: payload['available_channels']."""

    def __init__(self, i, channels):
        self.id = i
        self.path = f"psg/{i:05d}.ark"
        self.payload = {"available_channels": list(channels)}


def _recordings(n, seed=0):
    rng = random.Random(seed)
    data = [_SampleIndex(i, MONTAGES[i % len(MONTAGES)] if i < len(MONTAGES) else rng.choice(MONTAGES))
            for i in range(n)]
    return data


@sampler(PROJECT, "data/samplers.py", "WeightedRandomDistributedSampler")
def _(cls, module):
    for n, k in ((5, 5), (40, 64), (300, 100)):
        yield Case(
            f"weights={n} num_samples={k}",
            lambda n=n, k=k: cls(torch.rand(n) + 0.05, k, seed=1),
            repeat=2,
        )


@sampler(PROJECT, "data/samplers.py", "AvailableChannelsBucketBatchSampler")
def _(cls, module):
    for n in (12, 50, 301):
        for batch_size in (2, 8, 32):
            for drop_last in (True, False):
                if drop_last and batch_size * 1 > n // len(MONTAGES):
                    continue  # every montage bucket smaller than a batch: its own check rejects it
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} batch_size={batch_size} drop_last={drop_last} shuffle={shuffle}",
                        lambda n=n, b=batch_size, d=drop_last, s=shuffle: cls(
                            _recordings(n), batch_size=b, drop_last=d, shuffle=s
                        ),
                        repeat=2,
                    )


@sampler(PROJECT, "data/samplers.py", "PairFirstBatchSampler")
def _(cls, module):
    for n in (12, 50, 301):
        for batch_size in (3, 8, 32):
            for drop_last in (True, False):
                if drop_last and batch_size > n:
                    continue
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} batch_size={batch_size} drop_last={drop_last} shuffle={shuffle}",
                        lambda n=n, b=batch_size, d=drop_last, s=shuffle: cls(
                            _recordings(n), channel_names=CHANNELS, batch_size=b, drop_last=d, shuffle=s
                        ),
                        repeat=2,
                    )


class _EvalDataset:
    """The validation dataset a DistributedSampler is built on: .data, .channel_names."""

    def __init__(self, n):
        self.data = _recordings(n)
        self.channel_names = CHANNELS
        self.min_channels = 2

    def __len__(self):
        return len(self.data)


@sampler(PROJECT, "data/samplers.py", "SequentialPairEvalBatchSampler")
def _(cls, module):
    for n in (12, 50, 301):
        for batch_size in (4, 16):
            for drop_last in (False, True):
                yield Case(
                    f"recordings n={n} batch_size={batch_size} drop_last={drop_last}",
                    lambda n=n, b=batch_size, d=drop_last: cls(
                        _recordings(n), channel_names=CHANNELS, batch_size=b, drop_last=d
                    ),
                )
                # as Lightning injects it: a DistributedSampler over the validation dataset
                for world in (2, 3, 4):
                    for rank in range(world):
                        for dist_drop in (False, True):
                            yield Case(
                                f"DistributedSampler n={n} replicas={world} rank={rank} drop_last={dist_drop} "
                                f"batch_size={batch_size} batch drop_last={drop_last}",
                                lambda n=n, b=batch_size, d=drop_last, w=world, r=rank, dd=dist_drop: cls(
                                    DistributedSampler(_EvalDataset(n), num_replicas=w, rank=r, shuffle=False,
                                                       drop_last=dd),
                                    batch_size=b, drop_last=d,
                                ),
                            )
