"""a partial batch per group, counted as one division of the total.

## What it does
Reports a `__len__` that divides one total by a batch size (`ceil(N / bs)`,
`(N + bs - 1) // bs`, `N // bs`) while `__iter__` batches within groups and yields a
short batch per group: a loop over the leftover buffers after the main loop
(`for b in buckets.values(): if b: yield b`), a `range(0, len(group), bs)` inside a loop
over groups (yielding, or collecting the slices into one list, appended or extended by a
comprehension, that `__iter__` then shuffles and yields whole), or a yield after the inner
loop of a loop over groups. The same under torch's `BatchSampler.__len__`, inherited by a
subclass whose `__iter__` groups the indices of `self.sampler` and flushes each group's
short batch (and whose `__init__` calls `super().__init__`, so that `len()` works). The
example in the message is computed for any such pair: two groups of one index, batches
of 2, give 2 short batches where the total over 2, ceiling or floor, is 1.

## Why is this bad
Each group rounds up on its own, and a sum of ceilings is not the ceiling of the sum:
with batch size 3, two groups of 4 indices give 2 + 2 = 4 batches while `ceil(8 / 3)` is
3; dropping each group's tail, two groups of 5 give 1 + 1 = 2 while `10 // 3` is 3. Lightning
then ends the epoch before the last batches, or waits for batches that never come.

## Use instead
Count per group, as `__iter__` batches: `sum(-(-len(g) // bs) for g in groups)`
(`len(g) // bs` where the tails are dropped), with the groups known in `__len__` (for
example computed in `__init__`).

## Fix safety
No automatic fix: `__len__` rarely has the groups at hand (they are often formed while
iterating), so the per-group count cannot be written for it. Left for a manual fix.

## Known problems
Batches split into `ceil(len(batch) / M)` pieces (opacus's `BatchSplittingSampler`)
are left to DPL105. Groups whose sizes are multiples of the batch size by construction (then only one tail
can be short) are reported all the same. A group loop over `while` instead of `for` is
not recognised, nor a collected list that anything filters, cuts or pads, a step other
than the size `__len__` divides by, or an `__iter__` that reads `len(self)` (it may top
the batches up to it).

Counts that depend on the data's values are not judged at all: identities with fewer
than K items skipped, batches packed greedily under a token budget, items filtered by
length. No reading of the code proves an input where the two differ; `dplen check` and
the sanitizer decide these by running the sampler.
"""

from __future__ import annotations

import libcst as cst

from ..core.classindex import is_super_call, self_name, walk
from ..core.names import last_name, len_arg
from ..core.samplers import torch_len_base
from .base import ClassRule, Invalid, batch_divisor

_LOOPS = (cst.For, cst.While, cst.GeneratorExp, cst.ListComp, cst.SetComp, cst.DictComp)
_REASON = (
    "count per group as __iter__ batches: sum(-(-len(g) // batch_size) for g in groups) "
    "(len(g) // batch_size where a group's tail is dropped), with the groups known in __len__"
)


class GroupTails(ClassRule):
    code = "DPL110"
    title = "a partial batch per group, counted as one division of the total"
    gating = True
    looks_at = "the partial batches `__iter__` yields per group with the division in `__len__`"

    def check_class(self, ctx):
        tail = ctx.shape.group_tail
        if tail is None or ctx.iter.bound_by_len or _reads_len_of_self(ctx):
            return
        if not ctx.defines("__len__"):
            yield from self._inherited(ctx, tail)
            return
        divisions = []
        for site in ctx.flow.reach(ctx.len_roots()):
            divisor = batch_divisor(site.node)
            if divisor is None or site.fn is None:
                continue
            if any(isinstance(a, _LOOPS) for a in site.fn.ancestors(site.node)):
                return  # counted per group already
            if ctx.code(site.node.right) in ctx.iter.splits_by:
                return  # each batch split into ceil(len(b) / M) pieces: DPL105's
            step = _step(tail)
            if step is not None and last_name(step) != divisor[1]:
                return  # the groups are cut by another size than the one __len__ divides by
            divisions.append(divisor)
        for node, size in divisions:
            # Two groups of one index, batches of 2: each group is one short batch, while
            # the total, 2, divided by 2 (ceiling or floor alike) is 1.
            message = (
                f"__iter__ yields a short batch per group, __len__ divides the total by {size} "
                f"(e.g. 2 groups of 1, {size}=2: len() 1, 2 batches)"
            )
            yield self.manual(node, message, _REASON)

    def _inherited(self, ctx, tail):
        """BatchSampler's own __len__, `len(self.sampler)` over `batch_size` (ceiling or
        floor by drop_last), under an __iter__ that groups the indices of `self.sampler`
        itself and flushes a short batch per group: the sum of ceilings again."""
        base = torch_len_base(ctx.lineage, ctx.imports)
        if base != "BatchSampler" or "sampler" not in ctx.iter.iterated or not _inits_base(ctx):
            return
        step = _step(tail)
        if step is not None and last_name(step) != "batch_size":
            return
        message = (
            "__iter__ yields a short batch per group, BatchSampler.__len__ divides the total "
            "(e.g. 2 groups of 1, batch_size=2: len() 1, 2 batches)"
        )
        yield self.manual(tail, message, _REASON)

    VALID = (
        # The per-bucket sum of ceilings.
        """
from torch.utils.data import Sampler


class Buckets(Sampler):
    def __init__(self, n, batch_size):
        self.buckets = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.batch_size = batch_size

    def __iter__(self):
        for bucket in self.buckets:
            for i in range(0, len(bucket), self.batch_size):
                yield bucket[i : i + self.batch_size]

    def __len__(self):
        return sum((len(b) + self.batch_size - 1) // self.batch_size for b in self.buckets)
""",
        # The same sum, as a loop.
        """
from torch.utils.data import Sampler


class LoopCount(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.batch_size = batch_size

    def __iter__(self):
        for group in self.groups:
            batch = []
            for i in group:
                batch.append(i)
                if len(batch) == self.batch_size:
                    yield batch
                    batch = []
            if batch:
                yield batch

    def __len__(self):
        total = 0
        for group in self.groups:
            total += -(-len(group) // self.batch_size)
        return total
""",
        # One tail for the whole epoch: one division is right.
        """
from torch.utils.data import Sampler


class OneTail(Sampler):
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
        # Full batches only, per group, and a per-group floor.
        """
from torch.utils.data import Sampler


class FullPerGroup(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.batch_size = batch_size

    def __iter__(self):
        for g in self.groups:
            for i in range(0, len(g) - self.batch_size + 1, self.batch_size):
                yield g[i : i + self.batch_size]

    def __len__(self):
        return sum(len(g) // self.batch_size for g in self.groups)
""",
        # Precomputed batches yielded in a second loop: not a flush of leftovers.
        """
from torch.utils.data import Sampler


class Precomputed(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        batches = [list(range(i, min(i + self.batch_size, self.n))) for i in range(0, self.n, self.batch_size)]
        for batch in batches:
            yield batch

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size
""",
        # The count per group is computed in __init__.
        """
from torch.utils.data import Sampler


class InitSum(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.batch_size = batch_size
        self.num_batches = sum((len(g) + batch_size - 1) // batch_size for g in self.groups)

    def __iter__(self):
        for g in self.groups:
            for i in range(0, len(g), self.batch_size):
                yield g[i : i + self.batch_size]

    def __len__(self):
        return self.num_batches
""",
        # Repeats of the whole range: one tail per repeat, and len counts repeats.
        """
from torch.utils.data import Sampler


class Repeats(Sampler):
    def __init__(self, n, batch_size, repeats=2):
        self.n = n
        self.batch_size = batch_size
        self.repeats = repeats

    def __iter__(self):
        for _ in range(self.repeats):
            for i in range(0, self.n, self.batch_size):
                yield list(range(i, min(i + self.batch_size, self.n)))

    def __len__(self):
        return self.repeats * ((self.n + self.batch_size - 1) // self.batch_size)
""",
        # A tail per epoch of a repeated pass, and len counts the passes.
        """
from torch.utils.data import Sampler


class RepeatTails(Sampler):
    def __init__(self, n, batch_size, repeats=2):
        self.n = n
        self.batch_size = batch_size
        self.repeats = repeats

    def __iter__(self):
        for _ in range(self.repeats):
            batch = []
            for i in range(self.n):
                batch.append(i)
                if len(batch) == self.batch_size:
                    yield batch
                    batch = []
            if batch:
                yield batch
            order = list(range(self.n))
            for start in range(0, len(order), self.batch_size):
                yield order[start : start + self.batch_size]

    def __len__(self):
        return 2 * self.repeats * ((self.n + self.batch_size - 1) // self.batch_size)
""",
        # Stored sizes, one ceiling each.
        """
import math
from torch.utils.data import Sampler


class Sizes(Sampler):
    def __init__(self, n, batch_size):
        self.buckets = {0: list(range(0, n, 2)), 1: list(range(1, n, 2))}
        self.sizes = [len(b) for b in self.buckets.values()]
        self.batch_size = batch_size

    def __iter__(self):
        for bucket in self.buckets.values():
            for start in range(0, len(bucket), self.batch_size):
                yield bucket[start : start + self.batch_size]

    def __len__(self):
        return sum(math.ceil(s / self.batch_size) for s in self.sizes)
""",
        # Leftovers flushed per bucket, counted by a helper that loops over the buckets.
        """
from torch.utils.data import Sampler


class Flushed(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def _sizes(self):
        return [len(range(0, self.n, 2)), len(range(1, self.n, 2))]

    def _count(self):
        count = 0
        for size in self._sizes():
            count += -(-size // self.batch_size)
        return count

    def __iter__(self):
        buckets = {0: [], 1: []}
        for i in range(self.n):
            bucket = buckets[i % 2]
            bucket.append(i)
            if len(bucket) == self.batch_size:
                yield list(bucket)
                bucket.clear()
        for bucket in buckets.values():
            if bucket:
                yield bucket

    def __len__(self):
        return self._count()
""",
        # A per-group loop that yields one batch per group: no division in __len__.
        """
from torch.utils.data import Sampler


class WholeGroups(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]

    def __iter__(self):
        for group in self.groups:
            batch = []
            for i in group:
                batch.append(i)
            yield batch

    def __len__(self):
        return len(self.groups)
""",
        # Batches collected per group, then cut to the full ones: no short batch is left.
        """
from torch.utils.data import Sampler


class FullOnly(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        groups = [list(range(0, self.n, 2)), list(range(1, self.n, 2))]
        batches = []
        for g in groups:
            for s in range(0, len(g), self.batch_size):
                batches.append(g[s : s + self.batch_size])
        batches = [b for b in batches if len(b) == self.batch_size]
        yield from batches

    def __len__(self):
        return (self.n + 1) // 2 // self.batch_size + self.n // 2 // self.batch_size
""",
    )

    INVALID = (
        Invalid(
            # Leftovers of each bucket flushed after the loop (aspect-ratio grouping).
            """
from torch.utils.data import Sampler


class ParityBuckets(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        buckets = {0: [], 1: []}
        for i in range(self.n):
            bucket = buckets[i % 2]
            bucket.append(i)
            if len(bucket) == self.batch_size:
                yield list(bucket)
                bucket.clear()
        for bucket in buckets.values():
            if bucket:
                yield bucket

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import math
from torch.utils.data import Sampler


class GroupRanges(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.batch_size = batch_size

    def __iter__(self):
        for g in self.groups:
            for i in range(0, len(g), self.batch_size):
                yield g[i : i + self.batch_size]

    def __len__(self):
        return math.ceil(sum(len(g) for g in self.groups) / self.batch_size)  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            # A tail after the inner loop, once per group.
            """
from torch.utils.data import Sampler


class TailPerGroup(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.num_samples = n
        self.batch_size = batch_size

    def __iter__(self):
        for group in self.groups:
            batch = []
            for i in group:
                batch.append(i)
                if len(batch) == self.batch_size:
                    yield batch
                    batch = []
            if batch:
                yield batch

    def __len__(self):
        return -(-self.num_samples // self.batch_size)  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            # drop_last considered in __len__, but once for the total.
            """
from torch.utils.data import Sampler


class DropPerGroup(Sampler):
    def __init__(self, n, batch_size, drop_last=False):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        for group in self.groups:
            batch = []
            for i in group:
                batch.append(i)
                if len(batch) == self.batch_size:
                    yield batch
                    batch = []
            if batch and not self.drop_last:
                yield batch

    def __len__(self):
        if self.drop_last:
            return self.n // self.batch_size  # <- DPL110
        return (self.n + self.batch_size - 1) // self.batch_size  # <- DPL110
""",
            manual=(_REASON, _REASON),
        ),
        Invalid(
            # Shards built inside the loop, each batched on its own.
            """
from torch.utils.data import Sampler


class Shards(Sampler):
    def __init__(self, n, batch_size, num_shards=2):
        self.n = n
        self.batch_size = batch_size
        self.num_shards = num_shards

    def __iter__(self):
        for shard in range(self.num_shards):
            idx = list(range(shard, self.n, self.num_shards))
            for i in range(0, len(idx), self.batch_size):
                yield idx[i : i + self.batch_size]

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The total count is computed in __init__.
            """
import math
from torch.utils.data import Sampler


class InitCount(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.batch_size = batch_size
        self.num_batches = math.ceil(n / batch_size)  # <- DPL110

    def __iter__(self):
        for g in self.groups:
            for i in range(0, len(g), self.batch_size):
                yield g[i : i + self.batch_size]

    def __len__(self):
        return self.num_batches
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The flush written on one line.
            """
import random
from torch.utils.data import Sampler


class ShuffledBuckets(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        order = list(range(self.n))
        random.shuffle(order)
        pending = {0: [], 1: []}
        for i in order:
            pending[i % 2].append(i)
            if len(pending[i % 2]) == self.batch_size:
                yield pending[i % 2]
                pending[i % 2] = []
        for rest in pending.values():
            if rest: yield rest

    def __len__(self):
        return -(-self.n // self.batch_size)  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Lengths bucketed by size; the count divides the dataset's length.
            """
import math
from torch.utils.data import Sampler


class LengthBuckets(Sampler):
    def __init__(self, n, batch_size):
        self.lengths = [i % 3 for i in range(n)]
        self.batch_size = batch_size

    def __iter__(self):
        for size in sorted(set(self.lengths)):
            members = [i for i, s in enumerate(self.lengths) if s == size]
            for start in range(0, len(members), self.batch_size):
                yield members[start : start + self.batch_size]

    def __len__(self):
        return math.ceil(len(self.lengths) / self.batch_size)  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            # A data source split by a label, counted as one.
            """
from torch.utils.data import Sampler


class ByLabel(Sampler):
    def __init__(self, labels, bsz):
        self.labels = labels
        self.bsz = bsz

    def __iter__(self):
        for label in sorted(set(self.labels)):
            batch = []
            for i, y in enumerate(self.labels):
                if y == label:
                    batch.append(i)
                    if len(batch) == self.bsz:
                        yield batch
                        batch = []
            if batch:
                yield batch

    def __len__(self):
        return (len(self.labels) + self.bsz - 1) // self.bsz  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            # A local total, then one ceiling.
            """
from torch.utils.data import Sampler


class LocalTotal(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.batch_size = batch_size

    def __iter__(self):
        for group in self.groups:
            for i in range(0, len(group), self.batch_size):
                yield group[i : i + self.batch_size]

    def __len__(self):
        total = 0
        for group in self.groups:
            total += len(group)
        return -(-total // self.batch_size)  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Batches collected per bucket into one list, shuffled, then walked.
            """
import math
import random
from torch.utils.data import Sampler


class CollectedBuckets(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        buckets = [list(range(0, self.n, 2)), list(range(1, self.n, 2))]
        batches = []
        for bucket in buckets:
            for start in range(0, len(bucket), self.batch_size):
                batches.append(bucket[start : start + self.batch_size])
        random.shuffle(batches)
        for batch in batches:
            yield batch

    def __len__(self):
        return math.ceil(self.n / self.batch_size)  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The same, extended by a comprehension per group and returned as an iterator.
            """
from torch.utils.data import Sampler


class ExtendedGroups(Sampler):
    def __init__(self, n, batch_size):
        self.groups = [list(range(0, n, 2)), list(range(1, n, 2))]
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        batches = []
        for g in self.groups:
            batches.extend([g[s : s + self.batch_size] for s in range(0, len(g), self.batch_size)])
        return iter(batches)

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size  # <- DPL110
""",
            manual=(_REASON,),
        ),
        Invalid(
            # torch's BatchSampler.__len__, inherited, under per-group buffers flushed at the end.
            """
from torch.utils.data import BatchSampler


class ParityBatchSampler(BatchSampler):
    def __iter__(self):
        buffers = {0: [], 1: []}
        for idx in self.sampler:
            buffer = buffers[idx % 2]
            buffer.append(idx)
            if len(buffer) == self.batch_size:
                yield list(buffer)
                buffer.clear()
        for buffer in buffers.values():
            if buffer:
                yield buffer  # <- DPL110
""",
            manual=(_REASON,),
        ),
    )


def _step(tail: cst.CSTNode):
    """The step of `range(0, len(group), step)` when the tail is such a loop."""
    if (
        isinstance(tail, (cst.For, cst.CompFor))
        and isinstance(tail.iter, cst.Call)
        and len(tail.iter.args) == 3
    ):
        return tail.iter.args[2].value
    return None


def _reads_len_of_self(ctx) -> bool:
    """`len(self)` in __iter__: the batches may be topped up or cut to it."""
    func = ctx.index.methods.get("__iter__")
    if func is None:
        return False
    arguments = (len_arg(n) for n in walk(func.body))
    return any(isinstance(a, cst.Name) and a.value == self_name(func) for a in arguments)


def _inits_base(ctx) -> bool:
    """The class sets what BatchSampler.__len__ reads: it has no __init__ of its own, or
    that __init__ calls `super().__init__(...)` (else len() raises AttributeError)."""
    init = ctx.index.methods.get("__init__")
    return init is None or any(
        isinstance(n, cst.Call)
        and isinstance(n.func, cst.Attribute)
        and n.func.attr.value == "__init__"
        and is_super_call(n.func.value)
        for n in walk(init.body)
    )
