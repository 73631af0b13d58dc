"""Samplers `dplen check` could not build, or built and never finished shrinking, before
s11-check (tests/test_check_example_families.py runs them: ``*Ok`` must be ok,
``*Wrong`` found).

- A list of populations the class draws from (`np.random.choice(color_pos[label], k)`,
  visible-infrared re-identification's IdentitySampler): each item was drawn as a few
  small torch samplers, which numpy's choice refuses ("a must be 1-dimensional"); they
  are lists of indices now.
- Its wrong twin then got a disagreement on big nested lists, whose every shrink step was
  slow: the class ran past its 60 s limit with the counterexample in hand. Shrinking now
  stops after a while and the smallest disagreement seen is reported.
- A dataset the class reads as a dict (`for pid, idxs in data_source.items()`,
  centroids-reid's RandomIdentitySampler): it was given records, which have no
  `.items()`; it is an index of the data by key now, no key without items.
- A parameter whose name says a number (`seq_len`) that the class takes the len() of and
  indexes (LouChao98/nner_as_parsing's BasicSampler): it was drawn as an int; it is one
  length per item now.
"""

from __future__ import annotations

import numpy as np
from torch.utils.data import Sampler


class PositionsPerLabelOk(Sampler):
    """`num_pos` positions drawn from each label's population, one label after another:
    exactly `num_pos` per label present."""

    def __init__(self, labels, positions, num_pos):
        self.labels = np.unique(labels)
        self.positions, self.num_pos = positions, num_pos
        self.index = (
            np.hstack([np.random.choice(positions[label], num_pos) for label in self.labels])
            if len(self.labels)
            else np.array([], dtype=int)
        )

    def __iter__(self):
        return iter(self.index.tolist())

    def __len__(self):
        return len(self.labels) * self.num_pos


class PositionsPerLabelWrong(Sampler):
    """Wrong (as mangye16's IdentitySampler): batches of `batch_size` labels drawn until
    the data's length is passed, len() the data's length."""

    def __init__(self, labels, positions, num_pos, batch_size):
        uni = np.unique(labels)
        self.n = len(labels)
        index = [
            np.random.choice(positions[label], num_pos)
            for _ in range(self.n // (batch_size * num_pos) + 1)
            for label in np.random.choice(uni, batch_size, replace=False)
        ]
        self.index = np.hstack(index).tolist()

    def __iter__(self):
        return iter(self.index)

    def __len__(self):
        return self.n


class ByKeyOk(Sampler):
    """`num_instances` indices of each key of an index {key: indices}, the short keys
    topped up by repeats."""

    def __init__(self, data_source, num_instances):
        self.index, self.k = data_source, num_instances

    def __iter__(self):
        for idxs in self.index.values():
            yield from np.random.choice(idxs, self.k, replace=len(idxs) < self.k).tolist()

    def __len__(self):
        return len(self.index) * self.k


class ByKeyWrong(ByKeyOk):
    """Wrong: the keys with fewer than `num_instances` indices are skipped, len() counts them."""

    def __iter__(self):
        for idxs in self.index.values():
            if len(idxs) >= self.k:
                yield from np.random.choice(idxs, self.k, replace=False).tolist()


class SinglesApartOk(Sampler):
    """Batches of `batch_size` in order, an item at or above a length threshold in a batch
    of its own: len() counts those batches."""

    def __init__(self, seq_len, batch_size, threshold):
        self.seq_len, self.batch_size, self.threshold = seq_len, batch_size, threshold

    def _batches(self):
        long = [[i] for i in range(len(self.seq_len)) if self.seq_len[i] >= self.threshold]
        short = [i for i in range(len(self.seq_len)) if self.seq_len[i] < self.threshold]
        return long + [short[k : k + self.batch_size] for k in range(0, len(short), self.batch_size)]

    def __iter__(self):
        return iter(self._batches())

    def __len__(self):
        return len(self._batches())


class SinglesApartWrong(SinglesApartOk):
    """Wrong: len() counts batches of the whole data, as if no item were set apart."""

    def __len__(self):
        return -(-len(self.seq_len) // self.batch_size)
