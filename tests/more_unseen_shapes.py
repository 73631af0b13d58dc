"""More samplers of shapes `dplen check` first met in real code it was not grown on
(issue 19, session 10), written as users write them: each family has a correct class
(`*Ok`: len() counts what __iter__ yields on every input a caller passes) and a wrong one
(`*Wrong`), the ground truth of each being what running it gives.
tests/test_check_example_families.py checks each with no factory registered."""

from __future__ import annotations

import random
from collections import defaultdict

import torch
from torch.utils.data import BatchSampler, RandomSampler, Sampler

# --- a dataset that lists its own groups ----------------------------------------------


class ModalityGroupsOk(Sampler):
    """Batches that never mix modalities: the dataset lists the indices of each
    (`dataset.groups()`, a list of lists, which must cover the data); each group is
    shuffled, its tail dropped."""

    def __init__(self, dataset, batch_size):
        self.batch_size = batch_size
        self.groups = dataset.groups()
        if sum(len(members) for members in self.groups) != len(dataset):
            raise ValueError("the groups do not cover the dataset")

    def _batches(self):
        batches = []
        for members in self.groups:
            whole = len(members) // self.batch_size * self.batch_size
            order = random.sample(members, len(members))
            batches += [order[i : i + self.batch_size] for i in range(0, whole, self.batch_size)]
        random.shuffle(batches)
        return batches

    def __iter__(self):
        return iter(self._batches())

    def __len__(self):
        return sum(len(members) // self.batch_size for members in self.groups)


class ModalityGroupsWrong(ModalityGroupsOk):
    # Drops one tail for the whole data, not one per group.
    def __len__(self):
        return sum(len(members) for members in self.groups) // self.batch_size


# --- a subclass that passes its arguments on ------------------------------------------


class SeededShuffleOk(RandomSampler):
    """Takes torch's RandomSampler arguments through `*args, **kwargs` beside its own
    `seed`; yields `num_samples` indices, from as many permutations as that needs."""

    def __init__(self, *args, seed=None, **kwargs):
        super().__init__(*args, generator=torch.Generator().manual_seed(seed or 0), **kwargs)

    def __iter__(self):
        n = len(self.data_source)
        if not n:
            raise ValueError("no data to draw from")  # as torch's own RandomSampler fails
        order = []
        while len(order) < self.num_samples:
            order += torch.randperm(n, generator=self.generator).tolist()
        return iter(order[: self.num_samples])


class SeededShuffleWrong(SeededShuffleOk):
    # One permutation, whatever num_samples (torch's len()) says.
    def __iter__(self):
        return iter(torch.randperm(len(self.data_source), generator=self.generator).tolist())


# --- a setting the class requires to be a list ----------------------------------------


class CroppedBatchesOk(Sampler):
    """Batches of (index, crop length) pairs, one length drawn per batch from the bounds
    given as a two-item list, which the class asserts (`isinstance(bounds, list)`)."""

    def __init__(self, sampler, batch_size=2, drop_last=False, bounds=None):
        assert isinstance(bounds, list) and len(bounds) == 2
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last
        self.lengths = list(range(bounds[0], bounds[1] + 1))

    def __iter__(self):
        indices = list(self.sampler)
        for start in range(0, len(indices), self.batch_size):
            batch = indices[start : start + self.batch_size]
            if len(batch) < self.batch_size and self.drop_last:
                return
            crop = random.choice(self.lengths)
            yield [(i, crop) for i in batch]

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return -(-len(self.sampler) // self.batch_size)


class CroppedBatchesWrong(CroppedBatchesOk):
    # Counts the short last batch whether or not it is dropped.
    def __len__(self):
        return -(-len(self.sampler) // self.batch_size)


# --- data read through the wrapped sampler ---------------------------------------------


class DurationBucketsOk(BatchSampler):
    """torch's BatchSampler arguments; batches of one duration bucket each, the data read
    through the wrapped sampler (`self.sampler.data_source[i]["duration"]`); the partial
    buckets are pooled and batched at the end, so the count is torch's."""

    def __iter__(self):
        buckets = {}
        for index in self.sampler:
            bucket = buckets.setdefault(min(int(self.sampler.data_source[index]["duration"]) // 4, 3), [])
            bucket.append(index)
            if len(bucket) == self.batch_size:
                yield list(bucket)
                bucket.clear()
        pooled = [index for bucket in buckets.values() for index in bucket]
        for start in range(0, len(pooled), self.batch_size):
            batch = pooled[start : start + self.batch_size]
            if len(batch) == self.batch_size or not self.drop_last:
                yield batch


class DurationBucketsWrong(DurationBucketsOk):
    # Counts only full batches, as if the pooled rest were always dropped.
    def __len__(self):
        return len(self.sampler) // self.batch_size


# --- records under a name that says nothing --------------------------------------------


class PerIdentityOk(Sampler):
    """`per_identity` images of every identity, drawn with replacement; the records are
    (path, identity, camera) tuples under a name that says nothing of a dataset."""

    def __init__(self, entries, per_identity=2):
        members = defaultdict(list)
        for index, (_, identity, _) in enumerate(entries):
            members[identity].append(index)
        self.groups, self.per_identity = list(members.values()), per_identity

    def _draw(self, group):
        return [random.choice(group) for _ in range(self.per_identity)]

    def __iter__(self):
        for group in random.sample(self.groups, len(self.groups)):
            yield from self._draw(group)

    def __len__(self):
        return len(self.groups) * self.per_identity


class PerIdentityWrong(PerIdentityOk):
    # Without replacement: an identity with fewer images gives fewer than len() counts.
    def _draw(self, group):
        return random.sample(group, min(len(group), self.per_identity))
