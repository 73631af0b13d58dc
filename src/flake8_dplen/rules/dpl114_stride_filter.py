"""__iter__ keeps one item in every num_replicas, __len__ counts them all.

## What it does
Reports an `__iter__` that walks `enumerate(x)` and keeps only the items whose index
passes a test `<index> % self.k == <something>` (`(i - self.rank) % self.num_replicas == 0`,
`i % self.world_size == self.rank`), as the `if` of a comprehension that yields the
element, or as the `if` every `yield e` of the loop is under, while the class's `__len__`
returns a count of the same `x` (`len(x)` is among what it is built from) and nothing it
returns depends on `self.k`, which something other than a literal sets.

## Why is this bad
Each replica yields its share, about `len(x) / k` items, and `len()` promises all of
them: with 5 items and 2 replicas, `len()` is 5 and rank 0 yields 3, rank 1 yields 2.
`DistributedSampler`-style wrappers are used in every process at once, so every process
plans an epoch `k` times too long: Lightning waits for batches that never come, and a
schedule computed from `len()` runs at a `k`-th of its speed.

## Use instead
Count this replica's share in `__len__`: `return len(range(self.rank, len(x), self.num_replicas))`
for `i % self.num_replicas == self.rank`, or the number of full rounds plus one where the
rank gets a partial one.

## Fix safety
No automatic fix: the share depends on how the test maps indices to ranks (`i - rank`,
`i + 1`, a rank that may be past the end), which the rule does not solve.

## Known problems
A stride written with `continue` (`if i % k != rank: continue`), over `range(len(x))`
with `x[i]` yielded, or whose `__len__` measures `x` under another spelling is not
reported. A `k` that is 1 in practice (a single process) makes the finding moot there,
not wrong.
"""

from __future__ import annotations

import libcst as cst

from ..core.classindex import strip_parens
from ..core.names import len_arg
from .base import ClassRule, Invalid

_REASON = "count in __len__ only the items this replica keeps (e.g. len(range(rank, len(x), num_replicas)))"


class StrideFilter(ClassRule):
    code = "DPL114"
    title = "__iter__ keeps one item in every num_replicas, __len__ counts them all"
    gating = True
    looks_at = "an index test `i % self.k == ...` on an enumerated walk with what `__len__` measures"

    def check_class(self, ctx):
        if not ctx.defines("__iter__") or "__len__" not in ctx.index.methods or ctx.shape.endless is not None:
            return
        strides = [s for s in ctx.shape.strides if s[2] not in ctx.len_names and _may_exceed_one(ctx, s[2])]
        if not strides:
            return
        measured = {
            ctx.code(strip_parens(arg)) for r in ctx.flow.reach(ctx.len_roots()) if (arg := len_arg(r.node))
        }
        for test, walked, attr in strides:
            if ctx.code(strip_parens(walked)) in measured:
                message = (
                    f"__iter__ keeps one item in every self.{attr}, __len__ counts them all "
                    f"(e.g. {attr}=2, 5 items: len() 5, 3 or 2 yielded)"
                )
                yield self.manual(test, message, _REASON)
                return

    VALID = (
        # determined's DistributedBatchSampler: full rounds plus the rank's part of the last.
        """
from torch.utils.data import Sampler


class RoundsCounted(Sampler):
    def __init__(self, data, num_workers, rank):
        self.data = data
        self.num_workers = num_workers
        self.rank = rank

    def __iter__(self):
        for i, item in enumerate(self.data):
            if i % self.num_workers == self.rank:
                yield item

    def __len__(self):
        full = len(self.data) // self.num_workers
        return full + int(len(self.data) % self.num_workers > self.rank)
""",
        # The share counted as a range.
        """
from torch.utils.data import Sampler


class RangeShare(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.num_replicas = num_replicas
        self.rank = rank

    def __iter__(self):
        return iter([e for i, e in enumerate(self.data) if i % self.num_replicas == self.rank])

    def __len__(self):
        return len(range(self.rank, len(self.data), self.num_replicas))
""",
        # The stride test only counts steps; every item is yielded.
        """
from torch.utils.data import Sampler


class EveryItemLogged(Sampler):
    def __init__(self, data, log_every, rank):
        self.data = data
        self.log_every = log_every
        self.logged = 0

    def __iter__(self):
        for i, item in enumerate(self.data):
            if i % self.log_every == 0:
                self.logged += 1
            yield item

    def __len__(self):
        return len(self.data)
""",
        # A batch flushed every batch_size items: the yield is the batch, not the item.
        """
from torch.utils.data import Sampler


class FlushedEvery(Sampler):
    def __init__(self, data, batch_size, rank):
        self.data = data
        self.batch_size = batch_size

    def __iter__(self):
        batch = []
        for i, item in enumerate(self.data):
            batch.append(item)
            if (i + 1) % self.batch_size == 0:
                yield batch
                batch = []
        if batch:
            yield batch

    def __len__(self):
        return -(-len(self.data) // self.batch_size)
""",
        # Padded to a multiple of the replicas, the share counted from them.
        """
import math
from torch.utils.data import Sampler


class PaddedShare(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = list(data)
        self.num_replicas = num_replicas
        self.rank = rank
        self.num_samples = math.ceil(len(self.data) / num_replicas)

    def __iter__(self):
        padded = self.data + self.data[: self.num_samples * self.num_replicas - len(self.data)]
        return iter([e for i, e in enumerate(padded) if i % self.num_replicas == self.rank])

    def __len__(self):
        return self.num_samples
""",
        # Both branches yield: every index gives an item.
        """
from torch.utils.data import Sampler


class MarkedShare(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.num_replicas = num_replicas
        self.rank = rank

    def __iter__(self):
        for i, item in enumerate(self.data):
            if i % self.num_replicas == self.rank:
                yield item
            else:
                yield -1

    def __len__(self):
        return len(self.data)
""",
        # A mask, not a stride.
        """
from torch.utils.data import Sampler


class Masked(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.keep = [j % 3 != 0 for j in range(len(data))]

    def __iter__(self):
        return iter([e for i, e in enumerate(self.data) if self.keep[i]])

    def __len__(self):
        return sum(self.keep)
""",
        # The share computed in __init__ from the parameters.
        """
from torch.utils.data import Sampler


class ShareAtInit(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.num_replicas = num_replicas
        self.rank = rank
        self.share = len(range(rank, len(data), num_replicas))

    def __iter__(self):
        for i, item in enumerate(self.data):
            if (i - self.rank) % self.num_replicas == 0:
                yield item

    def __len__(self):
        return self.share
""",
        # A single process, by construction.
        """
from torch.utils.data import Sampler


class SingleProcess(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.num_replicas = 1
        self.rank = 0

    def __iter__(self):
        return (e for i, e in enumerate(self.data) if i % self.num_replicas == self.rank)

    def __len__(self):
        return len(self.data)
""",
        # The share through a property.
        """
from torch.utils.data import Sampler


class ShareProperty(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.num_replicas = num_replicas
        self.rank = rank

    @property
    def share(self):
        return len(range(self.rank, len(self.data), self.num_replicas))

    def __iter__(self):
        for i, item in enumerate(self.data):
            if i % self.num_replicas == self.rank:
                yield item

    def __len__(self):
        return self.share
""",
    )

    INVALID = (
        Invalid(
            # pytorch-nlp's DistributedSampler.
            """
from torch.utils.data import Sampler


class IterableShards(Sampler):
    def __init__(self, iterable, num_replicas, rank):
        self.iterable = iterable
        self.num_replicas = num_replicas
        self.rank = rank

    def __iter__(self):
        return iter(
            [e for i, e in enumerate(self.iterable) if (i - self.rank) % self.num_replicas == 0]  # <- DPL114
        )

    def __len__(self):
        return len(self.iterable)
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class LoopShards(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.num_replicas = num_replicas
        self.rank = rank

    def __iter__(self):
        for i, item in enumerate(self.data):
            if i % self.num_replicas == self.rank:  # <- DPL114
                yield item

    def __len__(self):
        return len(self.data)
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class RankFirst(Sampler):
    def __init__(self, data, world_size, rank):
        self.data = data
        self.world_size = world_size
        self.rank = rank

    def __iter__(self):
        for i, item in enumerate(self.data):
            if self.rank == i % self.world_size:  # <- DPL114
                yield item

    def __len__(self):
        return len(self.data)
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class GeneratorShards(Sampler):
    def __init__(self, indices, num_shards, shard_id):
        self.indices = indices
        self.num_shards = num_shards
        self.shard_id = shard_id

    def __iter__(self):
        return (e for i, e in enumerate(self.indices) if i % self.num_shards == self.shard_id)  # <- DPL114

    def __len__(self):
        return len(self.indices)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The stride through a local.
            """
from torch.utils.data import Sampler


class LocalStride(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.num_replicas = num_replicas
        self.rank = rank

    def __iter__(self):
        stride = self.num_replicas
        for i, item in enumerate(self.data):
            if i % stride == self.rank:  # <- DPL114
                yield item

    def __len__(self):
        return len(self.data)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Batches of a batch sampler, dealt to workers.
            """
from torch.utils.data import Sampler


class DealtBatches(Sampler):
    def __init__(self, batch_sampler, num_workers, rank):
        self.batch_sampler = batch_sampler
        self.num_workers = num_workers
        self.rank = rank

    def __iter__(self):
        for i, batch in enumerate(self.batch_sampler):
            if i % self.num_workers == self.rank:  # <- DPL114
                yield batch

    def __len__(self):
        return len(self.batch_sampler)
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class DefaultedReplicas(Sampler):
    def __init__(self, data, num_replicas=None, rank=0):
        self.data = data
        self.num_replicas = num_replicas or 1
        self.rank = rank

    def __iter__(self):
        yield from [e for i, e in enumerate(self.data) if i % self.num_replicas == self.rank]  # <- DPL114

    def __len__(self):
        return len(self.data)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Every k-th item, whatever the rank.
            """
from torch.utils.data import Sampler


class EveryKth(Sampler):
    def __init__(self, data, every, rank):
        self.data = data
        self.every = every

    def __iter__(self):
        for i, item in enumerate(self.data):
            if (i + 1) % self.every == 0:  # <- DPL114
                yield item

    def __len__(self):
        return len(self.data)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Counted from 1.
            """
from torch.utils.data import Sampler


class FromOne(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.num_replicas = num_replicas
        self.rank = rank

    def __iter__(self):
        for i, item in enumerate(self.data, 1):
            if (i - 1 - self.rank) % self.num_replicas == 0:  # <- DPL114
                yield item

    def __len__(self):
        return len(self.data)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # __len__ from a base of the module.
            """
from torch.utils.data import Sampler


class Whole(Sampler):
    def __init__(self, data, num_replicas, rank):
        self.data = data
        self.num_replicas = num_replicas
        self.rank = rank

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


class SubclassShards(Whole):
    def __iter__(self):
        for i, item in enumerate(self.data):
            if i % self.num_replicas == self.rank:  # <- DPL114
                yield item
""",
            manual=(_REASON,),
        ),
    )


def _may_exceed_one(ctx, attr: str) -> bool:
    """Something other than a literal sets `self.<attr>`: a stride by 1 keeps everything."""
    values = [v for v, _ in ctx.index.self_assignments(attr)] + ctx.index.class_attrs.get(attr, [])
    return any(not isinstance(strip_parens(v), cst.Integer) for v in values)
