"""iiGray/LOOM-Train: a long-context LLM training framework (packing, sequence parallelism).
loomtrain/core/data/sampler/: stateful samplers the MapDataLoader drives by
`set_state(epoch, consumed)` before each epoch (consumed = indices already taken, steps x
data-parallel size, on resume): DistributedSampler (torch's, minus the consumed indices),
DistributedBucketSampler (token-budget buckets of the dataset's input_ids_lens, sharded),
PackingSampler (first-fit / best-fit packing into packing_length, micro-batches of packs,
batch-level sharding; its batches are built by set_state). The StatefulSampler base only
adds the no-op set_state."""

import random

from wild.entry import Case, Project, sampler

# sortedcontainers.SortedList as PackingSampler's best fit uses it: add, pop(i), bisect_left.
SORTEDCONTAINERS = '''\
import bisect


class SortedList:
    def __init__(self, iterable=()):
        self._items = sorted(iterable)

    def add(self, value):
        bisect.insort(self._items, value)

    def pop(self, index=-1):
        return self._items.pop(index)

    def bisect_left(self, value):
        return bisect.bisect_left(self._items, value)

    def __len__(self):
        return len(self._items)
'''

PROJECT = Project(
    name="iiGray/LOOM-Train",
    source="github",
    ref="3506228845aedeeae6210251579c64b74875415c",
    domain="LLM training framework: packing and resumable distributed samplers",
    stubs={"sortedcontainers": SORTEDCONTAINERS},
    # tools.py (bucketize) imports iotools: pickle, yaml and dataframe helpers
    absent=("dill", "yaml", "pandas"),
    # the package __init__s import the trainer, models, parallel state and every utility
    empty_init=("loomtrain", "loomtrain.core", "loomtrain.core.data", "loomtrain.core.utils",
                "loomtrain.core.utils.common"),
)

S = "loomtrain/core/data/sampler/"


class _Tokenized:
    """A loomtrain Dataset of tokenized samples with its input_ids_lens."""

    def __init__(self, n, longest=4096, seed=0):
        rng = random.Random(seed)
        self.input_ids_lens = [rng.randint(16, longest) for _ in range(n)]

    def __len__(self):
        return len(self.input_ids_lens)

    def __getitem__(self, i):
        return {"input_ids": [0] * self.input_ids_lens[i]}


def _state(sampler, epoch, consumed):
    sampler.set_state(epoch, consumed)
    return sampler


def _ranks(worlds=(1, 2, 4)):
    return [(w, r) for w in worlds for r in range(w)]


@sampler(PROJECT, S + "distributed_sampler.py", "DistributedSampler")
def _(cls, module):
    for n in (7, 64, 101):
        for world, rank in _ranks():
            for shuffle in (True, False):
                for drop_last in (False, True):
                    for epoch, steps in ((0, 0), (1, 0), (0, 3)):
                        if steps >= n // world:
                            continue  # a checkpoint inside the epoch: fewer steps than the rank's share
                        consumed = steps * world  # the loader's steps x data-parallel size
                        yield Case(
                            f"n={n} num_replicas={world} rank={rank} shuffle={shuffle} drop_last={drop_last} "
                            f"set_state({epoch}, {consumed})",
                            lambda n=n, w=world, r=rank, s=shuffle, d=drop_last, e=epoch, c=consumed: _state(
                                cls(_Tokenized(n), num_replicas=w, rank=r, shuffle=s, drop_last=d), e, c
                            ),
                        )


@sampler(PROJECT, S + "distributed_sampler.py", "DistributedBucketSampler")
def _(cls, module):
    for n in (20, 200):
        for bucket_size in (8192, 32768):
            for world, rank in _ranks():
                for shuffle in (True, False):
                    for drop_last in (False, True):
                        for epoch, steps in ((0, 0), (2, 0), (0, 2)):
                            buckets = len(module.bucketize(_Tokenized(n).input_ids_lens, bucket_size,
                                                           drop_exceed=True, shuffle=shuffle, seed=0)[1])
                            if steps >= buckets // world:
                                continue  # a checkpoint inside the epoch
                            consumed = steps * world
                            yield Case(
                                f"n={n} bucket_size={bucket_size} num_replicas={world} rank={rank} shuffle={shuffle} "
                                f"drop_last={drop_last} set_state({epoch}, {consumed})",
                                lambda n=n, b=bucket_size, w=world, r=rank, s=shuffle, d=drop_last, e=epoch,
                                c=consumed: _state(
                                    cls(_Tokenized(n), b, num_replicas=w, rank=r, shuffle=s, drop_last=d,
                                        drop_exceed=True), e, c
                                ),
                            )


def _packs(cls, n, method, micro, world, rank, drop_last, epoch):
    """The packs this rank gets in an epoch (what set_state builds), to resume inside it."""
    fresh = cls(_Tokenized(n), packing_length=8192, packing_method=method, micro_batch_size=micro,
                num_replicas=world, rank=rank, drop_last=drop_last, seed=42)
    fresh.set_state(epoch, 0)
    return len(fresh.all_batches)


@sampler(PROJECT, S + "packing_sampler.py", "PackingSampler")
def _(cls, module):
    for n in (20, 300):
        for method in ("first_fit", "best_fit"):
            for micro in (1, 2):
                for world, rank in _ranks():
                    for drop_last in (True, False):
                        for epoch, steps in ((0, 0), (1, 0), (0, 2)):
                            if steps and steps >= _packs(cls, n, method, micro, world, rank, drop_last, epoch) // micro:
                                continue  # a checkpoint inside the epoch
                            consumed = steps * world
                            yield Case(
                                f"n={n} packing_length=8192 {method} micro_batch_size={micro} num_replicas={world} "
                                f"rank={rank} drop_last={drop_last} set_state({epoch}, {consumed})",
                                lambda n=n, m=method, mb=micro, w=world, r=rank, d=drop_last, e=epoch, c=consumed: _state(
                                    cls(_Tokenized(n), packing_length=8192, packing_method=m, micro_batch_size=mb,
                                        num_replicas=w, rank=r, drop_last=d, seed=42), e, c
                                ),
                            )
