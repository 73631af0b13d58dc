"""inherited __len__ counts another unit than the overriding __iter__ yields.

## What it does
Reports a sampler that overrides `__iter__` but not `__len__`, when the `__len__` it
inherits counts single indices and the new `__iter__` yields batches (lists of indices),
or the other way round. The inherited length is a torch sampler's (`BatchSampler` counts
batches; `RandomSampler`, `SequentialSampler`, `SubsetRandomSampler`,
`WeightedRandomSampler` and `DistributedSampler` count indices) or that of a base class
in the module, whose unit is what its own `__iter__` yields.

## Why is this bad
With batches of more than one index the two cannot agree: 10 indices in batches of 3
are 4 batches, and a `__len__` that counts indices says 10 (or, counting batches while
single indices are yielded, says 4 for 10 items). `len(DataLoader)` passes that number
to progress bars and schedulers, and Lightning ends the epoch after it: 4 of 10 items
when the length counts batches, or it waits for batches that never come.

## Use instead
Define `__len__` in the subclass, counting what its `__iter__` yields: the number of
batches (`(n + batch_size - 1) // batch_size`, or `n // batch_size` when the last
partial batch is dropped), or the number of indices.

## Fix safety
No automatic fix: the count depends on how the new `__iter__` batches (tails, drop_last),
which only its author can say. Left for a manual fix.

## Known problems
Batches are taken for batches only when `__iter__` reads a batch size (`self.batch_size`,
`self.bs`): a list per index (`yield list(self.data_source[i])`) is one item. Only
reported when both units are certain: an `__iter__` that yields what another object
yields (`for b in self.batch_sampler: yield b`), a list display (`[i]`, `[i, j]`) or a
call it cannot see into is not judged. A subclass that keeps the unit but loops, pads or
draws from another sampler to a different total is not reported here: DPL113 reports one
that grows, cuts or repeats the items of `super().__iter__()`.
"""

from __future__ import annotations

from typing import Optional, Tuple

import libcst as cst

from ..core.classindex import FunctionIndex
from ..core.itershape import BATCH, SAMPLE, iter_shape
from ..core.prefilter import BATCH_NAME
from ..core.samplers import torch_len_base
from .base import ClassRule, Invalid

_WHAT = {SAMPLE: "indices", BATCH: "batches"}
_EXAMPLE = {
    (SAMPLE, BATCH): "10 indices by 3: len() 10, 4 yielded",
    (BATCH, SAMPLE): "10 indices by 3: len() 4, 10 yielded",
}


class InheritedLen(ClassRule):
    code = "DPL107"
    title = "inherited __len__ counts another unit than the overriding __iter__ yields"
    gating = True
    looks_at = "what an overriding `__iter__` yields with what the inherited `__len__` counts"

    def check_class(self, ctx):
        if ctx.defines("__len__") or not ctx.defines("__iter__"):
            return
        yielded = ctx.shape.unit
        if yielded not in _WHAT:
            return
        if yielded == BATCH and not any(BATCH_NAME.search(read.attr.value) for read in ctx.shape.reads):
            return  # lists not cut by a batch size may be one item each (a group per index)
        inherited = _inherited_unit(ctx)
        if inherited is None or inherited[1] not in _WHAT or inherited[1] == yielded:
            return
        origin, counted = inherited
        message = (
            f"__iter__ yields {_WHAT[yielded]} but the inherited {origin}.__len__ counts {_WHAT[counted]} "
            f"(e.g. {_EXAMPLE[counted, yielded]})"
        )
        reason = f"define __len__ in {ctx.cls.name.value} to count the " + (
            "batches its __iter__ yields" if yielded == BATCH else "indices its __iter__ yields"
        )
        yield self.manual(ctx.shape.func.name, message, reason)

    VALID = (
        # torch's own pattern: a BatchSampler that batches its sampler as the parent does.
        """
from torch.utils.data import BatchSampler


class SortedBatches(BatchSampler):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield sorted(batch)
                batch = []
        if batch and not self.drop_last:
            yield sorted(batch)
""",
        # Only reorders: still one index at a time.
        """
import torch
from torch.utils.data import RandomSampler


class SeededRandom(RandomSampler):
    def __iter__(self):
        g = torch.Generator()
        g.manual_seed(1234)
        yield from torch.randperm(len(self.data_source), generator=g).tolist()
""",
        """
from torch.utils.data import SequentialSampler


class Reversed(SequentialSampler):
    def __iter__(self):
        return iter(range(len(self.data_source) - 1, -1, -1))
""",
        # Calls the parent's __iter__: whatever it yields, the parent's len counts it.
        """
from torch.utils.data import RandomSampler


class Logged(RandomSampler):
    def __iter__(self):
        for idx in super().__iter__():
            yield idx
""",
        """
from torch.utils.data import BatchSampler


class Counted(BatchSampler):
    def __iter__(self):
        self.epochs = getattr(self, "epochs", 0) + 1
        yield from super().__iter__()
""",
        # DistributedSampler's own padding and assert, one index at a time.
        """
import torch
from torch.utils.data import DistributedSampler


class ReverseDistributed(DistributedSampler):
    def __iter__(self):
        indices = list(range(len(self.dataset)))[::-1]
        padding = self.total_size - len(indices)
        indices += (indices * (padding // max(len(indices), 1) + 1))[:padding]
        indices = indices[self.rank : self.total_size : self.num_replicas]
        assert len(indices) == self.num_samples
        return iter(indices)
""",
        # A base of the module that yields batches; the subclass shuffles the same batches.
        """
import random
from torch.utils.data import Sampler


class ChunkSampler(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size


class ShuffledChunks(ChunkSampler):
    def __iter__(self):
        batches = [list(range(s, min(s + self.batch_size, self.n))) for s in range(0, self.n, self.batch_size)]
        random.shuffle(batches)
        yield from batches
""",
        # One index per step, wrapped in a list: a list display is not a batch.
        """
from torch.utils.data import SequentialSampler


class Tagged(SequentialSampler):
    def __iter__(self):
        for i in range(len(self.data_source)):
            yield [i]
""",
        # One list per item of the data source, not cut by a batch size.
        """
from torch.utils.data import SequentialSampler


class GroupLists(SequentialSampler):
    def __iter__(self):
        for i in range(len(self.data_source)):
            yield list(self.data_source[i])
""",
        # The base has no __len__: nothing is inherited.
        """
import torch
from torch.utils.data import Sampler


class Base(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size


class Chunks(Base):
    def __iter__(self):
        order = torch.randperm(self.n).tolist()
        for i in range(0, self.n, self.batch_size):
            yield order[i : i + self.batch_size]
""",
        # The subclass defines its own __len__ for the batches it yields.
        """
import torch
from torch.utils.data import RandomSampler


class RandomBatches(RandomSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)
        self.batch_size = batch_size

    def __iter__(self):
        order = torch.randperm(len(self.data_source)).tolist()
        for i in range(0, len(order), self.batch_size):
            yield order[i : i + self.batch_size]

    def __len__(self):
        return (len(self.data_source) + self.batch_size - 1) // self.batch_size
""",
        # What a helper returns is not seen: not judged.
        """
import torch
from torch.utils.data import RandomSampler


class Stratified(RandomSampler):
    def __iter__(self):
        yield from self._order()

    def _order(self):
        return torch.randperm(len(self.data_source)).tolist()
""",
    )

    INVALID = (
        Invalid(
            """
import torch
from torch.utils.data import RandomSampler


class BatchedRandom(RandomSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)
        self.batch_size = batch_size

    def __iter__(self):  # <- DPL107
        order = torch.randperm(len(self.data_source)).tolist()
        for i in range(0, len(order), self.batch_size):
            yield order[i : i + self.batch_size]
""",
            manual=("define __len__ in BatchedRandom to count the batches its __iter__ yields",),
        ),
        Invalid(
            """
from torch.utils.data import SequentialSampler


class GreedyBatches(SequentialSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)
        self.batch_size = batch_size

    def __iter__(self):  # <- DPL107
        batch = []
        for idx in range(len(self.data_source)):
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch
""",
            manual=("define __len__ in GreedyBatches to count the batches its __iter__ yields",),
        ),
        Invalid(
            """
from torch.utils.data.distributed import DistributedSampler


class DistributedBatches(DistributedSampler):
    def __init__(self, dataset, batch_size, num_replicas=1, rank=0):
        super().__init__(dataset, num_replicas=num_replicas, rank=rank, shuffle=False)
        self.batch_size = batch_size

    def __iter__(self):  # <- DPL107
        indices = list(range(self.rank, len(self.dataset), self.num_replicas))
        return iter([indices[i : i + self.batch_size] for i in range(0, len(indices), self.batch_size)])
""",
            manual=("define __len__ in DistributedBatches to count the batches its __iter__ yields",),
        ),
        Invalid(
            # Yields indices where the parent counts batches.
            """
import torch
from torch.utils.data import BatchSampler


class FlatBatchSampler(BatchSampler):
    def __iter__(self):  # <- DPL107
        yield from torch.randperm(len(self.sampler)).tolist()
""",
            manual=("define __len__ in FlatBatchSampler to count the indices its __iter__ yields",),
        ),
        Invalid(
            """
from torch.utils.data import BatchSampler


class IndexPerStep(BatchSampler):
    def __iter__(self):  # <- DPL107
        for i in range(len(self.sampler)):
            yield i
""",
            manual=("define __len__ in IndexPerStep to count the indices its __iter__ yields",),
        ),
        Invalid(
            # A base of the module that counts indices; the subclass splits them into batches.
            """
import torch
from torch.utils.data import Sampler


class IndexSampler(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        return iter(torch.randperm(self.n).tolist())

    def __len__(self):
        return self.n


class SplitSampler(IndexSampler):
    def __iter__(self):  # <- DPL107
        for chunk in torch.split(torch.randperm(self.n), self.batch_size):
            yield chunk.tolist()
""",
            manual=("define __len__ in SplitSampler to count the batches its __iter__ yields",),
        ),
        Invalid(
            # A base of the module that counts batches; the subclass yields indices.
            """
from torch.utils.data import Sampler


class Batches(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size


class Flat(Batches):
    def __iter__(self):  # <- DPL107
        return iter(range(self.n))
""",
            manual=("define __len__ in Flat to count the indices its __iter__ yields",),
        ),
        Invalid(
            # Two levels down: the length comes from the grandparent.
            """
import torch
from torch.utils.data import Sampler


class Indices(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        yield from range(self.n)

    def __len__(self):
        return self.n


class Shuffled(Indices):
    seed = 0


class ShuffledBatches(Shuffled):
    def __iter__(self):  # <- DPL107
        order = torch.randperm(self.n)
        for i in range(0, self.n, self.batch_size):
            yield order[i : i + self.batch_size].tolist()
""",
            manual=("define __len__ in ShuffledBatches to count the batches its __iter__ yields",),
        ),
        Invalid(
            """
from torch.utils.data import SubsetRandomSampler


class SubsetBatches(SubsetRandomSampler):
    def __init__(self, indices, batch_size):
        super().__init__(indices)
        self.batch_size = batch_size

    def __iter__(self):  # <- DPL107
        chunks = [list(self.indices[i : i + self.batch_size]) for i in range(0, len(self.indices), self.batch_size)]
        return iter(chunks)
""",
            manual=("define __len__ in SubsetBatches to count the batches its __iter__ yields",),
        ),
        Invalid(
            # The base reached through a module alias.
            """
from torch.utils.data import sampler as samplers


class RangeBatches(samplers.SequentialSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)
        self.batch_size = batch_size

    def __iter__(self):  # <- DPL107
        n = len(self.data_source)
        for start in range(0, n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, n)))
""",
            manual=("define __len__ in RangeBatches to count the batches its __iter__ yields",),
        ),
        Invalid(
            """
import torch
from torch.utils.data import WeightedRandomSampler


class WeightedBatches(WeightedRandomSampler):
    def __init__(self, weights, num_samples, batch_size):
        super().__init__(weights, num_samples)
        self.batch_size = batch_size

    def __iter__(self):  # <- DPL107
        drawn = torch.multinomial(self.weights, self.num_samples, self.replacement)
        for i in range(0, self.num_samples, self.batch_size):
            yield drawn[i : i + self.batch_size].tolist()
""",
            manual=("define __len__ in WeightedBatches to count the batches its __iter__ yields",),
        ),
    )


def _inherited_unit(ctx) -> Optional[Tuple[str, Optional[str]]]:
    """(where __len__ comes from, what it counts): the nearest base of the module that
    defines __len__, judged by the __iter__ it has, else the torch sampler inherited."""
    for position, klass in enumerate(ctx.lineage[1:], 1):
        if any(isinstance(s, cst.FunctionDef) and s.name.value == "__len__" for s in klass.body.body):
            func = _first_method(ctx.lineage[position:], "__iter__")
            fn = FunctionIndex.build(func) if func is not None else None
            return klass.name.value, iter_shape(func, fn, ctx.imports).unit
    base = torch_len_base(ctx.lineage, ctx.imports)
    if base is None:
        return None
    return base, BATCH if base == "BatchSampler" else SAMPLE


def _first_method(lineage, name: str) -> Optional[cst.FunctionDef]:
    for klass in lineage:
        for stmt in klass.body.body:
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
                return stmt
    return None
