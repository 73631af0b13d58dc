"""Samplers written the way users write them, in the families whose wrong length shows
only on some data or in some use (issue 19, families 2 and 3): a P x K sampler given
identities smaller than K, buckets each with its own partial batch, a length filter, two
items with one key, a token budget, a count that changes with the epoch, a resume, a rank
of a world. Each family has a correct class (``*Exact``: `dplen check` must say ok) and a
wrong one (``*Wrong``: it must find a counterexample), built by the check with no factory.
tests/test_check_example_families.py runs them; the ground truth of each is in its
docstring and in tests/test_check_data_families.py, which runs the class on the data that
shows it."""

from __future__ import annotations

import copy
import math
import os
import random
from collections import defaultdict

import numpy as np
import torch
import torch.distributed as dist
from torch.utils.data import Sampler

# --- P x K: identities given as (img, pid, camid) tuples -------------------------------


class IdentityTuplesExact(Sampler):
    """K images per identity; an identity with fewer is sampled with replacement."""

    def __init__(self, data_source, num_instances=4):
        self.num_instances = num_instances
        self.index_dic = defaultdict(list)
        for index, (_, pid, _) in enumerate(data_source):
            self.index_dic[pid].append(index)
        self.pids = list(self.index_dic.keys())

    def __iter__(self):
        ret = []
        for pid in torch.randperm(len(self.pids)).tolist():
            t = self.index_dic[self.pids[pid]]
            replace = len(t) < self.num_instances
            ret.extend(np.random.choice(t, size=self.num_instances, replace=replace).tolist())
        return iter(ret)

    def __len__(self):
        return len(self.pids) * self.num_instances


class IdentityTuplesWrong(IdentityTuplesExact):
    """Wrong: an identity with fewer than K images gives only the images it has."""

    def __iter__(self):
        ret = []
        for pid in torch.randperm(len(self.pids)).tolist():
            t = copy.deepcopy(self.index_dic[self.pids[pid]])
            random.shuffle(t)
            ret.extend(t[: self.num_instances])
        return iter(ret)


# --- P x K: identities given as a dict pid -> list of indices ---------------------------


class IdentityDictExact(Sampler):
    """Batches of P identities x K images; identities with fewer than K images are dropped."""

    def __init__(self, pid_to_indices, num_pids, num_instances):
        self.pid_to_indices = pid_to_indices
        self.p, self.k = num_pids, num_instances
        self.valid = [pid for pid, idxs in pid_to_indices.items() if len(idxs) >= num_instances]

    def __iter__(self):
        pids = random.sample(self.valid, len(self.valid))
        for i in range(0, len(pids) - self.p + 1, self.p):
            batch = []
            for pid in pids[i : i + self.p]:
                batch += random.sample(self.pid_to_indices[pid], self.k)
            yield batch

    def __len__(self):
        return len(self.valid) // self.p


class IdentityDictWrong(IdentityDictExact):
    """Wrong: len() counts every identity, as if each had K images."""

    def __len__(self):
        return len(self.pid_to_indices) // self.p


# --- Buckets given as dataset.flag (numpy), partial batch per bucket --------------------


class FlagGroupBatchExact(Sampler):
    """Batches within each aspect-ratio group (mmdet's `dataset.flag`); each group's last
    batch is partial."""

    def __init__(self, dataset, samples_per_gpu=2):
        if samples_per_gpu < 1:
            raise ValueError("samples_per_gpu must be positive")
        self.flag = dataset.flag.astype(np.int64)
        self.group_sizes = np.bincount(self.flag)
        self.samples_per_gpu = samples_per_gpu

    def __iter__(self):
        batches = []
        for i, size in enumerate(self.group_sizes):
            if size == 0:
                continue
            indice = np.where(self.flag == i)[0]
            np.random.shuffle(indice)
            step = self.samples_per_gpu
            batches += [indice[j : j + step].tolist() for j in range(0, size, step)]
        random.shuffle(batches)
        return iter(batches)

    def __len__(self):
        return int(sum(math.ceil(size / self.samples_per_gpu) for size in self.group_sizes))


class FlagGroupBatchWrong(FlagGroupBatchExact):
    """Wrong: one ceiling over all groups."""

    def __len__(self):
        return math.ceil(len(self.flag) / self.samples_per_gpu)


# --- Buckets given as a list of group ids, floor per bucket -----------------------------


class GroupIdsBatchExact(Sampler):
    """Batches of one group each (a list of flags, one per item); drop_last per group."""

    def __init__(self, group_ids, batch_size, drop_last=True):
        self.groups = defaultdict(list)
        for idx, g in enumerate(group_ids):
            self.groups[g].append(idx)
        self.batch_size, self.drop_last = batch_size, drop_last

    def __iter__(self):
        for members in self.groups.values():
            random.shuffle(members)
            stop = len(members) - len(members) % self.batch_size if self.drop_last else len(members)
            for i in range(0, stop, self.batch_size):
                yield members[i : i + self.batch_size]

    def __len__(self):
        if self.drop_last:
            return sum(len(m) // self.batch_size for m in self.groups.values())
        return sum(math.ceil(len(m) / self.batch_size) for m in self.groups.values())


class GroupIdsBatchWrong(GroupIdsBatchExact):
    """Wrong: one floor (or ceiling) over all items."""

    def __len__(self):
        total = sum(len(m) for m in self.groups.values())
        return total // self.batch_size if self.drop_last else math.ceil(total / self.batch_size)


# --- Buckets given as the parts of a ConcatDataset (dataset.cumulative_sizes) ------------


class ConcatPartsExact(Sampler):
    """Batches within each part of a ConcatDataset (one source each); each part's tail kept."""

    def __init__(self, dataset, batch_size):
        self.ends, self.batch_size = list(dataset.cumulative_sizes), batch_size

    def _parts(self):
        return zip([0] + self.ends[:-1], self.ends)

    def __iter__(self):
        batches = []
        for start, end in self._parts():
            idx = random.sample(range(start, end), end - start)
            batches += [idx[i : i + self.batch_size] for i in range(0, end - start, self.batch_size)]
        return iter(random.sample(batches, len(batches)))

    def __len__(self):
        return sum(math.ceil((end - start) / self.batch_size) for start, end in self._parts())


class ConcatPartsWrong(ConcatPartsExact):
    """Wrong: one ceiling over the whole dataset."""

    def __len__(self):
        return math.ceil(self.ends[-1] / self.batch_size) if self.ends else 0


# --- Items filtered by a length limit ---------------------------------------------------


class MaxLenFilterExact(Sampler):
    """Shuffled batches of the items no longer than max_len."""

    def __init__(self, lengths, batch_size, max_len=256):
        self.lengths, self.batch_size, self.max_len = lengths, batch_size, max_len
        self.indices = [i for i in range(len(lengths)) if lengths[i] <= max_len]

    def __iter__(self):
        idx = random.sample(self.indices, len(self.indices))
        for i in range(0, len(idx), self.batch_size):
            yield idx[i : i + self.batch_size]

    def __len__(self):
        return math.ceil(len(self.indices) / self.batch_size)


class MaxLenFilterWrong(Sampler):
    """Wrong: len() counts the indices before the filter, which __iter__ applies."""

    def __init__(self, lengths, batch_size, max_len=256):
        self.lengths, self.batch_size, self.max_len = lengths, batch_size, max_len
        self.indices = list(range(len(lengths)))

    def __iter__(self):
        idx = [i for i in self.indices if self.lengths[i] <= self.max_len]
        random.shuffle(idx)
        for i in range(0, len(idx), self.batch_size):
            yield idx[i : i + self.batch_size]

    def __len__(self):
        return math.ceil(len(self.indices) / self.batch_size)


# --- Items dropped above a limit named at the top of the module ------------------------

# The model's context: longer sequences are left out.
MAX_TOKENS = 512


class ModuleLimitExact(Sampler):
    """Batches of the sequences within MAX_TOKENS, in order of length."""

    def __init__(self, lengths, batch_size):
        self.keep = sorted((i for i, n in enumerate(lengths) if n <= MAX_TOKENS), key=lengths.__getitem__)
        self.batch_size = batch_size

    def __iter__(self):
        return (self.keep[i : i + self.batch_size] for i in range(0, len(self.keep), self.batch_size))

    def __len__(self):
        return math.ceil(len(self.keep) / self.batch_size)


class ModuleLimitWrong(ModuleLimitExact):
    """Wrong: len() counts every sequence."""

    def __init__(self, lengths, batch_size):
        super().__init__(lengths, batch_size)
        self.n = len(lengths)

    def __len__(self):
        return math.ceil(self.n / self.batch_size)


# --- Duplicate keys: annotations listed per object, several of one image ----------------


class OnePerImageExact(Sampler):
    """One annotation per image, drawn at random: the annotations of one image_id are one
    group (COCO lists one annotation per object)."""

    def __init__(self, dataset):
        self.by_image = defaultdict(list)
        for i in range(len(dataset)):
            self.by_image[dataset[i]["image_id"]].append(i)

    def __iter__(self):
        return iter([random.choice(v) for v in self.by_image.values()])

    def __len__(self):
        return len(self.by_image)


class OnePerImageWrong(OnePerImageExact):
    """Wrong: len() counts annotations, as if every image had one."""

    def __init__(self, dataset):
        super().__init__(dataset)
        self.num_samples = len(dataset)

    def __len__(self):
        return self.num_samples


# --- Buckets by length boundaries, partial batch per bucket -----------------------------


class BoundaryBucketsExact(Sampler):
    """Batches within buckets cut at bucket_boundaries (tokens); each bucket's tail kept."""

    def __init__(self, lengths, batch_size, bucket_boundaries=(32, 64, 128)):
        self.batch_size = batch_size
        self.buckets = defaultdict(list)
        for i, length in enumerate(lengths):
            self.buckets[sum(length > b for b in bucket_boundaries)].append(i)

    def __iter__(self):
        batches = []
        for members in self.buckets.values():
            random.shuffle(members)
            batches += [members[i : i + self.batch_size] for i in range(0, len(members), self.batch_size)]
        random.shuffle(batches)
        return iter(batches)

    def __len__(self):
        return sum(math.ceil(len(m) / self.batch_size) for m in self.buckets.values())


class BoundaryBucketsWrong(BoundaryBucketsExact):
    """Wrong: one ceiling over all items."""

    def __len__(self):
        return math.ceil(sum(len(m) for m in self.buckets.values()) / self.batch_size)


# --- Items dropped below a length written in the code -----------------------------------


class MinLengthExact(Sampler):
    """Utterances shorter than 8 frames are left out (too short for the encoder)."""

    def __init__(self, dataset, batch_size):
        self.keep = [i for i in range(len(dataset)) if dataset[i]["num_frames"] >= 8]
        self.batch_size = batch_size

    def __iter__(self):
        random.shuffle(self.keep)
        return (self.keep[i : i + self.batch_size] for i in range(0, len(self.keep), self.batch_size))

    def __len__(self):
        return math.ceil(len(self.keep) / self.batch_size)


class MinLengthWrong(Sampler):
    """Wrong: the filter runs in __iter__, len() counts every utterance."""

    def __init__(self, dataset, batch_size):
        self.dataset, self.batch_size = dataset, batch_size

    def __iter__(self):
        keep = [i for i in range(len(self.dataset)) if self.dataset[i]["num_frames"] >= 8]
        return (keep[i : i + self.batch_size] for i in range(0, len(keep), self.batch_size))

    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size)


# --- P identities x K images per batch (torchreid's loop) -------------------------------


class IdentityBatchesWrong(Sampler):
    """Wrong: len() estimates K-chunks per identity, but the loop stops once fewer than P
    identities have chunks left, and their chunks never come."""

    def __init__(self, data_source, batch_size, num_instances):
        if batch_size < num_instances:
            raise ValueError("batch_size must be at least num_instances")
        self.num_instances = num_instances
        self.num_pids_per_batch = batch_size // num_instances
        self.index_dic = defaultdict(list)
        for index, (_, pid, _) in enumerate(data_source):
            self.index_dic[pid].append(index)
        self.pids = list(self.index_dic.keys())
        self.length = 0
        for pid in self.pids:
            num = max(len(self.index_dic[pid]), self.num_instances)
            self.length += num - num % self.num_instances

    def __iter__(self):
        batch_idxs_dict = defaultdict(list)
        for pid in self.pids:
            idxs = copy.deepcopy(self.index_dic[pid])
            if len(idxs) < self.num_instances:
                idxs = np.random.choice(idxs, size=self.num_instances, replace=True).tolist()
            random.shuffle(idxs)
            for i in range(0, len(idxs) - self.num_instances + 1, self.num_instances):
                batch_idxs_dict[pid].append(idxs[i : i + self.num_instances])
        avai_pids = copy.deepcopy(self.pids)
        final_idxs = []
        while len(avai_pids) >= self.num_pids_per_batch:
            for pid in random.sample(avai_pids, self.num_pids_per_batch):
                final_idxs.extend(batch_idxs_dict[pid].pop(0))
                if not batch_idxs_dict[pid]:
                    avai_pids.remove(pid)
        return iter(final_idxs)

    def __len__(self):
        return self.length


# --- Greedy packing under a token budget ------------------------------------------------


class TokenBudgetExact(Sampler):
    """Batches packed greedily under max_tokens, listed once; their order shuffled."""

    def __init__(self, lengths, max_tokens=64):
        self.batches, batch, cur = [], [], 0
        for i in np.argsort(lengths).tolist():
            if batch and cur + lengths[i] > max_tokens:
                self.batches.append(batch)
                batch, cur = [], 0
            batch.append(i)
            cur += lengths[i]
        if batch:
            self.batches.append(batch)

    def __iter__(self):
        return iter(random.sample(self.batches, len(self.batches)))

    def __len__(self):
        return len(self.batches)


class TokenBudgetWrong(Sampler):
    """Wrong: the tokens over the budget, rounded up, as if batches packed perfectly."""

    def __init__(self, lengths, max_tokens=64):
        self.lengths, self.max_tokens = lengths, max_tokens

    def __iter__(self):
        batch, cur = [], 0
        for i in np.argsort(self.lengths).tolist():
            if batch and cur + self.lengths[i] > self.max_tokens:
                yield batch
                batch, cur = [], 0
            batch.append(i)
            cur += self.lengths[i]
        if batch:
            yield batch

    def __len__(self):
        return math.ceil(sum(self.lengths) / self.max_tokens)


# --- A count that changes with the epoch: a drop after the shuffle ----------------------


class ShuffledPairsExact(Sampler):
    """Batches of consecutive items of the epoch's order, a batch dropped when it holds two
    items of one label (a contrastive loss needs distinct labels); the batches of each epoch
    are made in set_epoch, so len() is that epoch's."""

    def __init__(self, labels, batch_size, seed=0):
        self.labels, self.batch_size, self.seed = labels, batch_size, seed
        self.set_epoch(0)

    def set_epoch(self, epoch):
        self.epoch = epoch
        order = list(range(len(self.labels)))
        random.Random(self.seed + epoch).shuffle(order)
        chunks = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        self.batches = [c for c in chunks if len({self.labels[i] for i in c}) == len(c)]

    def __iter__(self):
        return iter(self.batches)

    def __len__(self):
        return len(self.batches)


class ShuffledPairsWrong(ShuffledPairsExact):
    """Wrong: len() keeps the count of the first epoch; a later epoch drops others."""

    def __init__(self, labels, batch_size, seed=0):
        super().__init__(labels, batch_size, seed)
        self.num_batches = len(self.batches)

    def __len__(self):
        return self.num_batches


# --- A schedule that switches at an epoch written in the code ---------------------------


class HardAfterWarmupExact(Sampler):
    """Every item during 5 warm-up epochs, then the items not marked hard (label 0)."""

    def __init__(self, labels):
        self.labels, self.epoch = labels, 0

    def set_epoch(self, epoch):
        self.epoch = epoch

    def _indices(self):
        if self.epoch < 5:
            return list(range(len(self.labels)))
        return [i for i, label in enumerate(self.labels) if label == 0]

    def __iter__(self):
        return iter(random.sample(self._indices(), len(self._indices())))

    def __len__(self):
        return len(self._indices())


class HardAfterWarmupWrong(HardAfterWarmupExact):
    """Wrong: len() counts every item in every epoch."""

    def __len__(self):
        return len(self.labels)


# --- Resume through state_dict() / load_state_dict() ------------------------------------


class StatefulBatchesExact(Sampler):
    """Resumes after the batches a checkpoint counted; len() stays the whole epoch
    (Lightning counts on to it)."""

    def __init__(self, dataset, batch_size):
        self.n, self.batch_size, self.start, self.done = len(dataset), batch_size, 0, 0

    def __iter__(self):
        b = self.batch_size
        batches = [list(range(i, min(i + b, self.n))) for i in range(0, self.n, b)]
        self.done = self.start
        for batch in batches[self.start :]:
            self.done += 1
            yield batch
        self.start = 0

    def __len__(self):
        return math.ceil(self.n / self.batch_size)

    def state_dict(self):
        return {"batch_idx": self.done}

    def load_state_dict(self, state):
        self.start = state["batch_idx"]


class StatefulBatchesWrong(StatefulBatchesExact):
    """Wrong: len() takes the samples seen from the batches left, mixing units."""

    def __len__(self):
        batches = math.ceil(self.n / self.batch_size)
        return batches - self.start * self.batch_size if self.start else batches


# --- Resume through set_start_iter(n) ---------------------------------------------------


class StartIterBatchesExact(Sampler):
    """detectron2-style: set_start_iter(n) skips the first n batches of the next epoch;
    len() is what is left."""

    def __init__(self, dataset, batch_size):
        self.n, self.batch_size, self.start_iter = len(dataset), batch_size, 0

    def set_start_iter(self, start_iter):
        self.start_iter = start_iter

    def __iter__(self):
        for i in range(self.start_iter * self.batch_size, self.n, self.batch_size):
            yield list(range(i, min(i + self.batch_size, self.n)))

    def __len__(self):
        return max(0, math.ceil(self.n / self.batch_size) - self.start_iter)


class StartIterBatchesWrong(StartIterBatchesExact):
    """Wrong: the skipped batches come again at the end, and len() says what is left."""

    def __iter__(self):
        skipped = list(range(0, min(self.start_iter * self.batch_size, self.n), self.batch_size))
        yield from super().__iter__()
        for i in skipped:
            yield list(range(i, min(i + self.batch_size, self.n)))


# --- Resume through set_start_iter(n), len() the whole epoch ---------------------------


class StickyStartExact(Sampler):
    """gpt-neox-style: set_start_iter(n) skips n batches of the epoch it resumes, and only
    that one; len() stays the whole epoch (the loop counts on to it)."""

    def __init__(self, dataset, batch_size):
        self.n, self.batch_size, self.start_iter = len(dataset), batch_size, 0

    def set_start_iter(self, start_iter):
        self.start_iter = start_iter

    def _batches(self):
        return [list(range(i, min(i + self.batch_size, self.n))) for i in range(0, self.n, self.batch_size)]

    def __iter__(self):
        skip, self.start_iter = self.start_iter, 0
        return iter(self._batches()[skip:])

    def __len__(self):
        return len(self._batches())


class StickyStartWrong(StickyStartExact):
    """Wrong: the position is never cleared, so every later epoch is short too."""

    def __iter__(self):
        return iter(self._batches()[self.start_iter :])


# --- A position the constructor takes: consumed_samples (Megatron) ------------------------


class PretrainingExact(Sampler):
    """Micro-batches of this rank from consumed_samples on; len() the steps left."""

    def __init__(
        self, total_samples, consumed_samples, micro_batch_size, data_parallel_rank, data_parallel_size
    ):
        if total_samples <= 0 or consumed_samples >= total_samples:
            raise ValueError("no sample left")
        if data_parallel_rank >= data_parallel_size:
            raise ValueError("rank")
        self.total_samples, self.consumed_samples = total_samples, consumed_samples
        self.mb, self.rank, self.dp = micro_batch_size, data_parallel_rank, data_parallel_size
        self.step = micro_batch_size * data_parallel_size

    def __iter__(self):
        batch = []
        for idx in range(self.consumed_samples, self.total_samples):
            batch.append(idx)
            if len(batch) == self.step:
                yield batch[self.rank * self.mb : (self.rank + 1) * self.mb]
                batch = []

    def __len__(self):
        return (self.total_samples - self.consumed_samples) // self.step


class PretrainingWrong(PretrainingExact):
    """Wrong: len() ignores consumed_samples."""

    def __len__(self):
        return self.total_samples // self.step


# --- A position the constructor takes: start_index ----------------------------------------


class StartIndexExact(Sampler):
    """Indices from start_index on (a resumed run's loader); len() what is left."""

    def __init__(self, data_source, start_index=0):
        self.n, self.start_index = len(data_source), start_index

    def __iter__(self):
        return iter(range(self.start_index, self.n))

    def __len__(self):
        return max(0, self.n - self.start_index)


class StartIndexWrong(StartIndexExact):
    """Wrong: len() the whole dataset."""

    def __len__(self):
        return self.n


# --- torch.distributed asked inside the class ------------------------------------------


class RankStrideExact(Sampler):
    """Every world-th index from this rank's; len() counts this rank's share."""

    def __init__(self, dataset):
        self.world = dist.get_world_size() if dist.is_initialized() else 1
        self.rank = dist.get_rank() if dist.is_initialized() else 0
        self.n = len(dataset)

    def __iter__(self):
        return iter(range(self.rank, self.n, self.world))

    def __len__(self):
        return len(range(self.rank, self.n, self.world))


class RankStrideWrong(RankStrideExact):
    """Wrong: ceil(n / world) on every rank, one too many on ranks >= n % world."""

    def __len__(self):
        return math.ceil(self.n / self.world)


class RankBatchesExact(Sampler):
    """This rank's batches of a shuffled, padded shard (world from torch.distributed)."""

    def __init__(self, dataset, batch_size, seed=0):
        self.world, self.rank = dist.get_world_size(), dist.get_rank()
        self.n, self.batch_size, self.seed, self.epoch = len(dataset), batch_size, seed, 0
        self.num_samples = math.ceil(self.n / self.world)

    def set_epoch(self, epoch):
        self.epoch = epoch

    def _indices(self):
        g = torch.Generator()
        g.manual_seed(self.seed + self.epoch)
        idx = torch.randperm(self.n, generator=g).tolist()
        while idx and len(idx) < self.num_samples * self.world:
            idx += idx[: self.num_samples * self.world - len(idx)]
        return idx[self.rank : self.num_samples * self.world : self.world]

    def __iter__(self):
        idx = self._indices()
        return (idx[i : i + self.batch_size] for i in range(0, len(idx), self.batch_size))

    def __len__(self):
        return math.ceil(self.num_samples / self.batch_size)


class RankBatchesWrong(RankBatchesExact):
    """Wrong: no padding, so a rank past n % world has one item fewer."""

    def _indices(self):
        g = torch.Generator()
        g.manual_seed(self.seed + self.epoch)
        return torch.randperm(self.n, generator=g).tolist()[self.rank :: self.world]


class EnvShardExact(Sampler):
    """This process's share, from the environment torchrun sets; len() counts it."""

    def __init__(self, dataset):
        self.world = int(os.environ.get("WORLD_SIZE", 1))
        self.rank = int(os.environ.get("RANK", 0))
        self.n = len(dataset)

    def __iter__(self):
        return iter(range(self.rank, self.n, self.world))

    def __len__(self):
        return len(range(self.rank, self.n, self.world))


class EnvShardWrong(EnvShardExact):
    """Wrong: n // world on every rank, one too few on ranks below n % world."""

    def __len__(self):
        return self.n // self.world


EXACT = [
    IdentityTuplesExact,
    IdentityDictExact,
    FlagGroupBatchExact,
    GroupIdsBatchExact,
    ConcatPartsExact,
    MaxLenFilterExact,
    OnePerImageExact,
    BoundaryBucketsExact,
    MinLengthExact,
    ModuleLimitExact,
    TokenBudgetExact,
    ShuffledPairsExact,
    HardAfterWarmupExact,
    StartIterBatchesExact,
    PretrainingExact,
    StartIndexExact,
    RankStrideExact,
    RankBatchesExact,
    EnvShardExact,
]
# Exact under Lightning's convention only (resumed_len=EPOCH: len() the whole epoch after a
# resume, the rest of it yielded), wrong under the default one (len() counts the rest).
EXACT_UNDER_EPOCH = [StatefulBatchesExact, StickyStartExact]
WRONG = [
    IdentityTuplesWrong,
    IdentityDictWrong,
    FlagGroupBatchWrong,
    GroupIdsBatchWrong,
    ConcatPartsWrong,
    MaxLenFilterWrong,
    OnePerImageWrong,
    BoundaryBucketsWrong,
    MinLengthWrong,
    ModuleLimitWrong,
    IdentityBatchesWrong,
    TokenBudgetWrong,
    ShuffledPairsWrong,
    HardAfterWarmupWrong,
    StatefulBatchesWrong,
    StartIterBatchesWrong,
    StickyStartWrong,
    PretrainingWrong,
    StartIndexWrong,
    RankStrideWrong,
    RankBatchesWrong,
    EnvShardWrong,
]
