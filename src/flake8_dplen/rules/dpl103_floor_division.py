"""// drops the partial batch __iter__ yields.

## What it does
Reports `a // b` that counts the batches `__len__` returns while `__iter__` also yields
the short remainder (always, or when `drop_last` is false).
It judges by the model of `core/counting.py`: the rounded value is a quotient whose
divisor `b` is a size `__iter__` batches by; the value is what `__len__` returns (through
locals, `self.<attr>`, properties, helpers, conditional branches, or as a term of a sum of
counts); no remainder correction (`+ (1 if a % b else 0)`, `+ bool(a % b)`, `q += 1` under
`if a % b`) or ceiling idiom (`(a + b - 1) / b`, `-int(-a / b)`) makes the floor right;
and `__iter__` shows a short final batch on that path (a tail `yield` after the loop, a
stepped range to `n`, a per-batch split). Where any of this is unknown, it stays silent.

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

import libcst as cst

from ..core.context import Fix, Proposal, SamplerContext
from ..core.counting import (
    CEIL,
    CEIL_UNLESS_DROP_LAST,
    ONE_SHORT,
    TAIL_DESPITE_DROP_LAST,
    BatchRatio,
    counterexample,
    judge,
    one_short,
)
from ..core.flow import Reached
from ..fixes.ceil import WHICH_SIDE, keeping_comments
from ..fixes.codegen import ceil_div, floor_div
from .base import Invalid, Rule, where


def _ceil_floordiv(ctx: SamplerContext, site: Reached, ratio: BatchRatio) -> Proposal:
    """`a // b` -> `-(-a // b)` where the tail is yielded; split on drop_last where both happen."""
    node: cst.BinaryOperation = site.node
    if one_short(ratio):
        return ONE_SHORT
    ceil = ceil_div([node.left], node.right, node.operator)
    if ratio.yielded == CEIL:
        return keeping_comments(node, Fix(node, ceil.with_changes(lpar=node.lpar, rpar=node.rpar)))
    if ratio.yielded == TAIL_DESPITE_DROP_LAST:
        return WHICH_SIDE
    drop_last = ctx.iter.drop_last
    if drop_last is None or site.fn is None or site.fn.func.name.value != "__len__":
        return "the count must differ by drop_last, and no `self.drop_last` is in reach here"
    floor = floor_div([node.left], node.right, node.operator)
    both = cst.IfExp(test=drop_last, body=floor, orelse=ceil, lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return keeping_comments(node, Fix(node, both))


class FloorDivision(Rule):
    code = "DPL103"
    title = "// drops the partial batch __iter__ yields"
    gating = True
    kinds = frozenset({"floordiv"})

    def check(self, ctx, site, kind):
        node: cst.BinaryOperation = site.node
        if ctx.consistent(site):
            return None
        ratio = judge(ctx, site, (node.left,), node.right, node)
        if ratio is None or ratio.yielded not in (CEIL, CEIL_UNLESS_DROP_LAST, TAIL_DESPITE_DROP_LAST):
            return None
        example = counterexample(ctx, ratio)
        # The example names the drop_last path; without one, the message does.
        tail = (
            ""
            if example
            else {CEIL: "", CEIL_UNLESS_DROP_LAST: " when drop_last is false"}.get(
                ratio.yielded, " even under drop_last"
            )
        )
        message = f"// drops the partial batch __iter__ yields{tail}{example}{where(site)}"
        return self.finding(ctx, site, message, _ceil_floordiv(ctx, site, ratio), at=node.operator)

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
        # An offset consumed // world_size that __len__ subtracts and __iter__ starts from.
        """
from torch.utils.data import Sampler


class Resumable(Sampler):
    def __init__(self, n, world_size, consumed):
        self.n, self.world_size, self.consumed = n, world_size, consumed

    def __iter__(self):
        start = self.consumed // self.world_size
        yield from range(start, self.n)

    def __len__(self):
        return self.n - self.consumed // self.world_size
""",
        # An endless __iter__ has no count to round to: DPL106 reports it, and no rounding rule does.
        """
from torch.utils.data import Sampler


class Forever(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        while True:
            for start in range(0, self.n, self.bs):
                yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.n // self.bs
""",
        # A step skipped with continue under drop_last drops the tail: the floor is right there (anndata).
        """
import math
from torch.utils.data import Sampler


class BatchIndices(Sampler):
    def __init__(self, n: int, batch_size: int, drop_last: bool = False):
        self.n, self.batch_size, self.drop_last = n, batch_size, drop_last

    def __iter__(self):
        indices = list(range(self.n))
        for i in range(0, self.n, self.batch_size):
            batch = indices[i : i + self.batch_size]
            # The short last batch is skipped under drop_last.
            if len(batch) < self.batch_size and self.drop_last:
                continue
            yield batch

    def __len__(self):
        if self.drop_last:
            return self.n // self.batch_size
        return math.ceil(self.n / self.batch_size)
""",
        # A stepped range whose short last slice is never yielded (yield only when len(batch) == size): the floor is right.
        """
from torch.utils.data import Sampler


class FullSlices(Sampler):
    def __init__(self, n: int, batch_size: int):
        self.n, self.batch_size = n, batch_size

    def __iter__(self):
        indices = list(range(self.n))
        for i in range(0, self.n, self.batch_size):
            batch = indices[i : i + self.batch_size]
            if len(batch) == self.batch_size:
                yield batch

    def __len__(self):
        return self.n // self.batch_size
""",
        # Batches split with np.split, the short last one trimmed under drop_last (batches[:-1]; fastNLP): the floor is right there.
        """
import numpy as np
from torch.utils.data import Sampler


class Buckets(Sampler):
    def __init__(self, n: int, batch_size: int, drop_last: bool = False):
        self.n, self.batch_size, self.drop_last = n, batch_size, drop_last

    def __iter__(self):
        cuts = range(self.batch_size, self.n, self.batch_size)
        batches = [chunk.tolist() for chunk in np.split(np.arange(self.n), cuts)] if self.n else []
        if self.drop_last and batches and len(batches[-1]) < self.batch_size:
            batches = batches[:-1]
        yield from batches

    def __len__(self):
        if self.drop_last:
            return self.n // self.batch_size
        return -(-self.n // self.batch_size)
""",
        # An index sampler's shard size total_size // num_replicas, padded with a repeat count ceil(padding / len(indices)) (fastNLP): no batches, no batch count.
        """
import math
from torch.utils.data import Sampler


class Shard(Sampler):
    def __init__(self, n: int, num_replicas: int, rank: int):
        self.n, self.num_replicas, self.rank = n, num_replicas, rank
        self.total_size = math.ceil(n / num_replicas) * num_replicas

    def __iter__(self):
        indices = list(range(self.n))
        padding = self.total_size - len(indices)
        if indices and padding:
            indices += (indices * math.ceil(padding / len(indices)))[:padding]
        yield from indices[self.rank : self.total_size : self.num_replicas]

    def __len__(self):
        return self.total_size // self.num_replicas
""",
        # A floor that __iter__ stops at (`if count == self.samples: break`): it yields no
        # more than len(), so the rank's partial share is never yielded (supar's bucket
        # sampler has this shape; first a false finding on the hold-out corpus).
        """
import torch
from torch.utils.data import Sampler


class CappedBuckets(Sampler):
    def __init__(self, bucket_sizes, batch_size, replicas=2, rank=0):
        self.bucket_sizes = bucket_sizes
        self.chunks = [max(1, -(-size // batch_size)) for size in bucket_sizes]
        self.replicas = replicas
        self.rank = rank
        self.samples = sum(self.chunks) // self.replicas

    def __iter__(self):
        total, count = 0, 0
        for size, chunks in zip(self.bucket_sizes, self.chunks):
            for batch in torch.arange(size).split(-(-size // chunks)):
                if count == self.samples:
                    break
                if total % self.replicas == self.rank:
                    count += 1
                    yield batch.tolist()
                total += 1

    def __len__(self):
        return self.samples
""",
        # P x K: each batch is filled by an inner loop under a trimmed range, so only full
        # batches of P identities; the yield after the inner loop is not a tail (a false
        # finding once, whose ceiling "fix" made the class wrong on every input).
        """
import random

from torch.utils.data import Sampler


class PKSampler(Sampler):
    def __init__(self, labels, p, k):
        self.p, self.k = p, k
        self.by_id = {}
        for i, y in enumerate(labels):
            self.by_id.setdefault(y, []).append(i)
        self.ids = sorted(self.by_id)

    def __iter__(self):
        ids = list(self.ids)
        random.shuffle(ids)
        for start in range(0, len(ids) - self.p + 1, self.p):
            batch = []
            for pid in ids[start : start + self.p]:
                batch.extend(random.choices(self.by_id[pid], k=self.k))
            yield batch

    def __len__(self):
        return len(self.ids) // self.p
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
        Invalid(
            # A ceiling spelled without its + 1 (NeMo): one batch short for every size; the fix is manual, since the items counted are total, not the numerator.
            """
from torch.utils.data import Sampler


class Pages(Sampler):
    def __init__(self, total: int, per_page: int):
        self.total, self.per_page = total, per_page

    def __iter__(self):
        for start in range(0, self.total, self.per_page):
            yield list(range(start, min(start + self.per_page, self.total)))

    def __len__(self):
        return (self.total - 1) // self.per_page  # <- DPL103
""",
            manual=(
                "(a - 1) // b is one batch short of ceil(a / b) for every a >= 1: write (a - 1) // b + 1 or -(-a // b)",
            ),
        ),
    )
