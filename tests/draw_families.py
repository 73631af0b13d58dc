"""Samplers whose wrong length the search built but passed (issue 19, family 2), each with
a correct twin (``*Exact``: `dplen check` must say ok) and a wrong one (``*Wrong``: it
must find a counterexample), built with no factory. tests/test_check_example_families.py
runs them.

- A len() that runs the class's own random ``__iter__`` once in ``__init__`` counts one
  draw of a random count (domain-balanced batches that stop when a domain runs short).
  The search builds a sampler under the seed its first epoch is replayed with, so that
  first epoch always agreed; only the mean over epochs shows the draw is not the count.
- Items grouped by a key read through a lookup table of the dataset
  (``dataset.meta.names[dataset[i]["label"]]``, then a part of that name). The check's
  generated records answer such reads with a hash of the path that reached them; a
  linear hash gave the names of labels 0 and 1 equal parts under every seed, and the
  data never had two groups.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict

from torch.utils.data import Sampler

# --- A count drawn at random, len() one draw of it -----------------------------------


class DomainDrawWrong(Sampler):
    """Wrong: batches of one domain at a time, the domain drawn at random, until the
    drawn domain has less than a batch left; len() is the count of one such epoch, run
    in __init__, not what an epoch yields on average."""

    def __init__(self, data_source, batch_size):
        self.data_source, self.batch_size = data_source, batch_size
        self.length = len(list(self.__iter__()))

    def __iter__(self):
        n, b = len(self.data_source), self.batch_size
        left = [list(range(0, n // 2)), list(range(n // 2, n))]
        batches = []
        while True:
            domain = left[random.randrange(2)]
            if len(domain) < b:
                return iter(batches)
            batches.append([domain.pop() for _ in range(b)])

    def __len__(self):
        return self.length


class DomainDrawExact(DomainDrawWrong):
    """Every domain is used up in a random order of its batches: the count is fixed, so
    one epoch counted in __init__ is every epoch's."""

    def __iter__(self):
        n, b = len(self.data_source), self.batch_size
        batches = [list(range(i, min(i + b, end))) for start, end in ((0, n // 2), (n // 2, n))
                   for i in range(start, end, b)]
        random.shuffle(batches)
        return iter(batches)


# --- Groups named through a lookup table of the dataset --------------------------------


def _task_groups(dataset):
    groups = defaultdict(list)
    for i in range(len(dataset)):
        name = dataset.meta.names[dataset[i]["label"]]
        groups[name.split("/")[0]].append(i)
    return groups


class TaskBatchesWrong(Sampler):
    """Wrong: batches of one task each (the task is the first part of the label's name);
    len() counts batches over the whole dataset, as if there were one task."""

    def __init__(self, dataset, batch_size):
        self.dataset, self.batch_size = dataset, batch_size
        self.groups = _task_groups(dataset)

    def __iter__(self):
        for ids in self.groups.values():
            for i in range(0, len(ids), self.batch_size):
                yield ids[i : i + self.batch_size]

    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size)


class TaskBatchesExact(TaskBatchesWrong):
    """Each task's partial batch is counted."""

    def __len__(self):
        return sum(math.ceil(len(ids) / self.batch_size) for ids in self.groups.values())


EXACT = [DomainDrawExact, TaskBatchesExact]
WRONG = [DomainDrawWrong, TaskBatchesWrong]
