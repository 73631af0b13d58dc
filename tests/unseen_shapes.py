"""Samplers of the shapes `dplen check` meets in code it has never seen, written as users
write them (issue 19, "what stops it", family 1): settings objects, optimizers, datasets
of tuples and dicts, arrays of sizes on the dataset, wrapped samplers, lists of
datasets, filters on the length of a keyed field, parameters only handed to a helper,
type hints. Each family has a correct class (`*Ok`: len() counts what __iter__ yields,
on every input a caller passes) and, where the family can be wrong, a wrong one
(`*Wrong`), the ground truth of each being what running it gives.
tests/test_check_example_families.py checks each with no factory registered; before s9-gen
(aa63a46) 20 of these 54 were "could not build" (every `*Wrong` subclass that overrides
only `__len__` among them)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Dict, List, Sequence

import numpy as np
import torch
from torch.utils.data import BatchSampler, DistributedSampler, Sampler


def _chunks(indices, size):
    return [indices[i : i + size] for i in range(0, len(indices), size)]


# --- settings objects ---------------------------------------------------------------


class DottedGetattrOk(Sampler):
    """getattr with a dotted key (cvnets' options), falling back to a default."""

    def __init__(self, opts, dataset):
        self.dataset = dataset
        self.batch_size = getattr(opts, "sampler.batch_size", 4)
        self.drop_last = getattr(opts, "sampler.drop_last", False)

    def __iter__(self):
        batches = _chunks(list(range(len(self.dataset))), self.batch_size)
        if self.drop_last and batches and len(batches[-1]) < self.batch_size:
            batches.pop()
        return iter(batches)

    def __len__(self):
        n = len(self.dataset)
        return n // self.batch_size if self.drop_last else math.ceil(n / self.batch_size)


class DottedGetattrWrong(DottedGetattrOk):
    def __len__(self):
        return len(self.dataset) // self.batch_size


class ArgsOk(Sampler):
    """argparse arguments: `args.bs`, `args.n_epochs_per_call`."""

    def __init__(self, data_source, args):
        self.n = len(data_source)
        self.bs = args.bs
        self.repeats = args.repeats

    def __iter__(self):
        for _ in range(self.repeats):
            yield from _chunks(list(range(self.n)), self.bs)

    def __len__(self):
        return self.repeats * math.ceil(self.n / self.bs)


class ArgsWrong(ArgsOk):
    def __len__(self):
        return self.repeats * self.n // self.bs


@dataclass
class LoaderConfig:
    batch_size: int = 8
    drop_last: bool = False


class DataclassConfigOk(Sampler):
    """A dataclass config, hinted."""

    def __init__(self, dataset, config: LoaderConfig):
        self.dataset = dataset
        self.config = config

    def __iter__(self):
        batches = _chunks(list(range(len(self.dataset))), self.config.batch_size)
        if self.config.drop_last and batches and len(batches[-1]) < self.config.batch_size:
            batches.pop()
        return iter(batches)

    def __len__(self):
        n, b = len(self.dataset), self.config.batch_size
        return n // b if self.config.drop_last else -(-n // b)


class DataclassConfigWrong(DataclassConfigOk):
    def __len__(self):
        return -(-len(self.dataset) // self.config.batch_size)


# --- an optimizer -------------------------------------------------------------------


class OptimizerReadOk(Sampler):
    """A sampler whose batch grows with the learning rate (only `param_groups` read)."""

    def __init__(self, dataset, optimizer, base_batch_size=2):
        self.dataset = dataset
        self.batch_size = base_batch_size * max(1, round(optimizer.param_groups[0]["lr"] * 10))

    def __iter__(self):
        return iter(_chunks(list(range(len(self.dataset))), self.batch_size))

    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size)


class OptimizerReadWrong(OptimizerReadOk):
    def __len__(self):
        return len(self.dataset) // self.batch_size


class OptimizerKeptOk(Sampler):
    """An optimizer kept for a later hook and never read here."""

    def __init__(self, dataset, batch_size, optimizer):
        self.dataset, self.batch_size, self.optimizer = dataset, batch_size, optimizer

    def __iter__(self):
        return iter(_chunks(list(range(len(self.dataset))), self.batch_size))

    def __len__(self):
        return (len(self.dataset) + self.batch_size - 1) // self.batch_size


# --- datasets of tuples and dicts -----------------------------------------------------


class IdentityOk(Sampler):
    """Re-id: `data_source[i][1]` is the person id; K instances of each id."""

    def __init__(self, data_source, num_instances):
        self.num_instances = num_instances
        self.index_dic: Dict[int, List[int]] = {}
        for index in range(len(data_source)):
            self.index_dic.setdefault(data_source[index][1], []).append(index)
        self.pids = sorted(self.index_dic)

    def __iter__(self):
        for pid in self.pids:
            yield from self.index_dic[pid][: self.num_instances]

    def __len__(self):
        return sum(min(len(v), self.num_instances) for v in self.index_dic.values())


class IdentityWrong(IdentityOk):
    def __len__(self):
        return len(self.pids) * self.num_instances


class InfoGroupsOk(Sampler):
    """mmdet style: landscape/portrait groups from `get_data_info(i)`, batched per group."""

    def __init__(self, dataset, batch_size):
        self.dataset, self.batch_size = dataset, batch_size
        self.groups: Dict[int, List[int]] = {0: [], 1: []}
        for i in range(len(dataset)):
            info = dataset.get_data_info(i)
            self.groups[int(info["width"] < info["height"])].append(i)

    def __iter__(self):
        for indices in self.groups.values():
            yield from _chunks(indices, self.batch_size)

    def __len__(self):
        return sum(math.ceil(len(v) / self.batch_size) for v in self.groups.values())


class InfoGroupsWrong(InfoGroupsOk):
    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size)


class DataInfosOk(Sampler):
    """`dataset.data_infos[i]["width"]`: wide images only."""

    def __init__(self, dataset, min_width=4):
        self.keep = [i for i in range(len(dataset)) if dataset.data_infos[i]["width"] >= min_width]

    def __iter__(self):
        return iter(self.keep)

    def __len__(self):
        return len(self.keep)


class DataInfosWrong(DataInfosOk):
    def __init__(self, dataset, min_width=4):
        super().__init__(dataset, min_width)
        self.n = len(dataset)

    def __len__(self):
        return self.n


# --- an array of sizes on the dataset ---------------------------------------------------


def _buckets(sizes, bucket_width, batch_size):
    buckets: Dict[int, List[int]] = {}
    for i, size in enumerate(sizes):
        buckets.setdefault(int(size) // bucket_width, []).append(i)
    return [batch for key in sorted(buckets) for batch in _chunks(buckets[key], batch_size)]


class LengthsBucketOk(Sampler):
    def __init__(self, dataset, batch_size, bucket_width=4):
        self.batches = _buckets(dataset.lengths, bucket_width, batch_size)

    def __iter__(self):
        return iter(self.batches)

    def __len__(self):
        return len(self.batches)


class LengthsBucketWrong(Sampler):
    def __init__(self, dataset, batch_size, bucket_width=4):
        self.n, self.batch_size = len(dataset.lengths), batch_size
        self.batches = _buckets(dataset.lengths, bucket_width, batch_size)

    def __iter__(self):
        return iter(self.batches)

    def __len__(self):
        return math.ceil(self.n / self.batch_size)


class SizesTokenBudgetWrong(Sampler):
    """fairseq style: batches filled up to `max_tokens` from `dataset.sizes` (numpy)."""

    def __init__(self, dataset, max_tokens):
        self.sizes = np.asarray(dataset.sizes)
        self.max_tokens = max_tokens

    def __iter__(self):
        batch, longest = [], 0
        for i in np.argsort(self.sizes, kind="stable"):
            longest2 = max(longest, int(self.sizes[i]))
            if batch and longest2 * (len(batch) + 1) > self.max_tokens:
                yield batch
                batch, longest2 = [], int(self.sizes[i])
            batch.append(int(i))
            longest = longest2
        if batch:
            yield batch

    def __len__(self):
        return math.ceil(int(self.sizes.sum()) / self.max_tokens)


class DurationsOk(Sampler):
    """Audio: `self.dataset.durations`, items above `max_duration` dropped."""

    def __init__(self, dataset, max_duration=10.0):
        self.dataset = dataset
        self.keep = [i for i, d in enumerate(self.dataset.durations) if d <= max_duration]

    def __iter__(self):
        return iter(self.keep)

    def __len__(self):
        return len(self.keep)


class DurationsWrong(DurationsOk):
    def __len__(self):
        return len(self.dataset.durations)


class AspectRatiosOk(Sampler):
    """`np.array(dataset.aspect_ratios)` split at 1, batched per side."""

    def __init__(self, dataset, batch_size):
        ratios = np.array(dataset.aspect_ratios)
        self.batch_size = batch_size
        self.sides = [np.where(ratios < 1)[0].tolist(), np.where(ratios >= 1)[0].tolist()]

    def __iter__(self):
        for side in self.sides:
            yield from _chunks(side, self.batch_size)

    def __len__(self):
        return sum(-(-len(side) // self.batch_size) for side in self.sides)


class AspectRatiosWrong(AspectRatiosOk):
    def __len__(self):
        return -(-sum(len(side) for side in self.sides) // self.batch_size)


# --- wrapped samplers ---------------------------------------------------------------------


class WrapsBatchSamplerOk(Sampler):
    """Splits each batch of a `BatchSampler` in two halves."""

    def __init__(self, batch_sampler: BatchSampler):
        self.batch_sampler = batch_sampler

    def __iter__(self):
        for batch in self.batch_sampler:
            half = (len(batch) + 1) // 2
            yield batch[:half]
            if batch[half:]:
                yield batch[half:]

    def __len__(self):
        return sum(1 + (len(b) > 1) for b in self.batch_sampler)


class WrapsBatchSamplerWrong(WrapsBatchSamplerOk):
    def __len__(self):
        return 2 * len(self.batch_sampler)


class WrapsDistributedOk(Sampler):
    """Batches the indices of a DistributedSampler."""

    def __init__(self, sampler: DistributedSampler, batch_size: int, drop_last: bool = False):
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def set_epoch(self, epoch):
        self.sampler.set_epoch(epoch)

    def __iter__(self):
        batches = _chunks(list(self.sampler), self.batch_size)
        if self.drop_last and batches and len(batches[-1]) < self.batch_size:
            batches.pop()
        return iter(batches)

    def __len__(self):
        n = len(self.sampler)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)


class WrapsDistributedWrong(WrapsDistributedOk):
    def __len__(self):
        return -(-len(self.sampler) // self.batch_size)


# --- a list of datasets -----------------------------------------------------------------


class ConcatBatchesOk(Sampler):
    """One dataset at a time from a ConcatDataset: batches never cross datasets."""

    def __init__(self, dataset, batch_size):
        self.batch_size = batch_size
        starts = [0] + list(dataset.cumulative_sizes[:-1])
        self.parts = [list(range(s, s + len(d))) for s, d in zip(starts, dataset.datasets)]

    def __iter__(self):
        for part in self.parts:
            yield from _chunks(part, self.batch_size)

    def __len__(self):
        return sum(-(-len(p) // self.batch_size) for p in self.parts)


class ConcatBatchesWrong(ConcatBatchesOk):
    def __len__(self):
        return -(-sum(len(p) for p in self.parts) // self.batch_size)


class DatasetListOk(Sampler):
    """A list of datasets, each batched on its own, offsets as ConcatDataset gives them."""

    def __init__(self, datasets, batch_size):
        self.batch_size = batch_size
        self.sizes = [len(d) for d in datasets]

    def __iter__(self):
        start = 0
        for size in self.sizes:
            yield from _chunks(list(range(start, start + size)), self.batch_size)
            start += size

    def __len__(self):
        return sum(-(-s // self.batch_size) for s in self.sizes)


class DatasetListWrong(DatasetListOk):
    def __len__(self):
        return sum(s // self.batch_size for s in self.sizes)


# --- a length filter on a keyed field -------------------------------------------------------


class TokensFilterOk(Sampler):
    def __init__(self, dataset, max_len=8):
        self.keep = [i for i in range(len(dataset)) if len(dataset[i]["tokens"]) <= max_len]

    def __iter__(self):
        return iter(self.keep)

    def __len__(self):
        return len(self.keep)


class TokensFilterWrong(Sampler):
    def __init__(self, dataset, max_len=8):
        self.dataset, self.max_len = dataset, max_len

    def __iter__(self):
        return (i for i in range(len(self.dataset)) if len(self.dataset[i]["tokens"]) <= self.max_len)

    def __len__(self):
        return len(self.dataset)


# --- a parameter only handed to a helper ----------------------------------------------------


def _batch_size_of(cfg):
    return cfg.batch_size * cfg.accumulation


class HelperReadsOk(Sampler):
    def __init__(self, dataset, cfg):
        self.dataset, self.batch_size = dataset, _batch_size_of(cfg)

    def __iter__(self):
        return iter(_chunks(list(range(len(self.dataset))), self.batch_size))

    def __len__(self):
        return -(-len(self.dataset) // self.batch_size)


class HelperReadsWrong(HelperReadsOk):
    def __len__(self):
        return len(self.dataset) // self.batch_size


class MethodReadsOk(Sampler):
    """The parameter is read by a method of the class the constructor calls."""

    def __init__(self, dataset, opts):
        self.dataset = dataset
        self.batch_size = self._resolve(opts)

    @staticmethod
    def _resolve(opts):
        return opts.per_device_batch_size * opts.n_devices

    def __iter__(self):
        return iter(_chunks(list(range(len(self.dataset))), self.batch_size))

    def __len__(self):
        return -(-len(self.dataset) // self.batch_size)


class MethodReadsWrong(MethodReadsOk):
    def __len__(self):
        return len(self.dataset) // self.batch_size


# --- type hints -------------------------------------------------------------------------------


class HintedSizesOk(Sampler):
    """`List[int]` lengths and `Sequence[str]` names of the sources they come from."""

    def __init__(self, lens: List[int], names: Sequence[str], batch_size: int):
        self.batches = _buckets(lens, 4, batch_size)
        self.names = list(names)

    def __iter__(self):
        return iter(self.batches)

    def __len__(self):
        return len(self.batches)


class HintedArrayWrong(Sampler):
    """An `np.ndarray` of group ids; each group batched; len() forgets the tails."""

    def __init__(self, group_of: np.ndarray, batch_size: int):
        self.groups = [np.flatnonzero(group_of == g).tolist() for g in np.unique(group_of)]
        self.batch_size = batch_size

    def __iter__(self):
        for group in self.groups:
            yield from _chunks(group, self.batch_size)

    def __len__(self):
        return sum(len(g) for g in self.groups) // self.batch_size


class HintedTensorOk(Sampler):
    """A `torch.Tensor` of weights, sampled with replacement `num_draws` times."""

    def __init__(self, scores: torch.Tensor, num_draws: int):
        self.scores, self.num_draws = scores, num_draws

    def __iter__(self):
        if self.num_draws == 0:
            return iter([])
        return iter(torch.multinomial(self.scores.float() + 1, self.num_draws, True).tolist())

    def __len__(self):
        return self.num_draws


class HintedGroupsWrong(Sampler):
    """`Dict[int, List[int]]`: indices per class, `per_class` drawn from each."""

    def __init__(self, by_class: Dict[int, List[int]], per_class: int):
        self.by_class, self.per_class = by_class, per_class

    def __iter__(self):
        for indices in self.by_class.values():
            yield from random.sample(indices, min(self.per_class, len(indices)))

    def __len__(self):
        return len(self.by_class) * self.per_class


class TensorLengthsWrong(Sampler):
    """`lengths: torch.Tensor`: items longer than `max_len` dropped; len() counts them all."""

    def __init__(self, lengths: torch.Tensor, batch_size: int, max_len: int = 6):
        self.keep = (lengths <= max_len).nonzero().flatten().tolist()
        self.n, self.batch_size = len(lengths), batch_size

    def __iter__(self):
        return iter(_chunks(self.keep, self.batch_size))

    def __len__(self):
        return -(-self.n // self.batch_size)


class ShareOfDataOk(Sampler):
    """`keep_ratio`, None by default though every caller passes one: the first share."""

    def __init__(self, dataset, keep_ratio=None):
        self.n = int(len(dataset) * keep_ratio)

    def __iter__(self):
        return iter(range(self.n))

    def __len__(self):
        return self.n


class ShareOfDataWrong(Sampler):
    def __init__(self, dataset, keep_ratio=None):
        self.dataset, self.keep_ratio = dataset, keep_ratio

    def __iter__(self):
        return iter(range(int(len(self.dataset) * self.keep_ratio)))

    def __len__(self):
        return math.ceil(len(self.dataset) * self.keep_ratio)


class ConcatFlagsOk(Sampler):
    """mmdet: a ConcatDataset with the parts' `flag`s; each group of each part batched."""

    def __init__(self, dataset, samples_per_gpu=2):
        flag = np.asarray(dataset.flag)
        bounds = [0] + list(dataset.cumulative_sizes)
        self.batches = []
        for start, end in zip(bounds, bounds[1:]):
            for group in np.unique(flag[start:end]):
                indices = (np.flatnonzero(flag[start:end] == group) + start).tolist()
                self.batches += _chunks(indices, samples_per_gpu)
        self.group_sizes = np.bincount(flag) if len(flag) else []
        self.samples_per_gpu = samples_per_gpu

    def __iter__(self):
        return iter(self.batches)

    def __len__(self):
        return len(self.batches)


class ConcatFlagsWrong(ConcatFlagsOk):
    def __len__(self):
        return sum(-(-int(size) // self.samples_per_gpu) for size in self.group_sizes)


class ClassBalancedOk(Sampler):
    """Metric learning: `image_dict` {class: [(path, index), ...]}, batches of
    `samples_per_class` random samples of random classes, `len(index) // batch_size` of them."""

    def __init__(self, image_dict, batch_size, samples_per_class):
        assert batch_size % samples_per_class == 0, "samples per class must divide the batch size"
        self.image_dict, self.classes = image_dict, list(image_dict)
        self.batch_size, self.samples_per_class = batch_size, samples_per_class
        self.total = sum(len(samples) for samples in image_dict.values())

    def __iter__(self):
        for _ in range(self.total // self.batch_size):
            batch = []
            for _ in range(self.batch_size // self.samples_per_class):
                key = random.choice(self.classes)
                batch += [random.choice(self.image_dict[key])[-1] for _ in range(self.samples_per_class)]
            yield batch

    def __len__(self):
        return self.total // self.batch_size


class ClassBalancedWrong(ClassBalancedOk):
    def __len__(self):
        return math.ceil(self.total / self.batch_size)


class IndexListOk(Sampler):
    """`image_list` [(path, class), ...], None by default though the class takes its
    length unguarded: every caller passes one. Batches of list positions."""

    def __init__(self, batch_size, image_list=None):
        self.batch_size, self.image_list = batch_size, image_list
        self.length = len(image_list) // batch_size

    def __iter__(self):
        positions = list(range(len(self.image_list)))
        random.shuffle(positions)
        for i in range(self.length):
            yield [self.image_list[p][-1] for p in positions[i * self.batch_size : (i + 1) * self.batch_size]]

    def __len__(self):
        return self.length


class IndexListWrong(IndexListOk):
    def __len__(self):
        return math.ceil(len(self.image_list) / self.batch_size)


class InnerSamplerOk(Sampler):
    """A sampler named by its role (`train_sampler`): each index repeated; set_epoch handed on."""

    def __init__(self, train_sampler, repeats=2):
        self.train_sampler, self.repeats = train_sampler, repeats

    def set_epoch(self, epoch):
        if hasattr(self.train_sampler, "set_epoch"):
            self.train_sampler.set_epoch(epoch)

    def __iter__(self):
        for index in self.train_sampler:
            for _ in range(self.repeats):
                yield index

    def __len__(self):
        return len(self.train_sampler) * self.repeats


class InnerSamplerWrong(InnerSamplerOk):
    def __len__(self):
        return len(self.train_sampler) + self.repeats


class NumClassesOk(Sampler):
    """`dataset.num_classes` (a plural count, used as a number) and `dataset.targets`: the
    first index of each class present."""

    def __init__(self, dataset):
        self.first: Dict[int, int] = {}
        for i, target in enumerate(dataset.targets):
            self.first.setdefault(target, i)
        self.num_classes = dataset.num_classes

    def __iter__(self):
        return iter(self.first[c] for c in range(self.num_classes) if c in self.first)

    def __len__(self):
        return sum(1 for c in range(self.num_classes) if c in self.first)


class NumClassesWrong(NumClassesOk):
    def __len__(self):
        return min(self.num_classes, len(self.first) + 1)


class PickPerClassOk(Sampler):
    """`np.random.choice(indices, samples_per_class)`: the count is the second argument."""

    def __init__(self, labels, samples_per_class, batch_size):
        assert batch_size % samples_per_class == 0, "samples per class must divide the batch size"
        self.by_class: Dict[int, List[int]] = {}
        for i, label in enumerate(labels):
            self.by_class.setdefault(label, []).append(i)
        self.samples_per_class, self.batch_size = samples_per_class, batch_size

    def __iter__(self):
        classes = sorted(self.by_class)
        for _ in range(len(self)):
            batch = []
            for c in np.random.choice(classes, self.batch_size // self.samples_per_class):
                batch += np.random.choice(self.by_class[c], self.samples_per_class).tolist()
            yield batch

    def __len__(self):
        return sum(len(v) for v in self.by_class.values()) // self.batch_size
