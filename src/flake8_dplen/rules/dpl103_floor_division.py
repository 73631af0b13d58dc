"""// drops the partial batch __iter__ yields.

## What it does
Reports `a // b` on the way to `__len__` when `b` is a size `__iter__` batches by and
`__iter__` yields a final partial batch (always, or when `drop_last` is false), unless
`a % b` also feeds `__len__` or decides there whether a tail is added.

## Why is this bad
`//` counts full batches only. When `__iter__` also yields the short remainder, `len()`
is one short for every size that is not a multiple of the batch size.

## Use instead
Ceiling division `-(-a // b)`, or `a // b if self.drop_last else -(-a // b)` when both
paths exist. `//` itself is as common in correct samplers as in broken ones, so the rule
speaks only with evidence of a yielded tail.

## Fix safety
Safe when the tail is yielded on the value's path; when it is yielded only without
`drop_last`, the fix splits on `self.drop_last` and is written only inside `__len__`.
Otherwise manual, with the reason.

## Known problems
A tail that `__iter__` yields through a helper it calls is not seen, so no finding.
"""

from __future__ import annotations

from typing import Union

import libcst as cst

from ..core.context import Fix, SamplerContext
from ..core.flow import Reached
from ..core.iterfacts import KEEP, YES
from ..core.rounding import is_ceil_idiom
from ..fixes.codegen import ceil_div_code, operand, parse_like
from .base import Invalid, Rule, under_drop_last, where


def _ceil_floordiv(ctx: SamplerContext, site: Reached) -> Union[Fix, str]:
    """`a // b` -> `-(-a // b)` where the tail is yielded; split on drop_last where both happen."""
    node: cst.BinaryOperation = site.node
    ceil_code = ceil_div_code(ctx, node.left, node.right)
    if ctx.iter.partial == YES or (site.guard and site.guard[0] == KEEP):
        return Fix(node, parse_like(ceil_code, node))
    drop_last = ctx.iter.drop_last
    if drop_last is None or site.fn is None or site.fn.func.name.value != "__len__":
        return "the count must differ by drop_last, and no `self.drop_last` is in reach here"
    floor_code = f"{operand(ctx, node.left)} // {operand(ctx, node.right)}"
    code = f"({floor_code} if {ctx.code(drop_last)} else {ceil_code})"
    return Fix(node, cst.parse_expression(code))


class FloorDivision(Rule):
    code = "DPL103"
    title = "// drops the partial batch __iter__ yields"
    gating = True
    kinds = frozenset({"floordiv"})

    def check(self, ctx, site, kind):
        node: cst.BinaryOperation = site.node
        parent = site.fn.parents.get(node) if site.fn is not None else None
        if (
            is_ceil_idiom(node, parent, ctx.code)
            or ctx.consistent(site)
            or ctx.remainder_taken(node, site.fn)
        ):
            return None
        if under_drop_last(site):
            return None
        if ctx.iter.partial not in (YES, KEEP):
            return None
        if ctx.as_self_attr(node.right, site.fn) not in ctx.iter.attrs:
            # Not divided by a size __iter__ batches by (`len(pairs) // 2`): not a batch count.
            return None
        tail = "yields" if ctx.iter.partial == YES else "yields when drop_last is false"
        message = (
            f"{ctx.short(node)} floors, but __iter__ {tail} a final partial batch, so __len__ undercounts; "
            f"use ceiling division -(-a // b){where(site)}"
        )
        return self.finding(site, message, lambda: _ceil_floordiv(ctx, site), at=node.operator)

    VALID = (
        # torch's BatchSampler: // under drop_last, ceiling division otherwise.
        """
from torch.utils.data import Sampler


class MyBatches(Sampler):
    def __init__(self, sampler, batch_size, drop_last):
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size
""",
        """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return -(-self.n // self.bs)
""",
        """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return (self.n - 1) // self.bs + 1
""",
        """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return (self.n + (self.bs - 1)) // self.bs
""",
        # Full batches only: no evidence of a tail in __iter__.
        """
from torch.utils.data import Sampler


class FullBatches(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(self.n // self.bs):
            yield list(range(i * self.bs, (i + 1) * self.bs))

    def __len__(self):
        return self.n // self.bs
""",
        # Pads up to len(self): the count is bound by len().
        """
from torch.utils.data import Sampler


class Padded(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield [(i * self.bs + j) % self.n for j in range(self.bs)]

    def __len__(self):
        return self.n // self.bs
""",
        # drop_last decided in __init__.
        """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last
        if drop_last:
            self.count = n // bs
        else:
            self.count = -(-n // bs)

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.bs:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        return self.count
""",
        # Early return on the keep-last path; the // after it runs only under drop_last.
        """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.bs:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if not self.drop_last:
            return (self.n + self.bs - 1) // self.bs
        return self.n // self.bs
""",
        # Conditional expression on drop_last.
        """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.bs:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        return self.n // self.bs if self.drop_last else -(-self.n // self.bs)
""",
        # Index sampler: // of the dataset over replicas, __iter__ yields indices, no batches.
        """
import torch
from torch.utils.data import Sampler


class Shard(Sampler):
    def __init__(self, dataset, num_replicas, rank):
        self.dataset = dataset
        self.num_replicas = num_replicas
        self.rank = rank
        self.num_samples = len(dataset) // num_replicas

    def __iter__(self):
        indices = torch.randperm(len(self.dataset)).tolist()
        indices = indices[: self.num_samples * self.num_replicas]
        return iter(indices[self.rank::self.num_replicas])

    def __len__(self):
        return self.num_samples
""",
        # A Dataset is never reported.
        """
from torch.utils.data import Dataset


class Windows(Dataset):
    def __init__(self, n, size):
        self.n, self.size = n, size

    def __iter__(self):
        for start in range(0, self.n, self.size):
            yield start

    def __len__(self):
        return self.n // self.size
""",
        # From sentence-transformers: the tail is added by an increment whose test takes the remainder.
        """
from torch.utils.data import Sampler


class Stream(Sampler):
    def __init__(self, n, batch_size, drop_last=False):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if not self.drop_last and batch:
            yield batch

    def __len__(self):
        count = self.n // self.batch_size
        if not self.drop_last and self.n % self.batch_size:
            count += 1
        return count
""",
        # From sentence-transformers: a // that counts pairs of items, not batches.
        """
from torch.utils.data import Sampler


class PairStream(Sampler):
    def __init__(self, groups, batch_size, drop_last=False):
        self.groups = groups
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.stream_length = 2 * sum(len(g) // 2 for g in groups)

    def __iter__(self):
        batch = []
        for group in self.groups:
            for i in group[: len(group) // 2 * 2]:
                batch.append(i)
                if len(batch) == self.batch_size:
                    yield batch
                    batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return self.stream_length // self.batch_size
        return -(-self.stream_length // self.batch_size)
""",
    )

    INVALID = (
        Invalid(
            """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.n // self.bs  # <- DPL103
""",
            fix="""
@@ -14 +14 @@
-        return self.n // self.bs  # <- DPL103
+        return -(-self.n // self.bs)  # <- DPL103
""",
        ),
        Invalid(
            """
import torch.utils.data as tud


class MyBatches(tud.BatchSampler):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def __len__(self):
        return len(self.sampler) // self.batch_size  # <- DPL103
""",
            fix="""
@@ -17 +17 @@
-        return len(self.sampler) // self.batch_size  # <- DPL103
+        return -(-len(self.sampler) // self.batch_size)  # <- DPL103
""",
        ),
        Invalid(
            # drop_last=False path of a tail guarded by drop_last.
            """
from torch.utils.data import BatchSampler as BS


class MyBatches(BS):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if len(batch) > 0 and not self.drop_last:
            yield batch

    def __len__(self):
        return len(self.sampler) // self.batch_size  # <- DPL103
""",
            fix="""
@@ -17 +17,5 @@
-        return len(self.sampler) // self.batch_size  # <- DPL103
+        return (
+            len(self.sampler) // self.batch_size
+            if self.drop_last
+            else -(-len(self.sampler) // self.batch_size)
+        )  # <- DPL103
""",
        ),
        Invalid(
            # In __init__ through an attribute.
            """
import math
import numpy as np
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, sampler, max_size, batch_size):
        self.sampler = sampler
        self.max_size = max_size
        self.count = len(sampler) * batch_size // max_size  # <- DPL103

    def __iter__(self):
        for batch in self.sampler:
            yield from np.array_split(batch, math.ceil(len(batch) / self.max_size))

    def __len__(self):
        return self.count
""",
            fix="""
@@ -11 +11 @@
-        self.count = len(sampler) * batch_size // max_size  # <- DPL103
+        self.count = -(-(len(sampler) * batch_size) // max_size)  # <- DPL103
""",
        ),
        Invalid(
            # Through a helper method.
            """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def _count(self):
        return self.n // self.bs  # <- DPL103

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self._count()
""",
            fix="""
@@ -10 +10 @@
-        return self.n // self.bs  # <- DPL103
+        return -(-self.n // self.bs)  # <- DPL103
""",
        ),
        Invalid(
            # Through a property.
            """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    @property
    def count(self):
        return self.n // self.bs  # <- DPL103

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.count
""",
            fix="""
@@ -11 +11 @@
-        return self.n // self.bs  # <- DPL103
+        return -(-self.n // self.bs)  # <- DPL103
""",
        ),
        Invalid(
            # Through a local.
            """
import torch
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        yield from torch.split(torch.arange(self.n), self.bs)

    def __len__(self):
        batches = self.n // self.bs  # <- DPL103
        return batches
""",
            fix="""
@@ -14 +14 @@
-        batches = self.n // self.bs  # <- DPL103
+        batches = -(-self.n // self.bs)  # <- DPL103
""",
        ),
        Invalid(
            # The drop_last=False branch of __len__ floors too.
            """
from torch.utils.data import BatchSampler


class MyBatches(BatchSampler):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        else:
            return len(self.sampler) // self.batch_size  # <- DPL103
""",
            fix="""
@@ -20 +20 @@
-            return len(self.sampler) // self.batch_size  # <- DPL103
+            return -(-len(self.sampler) // self.batch_size)  # <- DPL103
""",
        ),
        Invalid(
            # Distributed subclass, torch.chunk in __iter__.
            """
import torch
from torch.utils.data.distributed import DistributedSampler


class Shards(DistributedSampler):
    def __init__(self, dataset, bs):
        self.dataset = dataset
        self.bs = bs

    def __iter__(self):
        idx = torch.arange(len(self.dataset))
        yield from torch.chunk(idx, -(-len(idx) // self.bs))

    def __len__(self):
        return len(self.dataset) // self.bs  # <- DPL103
""",
            fix="""
@@ -16 +16 @@
-        return len(self.dataset) // self.bs  # <- DPL103
+        return -(-len(self.dataset) // self.bs)  # <- DPL103
""",
        ),
        Invalid(
            # A user's own base class named in configuration is not needed: inheritance in-module.
            """
from torch.utils.data import SubsetRandomSampler


class Base(SubsetRandomSampler):
    pass


class Chunks(Base):
    def __init__(self, indices, bs):
        self.indices, self.bs = indices, bs

    def __iter__(self):
        for start in range(0, len(self.indices), self.bs):
            yield self.indices[start:start + self.bs]

    def __len__(self):
        return len(self.indices) // self.bs  # <- DPL103
""",
            fix="""
@@ -18 +18 @@
-        return len(self.indices) // self.bs  # <- DPL103
+        return -(-len(self.indices) // self.bs)  # <- DPL103
""",
        ),
    )
