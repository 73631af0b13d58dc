"""Generation read from how the class uses a parameter whose kind nothing else says
(reads.use_of, arguments._from_use): called, tested, counted with, iterated, a list of
samplers, compared with strings. Each kind has a right sampler the check passes and a
wrong one it finds."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from torch.utils.data import Sampler

from flake8_dplen.check.arguments import calls
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=2.0, seed=0)


class Sized(Sampler):
    """A cost function, called: batches closed when the cost reaches the budget."""

    def __init__(self, dataset, cost_fn, budget: int = 4):
        self.dataset, self.cost_fn, self.budget = dataset, cost_fn, budget

    def _batches(self):
        batch, cost = [], 0
        for i in range(len(self.dataset)):
            batch.append(i)
            cost += self.cost_fn(i)
            if cost >= self.budget:
                yield batch
                batch, cost = [], 0
        if batch:
            yield batch

    def __iter__(self):
        return self._batches()

    def __len__(self):
        return sum(1 for _ in self._batches())


class SizedWrong(Sized):
    def __len__(self):
        return len(self.dataset) // self.budget


class Flagged(Sampler):
    """A flag, tested: it keeps or drops the tail."""

    def __init__(self, dataset, chop):
        self.dataset, self.chop = dataset, chop

    def __iter__(self):
        n = len(self.dataset)
        return iter(range(n - n % 2 if self.chop else n))

    def __len__(self):
        n = len(self.dataset)
        return n - n % 2 if self.chop else n


class FlaggedWrong(Flagged):
    def __len__(self):
        return len(self.dataset) - len(self.dataset) % 2


class PerClass(Sampler):
    """A count, in arithmetic and range()."""

    def __init__(self, dataset, per_class):
        self.dataset, self.per_class = dataset, per_class

    def __iter__(self):
        n = len(self.dataset)
        for start in range(0, n, self.per_class):
            yield list(range(start, min(start + self.per_class, n)))

    def __len__(self):
        return -(-len(self.dataset) // self.per_class)


class PerClassWrong(PerClass):
    def __len__(self):
        return len(self.dataset) // self.per_class


class Chained(Sampler):
    """A list of samplers: each iterated and len()'d."""

    def __init__(self, parts):
        self.parts = parts

    def __iter__(self):
        for part in self.parts:
            yield from iter(part)

    def __len__(self):
        return sum(len(part) for part in self.parts)


class ChainedWrong(Chained):
    def __len__(self):
        return len(self.parts) * len(self.parts[0])


class Moded(Sampler):
    """A mode, compared with strings."""

    def __init__(self, dataset, mode):
        self.dataset, self.mode = dataset, mode

    def __iter__(self):
        n = len(self.dataset)
        return iter(range(n + 1 if self.mode == "pad" else n))

    def __len__(self):
        return len(self.dataset) + (1 if self.mode == "pad" else 0)


class ModedWrong(Moded):
    def __len__(self):
        return len(self.dataset)


class FromOptions(Sampler):
    """A field of an options object whose name says nothing, used as a count."""

    def __init__(self, dataset, opt):
        self.dataset, self.opt = dataset, opt

    def __iter__(self):
        n, k = len(self.dataset), self.opt.grain
        return (list(range(i, min(i + k, n))) for i in range(0, n, k))

    def __len__(self):
        return len(self.dataset) // self.opt.grain


def _whole(n, k):
    return n - n % k


class Grouped(Sampler):
    """A group size handed to a helper of the module, which counts with it."""

    def __init__(self, dataset, per_group):
        self.dataset, self.per_group = dataset, per_group

    def __iter__(self):
        n = _whole(len(self.dataset), self.per_group)
        return (list(range(i, i + self.per_group)) for i in range(0, n, self.per_group))

    def __len__(self):
        return -(-len(self.dataset) // self.per_group)  # counts the part _whole cut off


class Stored(Sampler):
    """Stored (by a tuple assignment) and never read: it cannot change what the sampler
    does, so it is given None (README, "more read from the code")."""

    def __init__(self, dataset, thing):
        self.dataset, self.thing = dataset, thing

    def __iter__(self):
        return iter(range(len(self.dataset)))

    def __len__(self):
        return len(self.dataset)


@pytest.mark.parametrize("right, wrong", [
    (Sized, SizedWrong), (Flagged, FlaggedWrong), (PerClass, PerClassWrong),
    (Chained, ChainedWrong), (Moded, ModedWrong),
])
def test_a_parameter_is_built_from_its_use(right, wrong):
    result = check_class(right, OPTIONS)
    assert result.status == OK and result.examples > 20, (right, result.why)
    result = check_class(wrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE, (wrong, result.why)


def test_a_field_is_built_from_its_use():
    result = check_class(FromOptions, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert "opt=SimpleNamespace(grain=" in result.call.code


def test_a_parameter_is_built_from_its_use_in_a_helper():
    result = check_class(Grouped, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert "per_group=" in result.call.code


def test_a_parameter_stored_and_read_nowhere_is_none():
    # Until s9-gen a tuple store counted as a read, and the class was "could not build".
    result = check_class(Stored, OPTIONS)
    assert result.status == OK and result.examples > 20, result.why
    drawn = []
    settings(max_examples=20, database=None, derandomize=True)(
        given(calls(Stored))(lambda call: drawn.append(call.code))
    )()
    assert drawn and all("thing=None" in code for code in drawn), drawn


class Buckets(Sampler):
    """A dict of buckets, read by .keys() and by key: each bucket cut into batches."""

    def __init__(self, buckets, batch_size: int):
        self.buckets, self.batch_size = buckets, batch_size

    def __iter__(self):
        for key in sorted(self.buckets.keys()):
            items = self.buckets[key]
            for i in range(0, len(items), self.batch_size):
                yield items[i : i + self.batch_size]

    def __len__(self):
        return sum(-(-len(v) // self.batch_size) for v in self.buckets.values())


class BucketsWrong(Buckets):
    def __len__(self):
        return sum(len(v) for v in self.buckets.values()) // self.batch_size


def test_a_dict_is_built_from_its_keys_and_values():
    assert check_class(Buckets, OPTIONS).status == OK
    result = check_class(BucketsWrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert "buckets={0: [" in result.call.code


class PerLabel(Sampler):
    """Labels used as a numpy array (a list compared with a number is one bool), and a
    mask of which items to keep whose kind only .sum() says."""

    def __init__(self, labels, keep):
        self.labels, self.keep = labels, keep

    def __iter__(self):
        for c in range(int(self.labels.max()) + 1 if len(self.labels) else 0):
            (where,) = np.nonzero(self.labels == c)
            if len(where):
                yield where.tolist()[: max(1, int(self.keep.sum()))]

    def __len__(self):
        return len(np.unique(self.labels))


class PerLabelWrong(PerLabel):
    def __len__(self):
        return int(self.labels.max()) + 1 if len(self.labels) else 0


def test_an_array_is_built_from_its_numpy_use():
    result = check_class(PerLabel, OPTIONS)
    assert result.status == OK and result.examples > 20, result.why
    result = check_class(PerLabelWrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert "labels=np.array([" in result.call.code and "keep=np.array([" in result.call.code


class Bounded(Sampler):
    """Boundaries whose only reads are of an array (`.ndim`): one batch per boundary."""

    def __init__(self, dataset, bounds):
        if bounds.ndim != 1:
            raise ValueError("bounds must be 1-d")
        self.dataset, self.bounds = dataset, bounds

    def __iter__(self):
        n = len(self.dataset)
        return (list(range(n))[: int(b)] for b in np.sort(self.bounds))

    def __len__(self):
        return len(self.bounds)


class BoundedWrong(Bounded):
    def __len__(self):
        return len(np.unique(self.bounds))


def test_an_array_read_only_by_its_attributes_is_an_array():
    result = check_class(Bounded, OPTIONS)
    assert result.status == OK and result.examples > 20, result.why
    result = check_class(BoundedWrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert "bounds=np.array([" in result.call.code


class Chunked(Sampler):
    """The items cut into `chunks` chunks, each sorted longest first with torch (which
    takes a tensor, indexed by a list of positions) and batched; len() counts one batch
    per chunk however long it is."""

    def __init__(self, dataset, seqlens, batch_size: int, chunks: int = 2):
        self.n, self.seqlens, self.batch_size, self.chunks = len(dataset), seqlens, batch_size, chunks

    def _batches(self):
        per = -(-self.n // self.chunks)
        for start in range(0, self.n, per):
            chunk = list(range(start, min(start + per, self.n)))
            order = torch.argsort(self.seqlens[chunk], descending=True).tolist()
            ordered = [chunk[i] for i in order]
            for i in range(0, len(ordered), self.batch_size):
                yield ordered[i : i + self.batch_size]

    def __iter__(self):
        return self._batches()

    def __len__(self):
        return self.chunks


class ExactChunked(Chunked):
    def __len__(self):
        return sum(1 for _ in self._batches())


class ShardChunked(Sampler):
    """Builds the sampler above in __iter__, over the same lengths: they are used as it uses them."""

    def __init__(self, dataset, seqlens, batch_size: int):
        self.dataset, self.seqlens, self.batch_size = dataset, seqlens, batch_size

    def __iter__(self):
        return iter(Chunked(self.dataset, self.seqlens, self.batch_size))

    def __len__(self):
        return len(Chunked(self.dataset, self.seqlens, self.batch_size))


def test_a_list_handed_to_torch_is_a_tensor():
    assert check_class(ExactChunked, OPTIONS).status == OK
    found = check_class(Chunked, OPTIONS)
    assert found.status == COUNTEREXAMPLE and "seqlens=torch.tensor([" in found.call.code
    # Used through another class of the module that the sampler builds with it.
    assert check_class(ShardChunked, OPTIONS).status == COUNTEREXAMPLE


class Interleaved(Sampler):
    """Takes turns between the samplers of its feeds, each a dict read by key (and
    checked for the key first); len() counts the shortest feed once per feed, while
    __iter__ runs until every feed is spent."""

    def __init__(self, feeds):
        assert all("sampler" in feed for feed in feeds), "each feed needs a sampler"
        self.samplers = [feed["sampler"] for feed in feeds]

    def __iter__(self):
        running = [iter(sampler) for sampler in self.samplers]
        while running:
            for it in list(running):
                try:
                    yield next(it)
                except StopIteration:
                    running.remove(it)

    def __len__(self):
        return min(map(len, self.samplers)) * len(self.samplers) if self.samplers else 0


class ExactInterleaved(Interleaved):
    def __len__(self):
        return sum(map(len, self.samplers))


def test_a_dict_read_by_constant_keys_has_those_keys():
    assert check_class(ExactInterleaved, OPTIONS).status == OK
    found = check_class(Interleaved, OPTIONS)
    assert found.status == COUNTEREXAMPLE and "feeds=[{'sampler': " in found.call.code


class Cuts(Sampler):
    """Cuts the items at the points of a tensor (it refuses anything else); a batch
    between each two points that holds two items or more. len() counts every pair."""

    def __init__(self, dataset, cuts):
        if not torch.is_tensor(cuts):
            raise TypeError("cuts must be a tensor")
        self.n, self.cuts = len(dataset), torch.unique(cuts).tolist()

    def _batches(self):
        for low, high in zip(self.cuts, self.cuts[1:]):
            if min(high, self.n) - low >= 2:
                yield list(range(low, min(high, self.n)))

    def __iter__(self):
        return self._batches()

    def __len__(self):
        return max(0, len(self.cuts) - 1)


class ExactCuts(Cuts):
    def __len__(self):
        return sum(1 for _ in self._batches())


def test_a_value_whose_name_says_nothing_is_a_tensor_where_torch_is_asked():
    assert check_class(ExactCuts, OPTIONS).status == OK
    found = check_class(Cuts, OPTIONS)
    assert found.status == COUNTEREXAMPLE and "cuts=torch.tensor([" in found.call.code
