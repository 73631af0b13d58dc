"""__len__ and __iter__ disagree on whether the count depends on the batch size.

## What it does
Reports a sampler whose `__len__` divides by a batch size (an attribute or parameter
named like `batch_size`) while `__iter__` yields single indices, never reads that batch
size, calls no method of the sampler and reads no attribute computed from it; or whose
`__iter__` yields once per `range(start, stop, <batch size>)` step while nothing
`__len__` returns depends on the batch size.

## Why is this bad
One side changes with the batch size and the other does not, so they cannot agree for
every batch size: a `__len__` of `n // batch_size` over an `__iter__` of `n` indices is
right only for batch size 1 (10 indices, batch size 3: `len()` 3, 10 indices yielded),
and a `__len__` of `n` over batches of `batch_size` overcounts as soon as it is 2.
Usually a sampler and a batch sampler were mixed up: `DataLoader(batch_size=...)` batches
a sampler's indices itself and takes `len()` as a number of indices; a `batch_sampler`'s
`len()` must be the number of batches.

## Use instead
Count what `__iter__` yields: indices for a sampler (`len(self.data_source)`), batches
for a batch sampler (`(n + batch_size - 1) // batch_size`, or `n // batch_size` when the
last partial batch is dropped).

## Fix safety
No automatic fix: which side is meant (a sampler or a batch sampler) is the author's
decision. Left for a manual fix.

## Known problems
Only names that say "batch" (`batch_size`, `max_batch_size`, `bs`) are taken for a batch
size; a divisor under another name is not judged.
"""

from __future__ import annotations

from typing import Iterable

import libcst as cst

from ..core.itershape import SAMPLE
from ..core.names import last_name
from ..core.prefilter import BATCH_NAME
from .base import ClassRule, Invalid, batch_divisor

_REASON = (
    "make __len__ count what __iter__ yields: indices for a sampler, batches for a batch sampler "
    "(decide which this class is)"
)


class BatchSizeUnit(ClassRule):
    code = "DPL109"
    title = "__len__ and __iter__ disagree on whether the count depends on the batch size"
    gating = True
    looks_at = "the batch size `__len__` divides by with what `__iter__` yields and steps by"

    def check_class(self, ctx):
        length = ctx.index.methods.get("__len__")
        if length is None or not ctx.defines("__len__") or ctx.shape.func is None or ctx.iter.bound_by_len:
            return
        reached = list(ctx.flow.reach(ctx.len_roots()))
        divisor = next(filter(None, (batch_divisor(r.node) for r in reached)), None)
        if divisor is not None:
            node, size = divisor
            if ctx.shape.unit == SAMPLE and not _iter_may_use(ctx, size):
                message = (
                    f"__len__ divides by {size} but __iter__ yields single indices "
                    f"(e.g. 10 indices, {size} 3: len() 3 or 4, 10 yielded)"
                )
                yield self.manual(node, message, _REASON)
            return
        for step in ctx.shape.steps:
            size = last_name(step)
            if size and BATCH_NAME.search(size) and not _involves((r.node for r in reached), size):
                message = (
                    f"__iter__ yields once per {ctx.short(step, 30)} indices but __len__ ignores {size} "
                    f"(e.g. {size} 2 halves the batches, not len())"
                )
                yield self.manual(length.name, message, _REASON)
                return

    VALID = (
        # torch's BatchSampler arithmetic: both sides depend on batch_size.
        """
import torch
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        order = torch.randperm(self.n).tolist()
        for i in range(0, self.n, self.batch_size):
            yield order[i : i + self.batch_size]

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size
""",
        # Divides by the number of replicas, not by a batch size.
        """
from torch.utils.data import Sampler


class Shard(Sampler):
    def __init__(self, n, num_replicas, rank=0):
        self.n = n
        self.num_replicas = num_replicas
        self.rank = rank

    def __iter__(self):
        yield from range(self.rank, self.n - self.n % self.num_replicas, self.num_replicas)

    def __len__(self):
        return self.n // self.num_replicas
""",
        # One index per batch: __iter__ steps by batch_size too.
        """
from torch.utils.data import Sampler


class FirstOfBatch(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        for start in range(0, self.n, self.batch_size):
            yield start

    def __len__(self):
        return -(-self.n // self.batch_size)
""",
        # __iter__ reads an attribute computed from batch_size.
        """
from torch.utils.data import Sampler


class Steps(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.num_batches = n // batch_size

    def __iter__(self):
        for step in range(self.num_batches):
            yield step

    def __len__(self):
        return self.n // self.batch_size
""",
        # The indices come from a helper: not judged.
        """
from torch.utils.data import Sampler


class Helper(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def _starts(self):
        return range(0, self.n, self.batch_size)

    def __iter__(self):
        yield from self._starts()

    def __len__(self):
        return -(-self.n // self.batch_size)
""",
        # __len__ reaches batch_size through __init__.
        """
import math
from torch.utils.data import Sampler


class Planned(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.num_batches = math.ceil(n / batch_size)

    def __iter__(self):
        for i in range(0, self.n, self.batch_size):
            yield list(range(i, min(i + self.batch_size, self.n)))

    def __len__(self):
        return self.num_batches
""",
        # Through a module function that takes the batch size.
        """
from torch.utils.data import Sampler


def make_plan(n, batch_size):
    return [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]


class FromPlan(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.plan = make_plan(n, batch_size)

    def __iter__(self):
        for i in range(0, self.n, self.batch_size):
            yield list(range(i, min(i + self.batch_size, self.n)))

    def __len__(self):
        return len(self.plan)
""",
        # Slices by the batch size but yields once per group: the count is the groups'.
        """
from torch.utils.data import Sampler


class Heads(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(i, min(i + 4, n))) for i in range(0, n, 4)]
        self.batch_size = batch_size

    def __iter__(self):
        for group in self.groups:
            yield group[: self.batch_size]

    def __len__(self):
        return len(self.groups)
""",
        # A batch sampler that fills batches with append: both sides depend on batch_size.
        """
from torch.utils.data import Sampler


class Greedy(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size
""",
        # Counts indices and yields indices; the batch size is only carried along.
        """
import torch
from torch.utils.data import Sampler


class Carried(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        return iter(torch.randperm(self.n).tolist())

    def __len__(self):
        return self.n
""",
    )

    INVALID = (
        Invalid(
            """
import torch
from torch.utils.data import Sampler


class Mixed(Sampler):
    def __init__(self, data_source, batch_size):
        self.data_source = data_source
        self.batch_size = batch_size

    def __iter__(self):
        yield from torch.randperm(len(self.data_source)).tolist()

    def __len__(self):
        return len(self.data_source) // self.batch_size  # <- DPL109
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class CeilOverIndices(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        return iter(range(self.n))

    def __len__(self):
        return -(-self.n // self.batch_size)  # <- DPL109
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import math
import torch
from torch.utils.data import Sampler


class CeilCall(Sampler):
    def __init__(self, n, batch_size):
        self.indices = list(range(n))
        self.batch_size = batch_size

    def __iter__(self):
        for i in torch.randperm(len(self.indices)):
            yield int(i)

    def __len__(self):
        return math.ceil(len(self.indices) / self.batch_size)  # <- DPL109
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The division happens in __init__.
            """
from torch.utils.data import Sampler


class InitDivides(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.num_batches = (n + batch_size - 1) // batch_size  # <- DPL109

    def __iter__(self):
        for i in range(self.n):
            yield i

    def __len__(self):
        return self.num_batches
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import random
from torch.utils.data import Sampler


class ShuffledIndices(Sampler):
    def __init__(self, dataset, batch_size):
        self.dataset = dataset
        self.batch_size = batch_size

    def __iter__(self):
        indices = list(range(len(self.dataset)))
        random.shuffle(indices)
        return iter(indices)

    def __len__(self):
        return (len(self.dataset) + self.batch_size - 1) // self.batch_size  # <- DPL109
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import torch
from torch.utils.data import Sampler


class PhysicalCount(Sampler):
    def __init__(self, n, max_batch_size):
        self.n = n
        self.max_batch_size = max_batch_size

    def __iter__(self):
        return iter(torch.randperm(self.n).tolist())

    def __len__(self):
        return self.n // self.max_batch_size  # <- DPL109
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Batches of batch_size, counted as indices.
            """
from torch.utils.data import Sampler


class BatchesCountedAsIndices(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        for i in range(0, self.n, self.batch_size):
            yield list(range(i, min(i + self.batch_size, self.n)))

    def __len__(self):  # <- DPL109
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import torch
from torch.utils.data import Sampler


class PermutedBatches(Sampler):
    def __init__(self, data_source, batch_size):
        self.data_source = data_source
        self.batch_size = batch_size

    def __iter__(self):
        order = torch.randperm(len(self.data_source)).tolist()
        for start in range(0, len(order), self.batch_size):
            yield order[start : start + self.batch_size]

    def __len__(self):  # <- DPL109
        return len(self.data_source)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Per group, batches of bs; counted as the number of indices.
            """
from torch.utils.data import Sampler


class GroupBatches(Sampler):
    def __init__(self, n, bs):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.bs = bs

    def __iter__(self):
        for group in self.groups:
            for i in range(0, len(group), self.bs):
                yield group[i : i + self.bs]

    def __len__(self):  # <- DPL109
        return sum(len(group) for group in self.groups)
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class SizedBatches(Sampler):
    def __init__(self, data, batch_size):
        self.num_samples = len(data)
        self.batch_size = batch_size

    def __iter__(self):
        for start in range(0, self.num_samples, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.num_samples)))

    def __len__(self):  # <- DPL109
        return self.num_samples
""",
            manual=(_REASON,),
        ),
    )


def _involves(nodes: Iterable[cst.CSTNode], size: str) -> bool:
    return any(last_name(node) == size for node in nodes if isinstance(node, (cst.Name, cst.Attribute)))


def _iter_may_use(ctx, size: str) -> bool:
    """__iter__ reads the batch size, calls a method of the sampler, or reads an attribute
    whose value comes from the batch size: then what it yields may depend on it."""
    fn = ctx.index.function(ctx.shape.func)
    if any(read.attr.value == size for read in ctx.shape.reads):
        return True
    if any(
        isinstance(fn.parents.get(read), cst.Call) and fn.parents[read].func is read
        for read in ctx.shape.reads
    ):
        return True
    return _involves((r.node for r in ctx.flow.reach([(read, fn) for read in ctx.shape.reads])), size)
