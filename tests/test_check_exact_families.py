"""Samplers written for these tests, one per family the wild corpus holds (P x K with a
rule, buckets, distributed with padding, resumable in the ways real classes resume), each
exact on every legitimate input: `dplen check` must say ok on all of them. A resumed
sampler's len() is the rest recounted or, under Lightning's convention (resumed_len=EPOCH),
may be the whole epoch, with the tail of the epoch yielded (Lightning's fit loop restores
its batch count and counts on to len(); gpt-neox takes its start_iter modulo len());
those are wrong under the default convention. A position may count iterations of a loader over
an index sampler, or every rank's samples (a position its constructor takes is judged
as a fresh sampler's: tests/test_check_beyond_rules.py, Resumable). Beside them, the
same families wrong, found. Before this file, EpochStartIterByBatches and StartIterIndices were false
counterexamples (the rest was taken to be `full - k` items whatever k counted)."""

from __future__ import annotations

import math
import random
from collections import defaultdict

import numpy as np
import pytest
import torch
import torch.distributed as dist
from torch.utils.data import Sampler

from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class
from flake8_dplen.runtime import EPOCH, check_resumed

OPTIONS = Options(budget=3.0, seed=0)
LIGHTNING = Options(budget=3.0, seed=0, resumed_len=EPOCH)


class PKWithRepeats(Sampler):
    """P identities of K images each; an identity with fewer than K images repeats some."""

    def __init__(self, data_source, num_instances: int = 4):
        self.k = num_instances
        self.by_pid = defaultdict(list)
        for index, (_, pid) in enumerate(data_source):
            self.by_pid[pid].append(index)

    def __iter__(self):
        out = []
        for pid in random.sample(sorted(self.by_pid), len(self.by_pid)):
            images = self.by_pid[pid]
            out += (
                random.sample(images, self.k) if len(images) >= self.k else random.choices(images, k=self.k)
            )
        return iter(out)

    def __len__(self):
        return len(self.by_pid) * self.k


class PKSkippingSmall(PKWithRepeats):
    """Identities with fewer than K images are left out, in len() too."""

    def __iter__(self):
        out = []
        for pid in sorted(self.by_pid):
            if len(self.by_pid[pid]) >= self.k:
                out += self.by_pid[pid][: self.k]
        return iter(out)

    def __len__(self):
        return sum(self.k for images in self.by_pid.values() if len(images) >= self.k)


class PKSkippingSmallWrong(PKSkippingSmall):
    def __len__(self):
        return len(self.by_pid) * self.k


class BucketBatches(Sampler):
    """Batches within buckets of lengths; each bucket's last batch is short."""

    def __init__(self, lengths, batch_size: int, bucket_width: int = 4):
        self.batch_size = batch_size
        self.buckets = defaultdict(list)
        for index, length in enumerate(lengths):
            self.buckets[length // bucket_width].append(index)

    def __iter__(self):
        for key in sorted(self.buckets):
            items = self.buckets[key]
            for i in range(0, len(items), self.batch_size):
                yield items[i : i + self.batch_size]

    def __len__(self):
        return sum(math.ceil(len(items) / self.batch_size) for items in self.buckets.values())


class BucketBatchesWrong(BucketBatches):
    def __len__(self):
        return math.ceil(sum(map(len, self.buckets.values())) / self.batch_size)


class PaddedShard(Sampler):
    """Each rank's share of the data, padded by wrapping around to the same size."""

    def __init__(self, dataset, num_replicas: int, rank: int):
        if not 0 <= rank < num_replicas:
            raise ValueError("rank out of range")
        self.n, self.world, self.rank = len(dataset), num_replicas, rank
        self.per_rank = math.ceil(self.n / num_replicas) if self.n else 0

    def __iter__(self):
        indices, padding = list(range(self.n)), self.per_rank * self.world - self.n
        # Wrapped as often as needed: fewer items than ranks need it more than once.
        indices += (indices * math.ceil(padding / max(self.n, 1)))[:padding]
        return iter(indices[self.rank : self.per_rank * self.world : self.world])

    def __len__(self):
        return self.per_rank


class PaddedShardWrong(PaddedShard):
    def __len__(self):
        return self.n // self.world


class EpochStartIterByBatches(Sampler):
    """An index sampler resumed by set_epoch(epoch, start_iter): start_iter counts the
    loader's iterations, batch_size indices each; len() stays the whole epoch."""

    def __init__(self, dataset, batch_size: int, seed: int = 0):
        self.n, self.batch_size, self.seed = len(dataset), batch_size, seed
        self.epoch = self.start_iter = 0

    def set_epoch(self, epoch: int, start_iter: int = 0):
        self.epoch, self.start_iter = epoch, start_iter

    def __iter__(self):
        order = list(range(self.n))
        random.Random(self.seed + self.epoch).shuffle(order)
        return iter(order[self.start_iter * self.batch_size :])

    def __len__(self):
        return self.n


class EpochStartIterWraps(EpochStartIterByBatches):
    """Wrong: the skipped indices come again at the end, past the whole epoch len() says."""

    def __iter__(self):
        order = list(super().__iter__())
        return iter(order + order[: self.start_iter * self.batch_size][:1])


class DistBatches(Sampler):
    """Batches of this rank's share, asking torch.distributed (answered for the search without
    a process group); drop_last per rank; batches as numpy arrays."""

    def __init__(self, dataset, batch_size: int, drop_last: bool = False, seed: int = 0):
        self.world, self.rank = dist.get_world_size(), dist.get_rank()
        self.n, self.b, self.drop_last, self.seed, self.epoch = len(dataset), batch_size, drop_last, seed, 0
        self.per = math.ceil(self.n / self.world)

    def set_epoch(self, epoch):
        self.epoch = epoch

    def _mine(self):
        g = torch.Generator().manual_seed(self.seed + self.epoch)
        idx = torch.randperm(self.n, generator=g).tolist()
        if self.n:
            idx += (idx * self.world)[: self.per * self.world - self.n]
        return idx[self.rank :: self.world]

    def __iter__(self):
        mine = self._mine()
        stop = len(mine) - len(mine) % self.b if self.drop_last else len(mine)
        for i in range(0, stop, self.b):
            yield np.array(mine[i : i + self.b])

    def __len__(self):
        return self.per // self.b if self.drop_last else math.ceil(self.per / self.b)


class ClassBalanced(Sampler):
    """Every class drawn as often as the largest one, with replacement."""

    def __init__(self, labels):
        self.by = defaultdict(list)
        for i, y in enumerate(labels):
            self.by[y].append(i)
        self.per_class = max((len(v) for v in self.by.values()), default=0)

    def __iter__(self):
        out = [random.choice(v) for v in self.by.values() for _ in range(self.per_class)]
        random.shuffle(out)
        return iter(out)

    def __len__(self):
        return self.per_class * len(self.by)


class FilteredByLength(Sampler):
    """Items longer than max_len are left out; batches of the rest in order of length."""

    def __init__(self, dataset, batch_size: int, max_len: int = 100):
        self.keep = sorted(
            (i for i in range(len(dataset)) if dataset[i]["length"] <= max_len),
            key=lambda i: dataset[i]["length"],
        )
        self.b = batch_size

    def __iter__(self):
        return (self.keep[i : i + self.b] for i in range(0, len(self.keep), self.b))

    def __len__(self):
        return math.ceil(len(self.keep) / self.b)


class Curriculum(Sampler):
    """A growing share of the data each epoch; len() follows the epoch."""

    def __init__(self, data_source, start_fraction: float = 0.5, epochs_to_full: int = 4):
        self.n, self.f0, self.full = len(data_source), start_fraction, max(epochs_to_full, 1)
        self.epoch = 0

    def set_epoch(self, epoch):
        self.epoch = epoch

    def _count(self):
        f = min(1.0, self.f0 + (1 - self.f0) * self.epoch / self.full)
        return int(self.n * f)

    def __iter__(self):
        return iter(torch.randperm(self.n)[: self._count()].tolist())

    def __len__(self):
        return self._count()


class StartIterIndices(Sampler):
    """gpt-neox's resume, on an index sampler: the loop sets start_iter (iterations of
    batch_size indices); used once; len() the whole epoch."""

    def __init__(self, data_source, batch_size: int):
        self.n, self.batch_size, self.start_iter = len(data_source), batch_size, 0

    def __iter__(self):
        skip, self.start_iter = self.start_iter * self.batch_size, 0
        return iter(range(skip, self.n))

    def __len__(self):
        return self.n


class StatefulRecountedBatches(Sampler):
    """state_dict() counts batches; len() recounted after load."""

    def __init__(self, dataset, batch_size: int):
        self.n, self.b, self.done, self.start = len(dataset), batch_size, 0, 0

    def _batches(self):
        return [list(range(i, min(i + self.b, self.n))) for i in range(0, self.n, self.b)]

    def __iter__(self):
        self.done = self.start
        for batch in self._batches()[self.start :]:
            self.done += 1
            yield batch
        self.start = 0

    def __len__(self):
        return len(self._batches()) - self.start

    def state_dict(self):
        return {"done": self.done}

    def load_state_dict(self, state):
        self.start = state["done"]


class WeightedDraws(Sampler):
    def __init__(self, weights, num_samples: int, replacement: bool = True):
        if num_samples <= 0:
            raise ValueError("num_samples")
        if not replacement and num_samples > len(weights):
            raise ValueError("too many")
        self.w, self.k, self.rep = torch.as_tensor(weights, dtype=torch.double), num_samples, replacement

    def __iter__(self):
        return iter(torch.multinomial(self.w, self.k, self.rep).tolist())

    def __len__(self):
        return self.k


@pytest.mark.parametrize(
    "cls",
    [
        PKWithRepeats,
        PKSkippingSmall,
        BucketBatches,
        PaddedShard,
        DistBatches,
        ClassBalanced,
        FilteredByLength,
        Curriculum,
        StatefulRecountedBatches,
        WeightedDraws,
    ],
)
def test_an_exact_sampler_is_ok(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == OK, result


# len() the whole epoch after a resume: exact under Lightning's convention alone.
UNDER_EPOCH = [EpochStartIterByBatches, StartIterIndices]


@pytest.mark.parametrize("cls", UNDER_EPOCH)
def test_a_whole_epoch_after_a_resume_is_exact_under_lightnings_convention_only(cls):
    assert check_class(cls, LIGHTNING).status == OK
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE and result.resumed is not None, result


@pytest.mark.parametrize(
    "cls",
    [PKSkippingSmallWrong, BucketBatchesWrong, PaddedShardWrong, EpochStartIterWraps],
)
def test_the_same_family_wrong_is_found(cls):
    assert check_class(cls, OPTIONS).status == COUNTEREXAMPLE


def test_the_rest_is_a_tail_of_the_epoch_in_whatever_unit_the_position_counts():
    epoch = list(range(10))
    skipped_batches = EpochStartIterByBatches(range(10), batch_size=3)
    skipped_batches.set_epoch(0, start_iter=2)  # 6 indices
    order = list(skipped_batches)
    skipped_batches.set_epoch(0)
    epoch = list(skipped_batches)
    assert order == epoch[6:]
    skipped_batches.set_epoch(0, start_iter=2)
    # Without the epoch only `full - consumed` items are the rest.
    assert not check_resumed(skipped_batches, full=10, consumed=2, resumed_len=EPOCH).ok
    assert check_resumed(skipped_batches, full=10, consumed=2, epoch=epoch, resumed_len=EPOCH).ok
    # Not a tail: the same count of other items.
    other = EpochStartIterByBatches(range(10), batch_size=3, seed=1)
    other.set_epoch(0, start_iter=2)
    assert list(other) != epoch[6:]
    assert not check_resumed(other, full=10, consumed=2, epoch=epoch, resumed_len=EPOCH).ok


class BatchShards(Sampler):
    """Each rank's share of the batches of a batch sampler it wraps, whose set_epoch it
    hands on (a bucketing batch sampler under DDP). Every caller gives it a batch sampler
    with set_epoch; torch's BatchSampler has none, and made every input fail."""

    def __init__(self, sampler, num_replicas: int = 1, rank: int = 0):
        if not 0 <= rank < num_replicas:
            raise ValueError("rank out of range")
        self.sampler, self.world, self.rank = sampler, num_replicas, rank

    def set_epoch(self, epoch: int) -> None:
        self.sampler.set_epoch(epoch)

    def _mine(self):
        return list(self.sampler)[self.rank :: self.world]

    def __iter__(self):
        return iter(self._mine())

    def __len__(self):
        return len(range(self.rank, len(self.sampler), self.world))


class BatchShardsPicked(BatchShards):
    """Wrong: operator.itemgetter of one position returns that batch, not a tuple of one,
    and a rank's share of one batch is iterated as its items."""

    def __iter__(self):
        import operator

        batches = list(self.sampler)
        positions = list(range(self.rank, len(batches), self.world))
        return iter(operator.itemgetter(*positions)(batches)) if positions else iter(())


def test_a_wrapper_handing_on_set_epoch_gets_a_batch_sampler_that_has_it():
    assert check_class(BatchShards, OPTIONS).status == OK
    result = check_class(BatchShardsPicked, OPTIONS)
    assert result.status == COUNTEREXAMPLE and "EpochBatchSampler(" in result.call.code


def test_the_pasted_test_of_a_position_judges_the_rest_as_a_tail():
    from flake8_dplen.check.report import pytest_test

    result = check_class(EpochStartIterWraps, LIGHTNING)
    assert result.resumed is not None and "start_iter=" in result.resumed.way.describe(1)
    code = pytest_test(result)
    assert "epoch = list(whole)" in code and "epoch=epoch)" in code
    for cls, fails in ((EpochStartIterWraps, True), (EpochStartIterByBatches, False)):
        namespace: dict = {}
        exec(code.replace("EpochStartIterWraps", cls.__name__), namespace)
        test = next(v for k, v in namespace.items() if k.startswith("test_"))
        if fails:
            with pytest.raises(AssertionError, match="resumed after"):
                test()
        else:
            test()  # the fixed class: its rest is start_iter * batch_size indices shorter
