"""__iter__ starts at a position the constructor takes, which __len__ ignores.

## What it does
Reports a sampler whose constructor takes a position (a parameter stored as
`self.<attr>`, also as `p or 0`, with a name that has `consumed`, `start`, `offset`,
`skip`, `resume`, `cursor`, `yielded` or `processed` in it) where what `__iter__` walks
starts late, while nothing the class's `__len__` returns depends on it. The walk starts
late at:

- a slice `x[self.k:]`, `range(self.k, n)` or `islice(it, self.k, None)` in `__iter__`,
  or in what the iterable `__iter__` walks is built from (`__init__`, or a helper that
  builds `self.indices`, called from `__init__` or from `__iter__`);
- `for _ in range(self.k): next(it)` before `it` is walked;
- a counter set to `self.k` that a yielding `while c < n` (or `<=`) counts up.

Nothing but resets (`self.k = 0`, `self.k = None`) may set the attribute elsewhere: a
position a setter or `load_state_dict` moves is resume state, DPL203's (a warning). The
two rules read one list of positions (`core/offsets.py`) and never report one twice.

## Why is this bad
The user who builds `SkipSampler(batches, skip=2)` gets an epoch two batches short, and
`len()` still counts them: with 5 batches, `len()` is 5 and 3 are yielded. `len(DataLoader)`
is computed from it, so Lightning and learning-rate schedules plan batches that never come,
and a progress bar stops at 3/5.

A position that `__iter__` applies once and then resets (pytorch-ignite's
`ReproducibleBatchSampler`: `start_iteration` slices the first epoch's batches, then is
set to `None`) is reported too: the epoch it shortens is the first one, the one `len()` is
asked for before training starts; later epochs agree.

## Use instead
Take the position off in `__len__`, in the unit `__iter__` skips:
`return max(0, len(self.batch_sampler) - self.skip)`. For a skip applied once, subtract
it while it is pending (`max(0, n - (self.start_iteration or 0))`), so that `len()` is
right for the epoch that comes next.

## Fix safety
No automatic fix: the unit the position counts in (indices, batches, samples of a
sharded rank) and whether `__iter__` applies it every epoch or once are the author's
decision, so the rule cannot write the subtraction that is right.

## Known problems
A position held by a local that is not `self.<attr>` (`start = self.rank * self.per`),
one a name outside the list above holds, or one applied through another object
(`Inner(n, start=start)`) is not seen. A class whose `__len__` is inherited from a torch
sampler is left to DPL203: what that `__len__` counts is set in torch's `__init__`.
A position that also ends a slice from the top (`x[self.k:] + x[:self.k]`, a rotation)
or bounds the stop of the same walk (`x[self.k : self.k + n]`, a window) is taken to keep
the count.
"""

from __future__ import annotations

from ..core.itershape import BATCH, SAMPLE
from .base import ClassRule, Invalid

_UNIT = {BATCH: "batches", SAMPLE: "indices"}


class ConstructorOffset(ClassRule):
    code = "DPL112"
    title = "__iter__ starts at a position the constructor takes, which __len__ ignores"
    gating = True
    looks_at = "where `__iter__` starts what it walks with the constructor's parameters `__len__` depends on"

    def check_class(self, ctx):
        for offset in ctx.offsets:
            if offset.param is None:
                continue
            attr, param = offset.attr, offset.param
            unit = _UNIT.get(ctx.shape.unit, "items")
            example = (
                f"{param}=2 over 5 {unit}: len() 5, 3 yielded"
                if offset.exact
                else f"{param}=2: len() as for {param}=0, fewer {unit} yielded"
            )
            message = f"__iter__ starts at self.{attr} but __len__ ignores it (e.g. {example})"
            yield self.manual(
                offset.node, message, f"subtract self.{attr} in __len__, in the unit __iter__ skips"
            )
            return

    VALID = (
        # determined's SkipBatchSampler, with the skip taken off.
        """
from torch.utils.data import BatchSampler, Sampler, SequentialSampler


class SkipCounted(Sampler):
    def __init__(self, n, batch_size, skip=0):
        self.batch_sampler = BatchSampler(SequentialSampler(range(n)), batch_size, False)
        self.skip = skip

    def __iter__(self):
        iterator = iter(self.batch_sampler)
        for _ in range(self.skip):
            try:
                next(iterator)
            except StopIteration:
                return
        yield from iterator

    def __len__(self):
        return max(0, len(self.batch_sampler) - self.skip)
""",
        # The position only seeds the shuffle.
        """
import torch
from torch.utils.data import Sampler


class SeedOnly(Sampler):
    def __init__(self, n, batch_size, start_epoch=0):
        self.n = n
        self.start_epoch = start_epoch

    def __iter__(self):
        g = torch.Generator()
        g.manual_seed(self.start_epoch)
        yield from torch.randperm(self.n, generator=g).tolist()

    def __len__(self):
        return self.n
""",
        # __len__ reaches the offset through an attribute derived from it.
        """
from torch.utils.data import Sampler


class Derived(Sampler):
    def __init__(self, n, batch_size, start_index=0):
        self.start_index = min(start_index, n)
        self.end = n
        self.num_samples = self.end - self.start_index

    def __iter__(self):
        return iter(range(self.start_index, self.end))

    def __len__(self):
        return self.num_samples
""",
        # A rotation: the head comes back at the end, the count is the same.
        """
from torch.utils.data import Sampler


class Rotated(Sampler):
    def __init__(self, n, batch_size, start=0):
        self.order = list(range(n))
        self.start = start

    def __iter__(self):
        yield from self.order[self.start :] + self.order[: self.start]

    def __len__(self):
        return len(self.order)
""",
        # A rotation by wrapping around.
        """
from torch.utils.data import Sampler


class WrappedAround(Sampler):
    def __init__(self, n, batch_size, offset=0):
        self.n = n
        self.offset = offset

    def __iter__(self):
        for i in range(self.n):
            yield (self.offset + i) % self.n

    def __len__(self):
        return self.n
""",
        # A window of fixed length: the stop moves with the start.
        """
from torch.utils.data import Sampler


class FixedWindow(Sampler):
    def __init__(self, n, batch_size, start=0):
        self.start = start
        self.length = n

    def __iter__(self):
        return iter(range(self.start, self.start + self.length))

    def __len__(self):
        return self.length
""",
        # A skip applied to the first epoch only, and counted while it is pending.
        """
from torch.utils.data import Sampler


class ResumeOnce(Sampler):
    def __init__(self, n, batch_size, start_iter=0):
        self.batches = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]
        self.start_iter = start_iter

    def __iter__(self):
        yield from self.batches[self.start_iter :]
        self.start_iter = 0

    def __len__(self):
        return max(0, len(self.batches) - self.start_iter)
""",
        # modelscope's iteration counter, with the start taken off.
        """
from torch.utils.data import Sampler


class CountedIterations(Sampler):
    def __init__(self, n, batch_size, start_iter=0):
        self.batches = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]
        self.num_iterations = n
        self.start_iter = start_iter

    def __iter__(self):
        iteration = self.start_iter
        while iteration < self.num_iterations:
            for batch in self.batches:
                if iteration >= self.num_iterations:
                    break
                iteration += 1
                yield batch

    def __len__(self):
        return max(0, self.num_iterations - self.start_iter)
""",
        # __len__ measures the sliced list itself.
        """
from torch.utils.data import Sampler


class MeasuredSlice(Sampler):
    def __init__(self, n, batch_size, start_index=0):
        self.start_index = start_index
        self.indices = list(range(n))[start_index:]

    def __iter__(self):
        for index in self.indices:
            yield index

    def __len__(self):
        return len(self.indices)
""",
        # The offset trims each batch; every batch is still yielded.
        """
from torch.utils.data import Sampler


class PerBatchOffset(Sampler):
    def __init__(self, n, batch_size, offset=0):
        chunks = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]
        self.offset = offset
        self.batches = [chunk[self.offset :] for chunk in chunks]

    def __iter__(self):
        yield from self.batches

    def __len__(self):
        return len(self.batches)
""",
        # The position fast-forwards the random stream, in a loop that yields nothing.
        """
import random
from torch.utils.data import Sampler


class FastForward(Sampler):
    def __init__(self, n, batch_size, start_epoch=0):
        self.n = n
        self.start_epoch = start_epoch
        self.epoch = start_epoch + 3

    def __iter__(self):
        rng = random.Random(0)
        for _ in range(self.start_epoch, self.epoch):
            rng.random()
        order = list(range(self.n))
        rng.shuffle(order)
        yield from order

    def __len__(self):
        return self.n
""",
        # A stepped slice picks a shard, it does not start late.
        """
from torch.utils.data import Sampler


class StartRankShard(Sampler):
    def __init__(self, n, batch_size, start_rank=0, num_replicas=3):
        self.n = n
        self.start_rank = start_rank
        self.num_replicas = num_replicas

    def __iter__(self):
        yield from list(range(self.n))[self.start_rank :: self.num_replicas]

    def __len__(self):
        return len(range(self.start_rank, self.n, self.num_replicas))
""",
    )

    INVALID = (
        Invalid(
            # determined's SkipBatchSampler.
            """
from torch.utils.data import BatchSampler, Sampler, SequentialSampler


class SkipBatches(Sampler):
    def __init__(self, n, batch_size, skip=0):
        self.batch_sampler = BatchSampler(SequentialSampler(range(n)), batch_size, False)
        self.skip = skip

    def __iter__(self):
        iterator = iter(self.batch_sampler)
        for _ in range(self.skip):  # <- DPL112
            try:
                next(iterator)
            except StopIteration:
                return
        yield from iterator

    def __len__(self):
        return len(self.batch_sampler)
""",
            manual=("subtract self.skip in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # determined's SkipSampler: a private attribute, a loop over what is left.
            """
from torch.utils.data import Sampler


class SkipRecords(Sampler):
    def __init__(self, n, batch_size, skip=0):
        self._indices = list(range(n))
        self._skip = skip

    def __iter__(self):
        iterator = iter(self._indices)
        for _ in range(self._skip):  # <- DPL112
            next(iterator, None)
        for index in iterator:
            yield index

    def __len__(self):
        return len(self._indices)
""",
            manual=("subtract self._skip in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # modelscope's IterationBasedBatchSampler: a counter from start_iter.
            """
from torch.utils.data import Sampler


class IterationCounter(Sampler):
    def __init__(self, n, batch_size, start_iter=0):
        self.batches = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]
        self.num_iterations = n
        self.start_iter = start_iter

    def __iter__(self):
        iteration = self.start_iter
        while iteration <= self.num_iterations:  # <- DPL112
            for batch in self.batches:
                iteration += 1
                if iteration > self.num_iterations:
                    break
                yield batch

    def __len__(self):
        return self.num_iterations
""",
            manual=("subtract self.start_iter in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # hezar's RangedSampler: a helper of __init__ slices what __iter__ walks.
            """
from torch.utils.data import Sampler


class RangedIndices(Sampler):
    def __init__(self, n, batch_size, start_index=None, end_index=None):
        self.start_index = start_index or 0
        self.end_index = end_index or n
        self.total_length = n
        self.indices = self._create_indices()

    def _create_indices(self):
        indices = list(range(self.total_length))
        return indices[self.start_index : self.end_index]  # <- DPL112

    def __iter__(self):
        for index in self.indices:
            yield index

    def __len__(self):
        return self.total_length
""",
            manual=("subtract self.start_index in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # pytorch-ignite's ReproducibleBatchSampler: the first epoch is short, then reset.
            """
from torch.utils.data import BatchSampler, Sampler, SequentialSampler


class ReplayBatches(Sampler):
    def __init__(self, n, batch_size, start_iteration=None):
        self.batch_sampler = BatchSampler(SequentialSampler(range(n)), batch_size, False)
        self.start_iteration = start_iteration
        self.batch_indices = []

    def setup_batch_indices(self):
        self.batch_indices = list(self.batch_sampler)
        if self.start_iteration is not None:
            self.batch_indices = self.batch_indices[self.start_iteration :]  # <- DPL112
            self.start_iteration = None

    def __iter__(self):
        self.setup_batch_indices()
        for batch in self.batch_indices:
            yield batch

    def __len__(self):
        return len(self.batch_sampler)
""",
            manual=("subtract self.start_iteration in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            """
import itertools
from torch.utils.data import Sampler


class IsliceSkip(Sampler):
    def __init__(self, n, batch_size, skip=0):
        self.n = n
        self.skip = skip

    def __iter__(self):
        return itertools.islice(iter(range(self.n)), self.skip, None)  # <- DPL112

    def __len__(self):
        return self.n
""",
            manual=("subtract self.skip in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class FromIndex(Sampler):
    def __init__(self, data_source, batch_size, start_index=0):
        self.data_source = data_source
        self.start_index = start_index

    def __iter__(self):
        return iter(range(self.start_index, len(self.data_source)))  # <- DPL112

    def __len__(self):
        return len(self.data_source)
""",
            manual=("subtract self.start_index in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # The position counts batches, the slice is in indices: not exactly k fewer.
            """
from torch.utils.data import Sampler


class BatchOffset(Sampler):
    def __init__(self, n, batch_size, start_batch=0):
        self.n = n
        self.batch_size = batch_size
        self.start_batch = start_batch

    def __iter__(self):
        indices = list(range(self.n))[self.start_batch * self.batch_size :]  # <- DPL112
        for i in range(0, len(indices), self.batch_size):
            yield indices[i : i + self.batch_size]

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size
""",
            manual=("subtract self.start_batch in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # __init__ slices by the parameter itself.
            """
from torch.utils.data import Sampler


class SlicedAtInit(Sampler):
    def __init__(self, n, batch_size, offset=0):
        self.n = n
        self.offset = offset
        self.order = list(range(n))[offset:]  # <- DPL112

    def __iter__(self):
        yield from self.order

    def __len__(self):
        return self.n
""",
            manual=("subtract self.offset in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # A skip applied once and reset, with len() the full epoch's.
            """
from torch.utils.data import Sampler


class OnceSkipped(Sampler):
    def __init__(self, n, batch_size, start_iter=0):
        self.batches = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]
        self.start_iter = start_iter

    def __iter__(self):
        yield from self.batches[self.start_iter :]  # <- DPL112
        self.start_iter = 0

    def __len__(self):
        return len(self.batches)
""",
            manual=("subtract self.start_iter in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # Megatron's shape without the subtraction.
            """
from torch.utils.data import Sampler


class ConsumedBatches(Sampler):
    def __init__(self, n, batch_size, consumed_samples=0):
        self.total_samples = n
        self.batch_size = batch_size
        self.consumed_samples = consumed_samples

    def __iter__(self):
        batch = []
        for idx in range(self.consumed_samples, self.total_samples):  # <- DPL112
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def __len__(self):
        return -(-self.total_samples // self.batch_size)
""",
            manual=("subtract self.consumed_samples in __len__, in the unit __iter__ skips",),
        ),
    )
