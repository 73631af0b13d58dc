"""Samplers exact on every input a caller passes and "broken" only by inputs none passes
(README, "what the search takes as legitimate"; check/legitimate.py), each beside a wrong
twin whose trigger is legitimate data. tests/test_check_example_families.py runs them:
the ``*Ok`` classes must be ok, the ``*Wrong`` ones found.

Before s11-check every ``*Ok`` class here got a counterexample: PadToBatchesOk with a
batch larger than its data (`PadToBatchesOk(data_source=range(1), batch_size=3)`: len 3,
2 yielded), ShardPaddedOk with more ranks than items, SamplesOrAllOk asked for 0 samples,
PerClassOk given labels its `num_classes` says the data lacks, LabelledPerClassOk
`num_classes=0`.
"""

from __future__ import annotations

import math

import torch
from torch.utils.data import Sampler

# --- A batch larger than the data, more processes than items ---------------------------


class PadToBatchesOk(Sampler):
    """Indices padded to whole batches by repeating the first ones (as torch's
    DistributedSampler padded before 1.8): the pad is shorter than a batch, so it fits in
    the data whenever the data fills one batch."""

    def __init__(self, data_source, batch_size):
        self.n, self.batch_size = len(data_source), batch_size

    def __iter__(self):
        indices = torch.randperm(self.n).tolist()
        indices += indices[: len(self) - self.n]
        return iter(indices)

    def __len__(self):
        return math.ceil(self.n / self.batch_size) * self.batch_size


class PadToBatchesWrong(PadToBatchesOk):
    """Wrong: says whole batches but never pads (3 items in batches of 2: len 4, 3 yielded)."""

    def __iter__(self):
        return iter(torch.randperm(self.n).tolist())


class ShardPaddedOk(Sampler):
    """One rank's shard, the indices padded to a multiple of the world by repeating the
    first ones (torch's DistributedSampler before 1.8): exact whenever every rank has an
    item, which a distributed run over its data has."""

    def __init__(self, dataset, num_replicas, rank):
        self.n, self.replicas, self.rank = len(dataset), num_replicas, rank
        self.num_samples = math.ceil(self.n / num_replicas)

    def __iter__(self):
        indices = list(range(self.n))
        indices += indices[: self.num_samples * self.replicas - self.n]
        return iter(indices[self.rank :: self.replicas])

    def __len__(self):
        return self.num_samples


class ShardPaddedWrong(ShardPaddedOk):
    """Wrong: len() rounds the shard down (3 items on 2 ranks: len 1, 2 yielded)."""

    def __len__(self):
        return self.n // self.replicas


# --- A count of 0 ---------------------------------------------------------------------


class SamplesOrAllOk(Sampler):
    """`num_samples` random indices, all of them when it is not given: its iteration takes
    0 for "not given" too, which no caller asking for samples passes."""

    def __init__(self, data_source, num_samples=None):
        self.n = len(data_source)
        self.num_samples = self.n if num_samples is None else num_samples

    def __iter__(self):
        return iter(torch.randint(self.n, (self.num_samples or self.n,)).tolist())

    def __len__(self):
        return self.num_samples


class SamplesOrAllWrong(SamplesOrAllOk):
    """Wrong: draws one sample fewer than asked once more than one is asked."""

    def __iter__(self):
        count = self.num_samples - (self.num_samples > 1)
        return iter(torch.randint(self.n, (count,)).tolist())


# --- Labels the dataset's own count of classes does not cover ----------------------------


class PerClassOk(Sampler):
    """Every item, class by class, for the classes the dataset says it has
    (`range(dataset.num_classes)`): exact on any dataset whose labels are its classes."""

    def __init__(self, dataset):
        self.dataset = dataset

    def __iter__(self):
        for c in range(self.dataset.num_classes):
            yield from (i for i, t in enumerate(self.dataset.targets) if t == c)

    def __len__(self):
        return len(self.dataset.targets)


class PerClassWrong(PerClassOk):
    """Wrong: at most two items of each class (a class of three: len 3, 2 yielded)."""

    def __iter__(self):
        for c in range(self.dataset.num_classes):
            yield from [i for i, t in enumerate(self.dataset.targets) if t == c][:2]


class LabelledPerClassOk(Sampler):
    """The same, given the labels and their count of classes apart."""

    def __init__(self, labels, num_classes):
        self.labels, self.num_classes = list(labels), num_classes

    def __iter__(self):
        for c in range(self.num_classes):
            yield from (i for i, t in enumerate(self.labels) if t == c)

    def __len__(self):
        return len(self.labels)
