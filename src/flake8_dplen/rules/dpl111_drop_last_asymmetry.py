"""only one of __iter__ and __len__ depends on drop_last.

## What it does
Reports a sampler whose `__iter__` yields the last partial batch only when `drop_last`
is false, while `__len__` counts batches with a ceiling (`math.ceil(n / bs)`,
`(n + bs - 1) // bs`, `-(-n // bs)`) and never reads `drop_last`; or whose `__len__`
reads `drop_last` while `__iter__` yields the partial batch whatever it says (and never
reads it).

## Why is this bad
One side changes with `drop_last` and the other does not, so for one of its two values
they differ whenever the batch size does not divide the data: with 10 indices and batch
size 3, `__iter__` yields 3 batches with `drop_last=True`, and a ceiling says 4 (or the
other way round, `__len__` says 3 while 4 are yielded). Lightning then waits for a batch
that never comes, or cuts the epoch before the last one.

## Use instead
Make both sides read `drop_last`: `n // bs if self.drop_last else (n + bs - 1) // bs`
in `__len__`, and a tail yielded only `if batch and not self.drop_last` in `__iter__`.

## Fix safety
No automatic fix: which side is meant to follow `drop_last` is the author's decision.
Left for a manual fix.

## Known problems
A `drop_last` of a wrapped sampler (`self.sampler.drop_last`) is that sampler's to apply,
and an `__iter__` that iterates a wrapped sampler or splits its batches is not judged for
it. A floor (`n // bs`) over a tail yielded only without `drop_last` is DPL103's, which
rewrites it into the split count.
"""

from __future__ import annotations

import libcst as cst

from ..core.classindex import is_self_attr, walk
from ..core.guards import KEEP
from ..core.iterfacts import YES
from ..core.names import last_name
from ..core.rounding import is_ceil_idiom, rounding_kind
from .base import ClassRule, Invalid, batch_divisor

_REASON = "make __len__ and __iter__ both follow drop_last: count n // batch_size when it is true, a ceiling when false"


class DropLastAsymmetry(ClassRule):
    code = "DPL111"
    title = "only one of __iter__ and __len__ depends on drop_last"
    gating = True
    looks_at = "whether `__iter__` and `__len__` each depend on `drop_last`"

    def check_class(self, ctx):
        if not ctx.defines("__len__") or ctx.shape.func is None or ctx.iter.bound_by_len:
            return
        reached = list(ctx.flow.reach(ctx.len_roots()))
        # What __len__ depends on: the values it is built from and the drop_last tests on the way.
        names = {last_name(r.node) for r in reached} | {last_name(r.guard[1]) for r in reached if r.guard}
        names.discard(None)
        if ctx.iter.partial == KEEP and ctx.iter.drop_last is not None:
            flag = last_name(ctx.iter.drop_last)
            ceilings = [r for r in reached if batch_divisor(r.node) and _is_ceiling(ctx, r)]
            if flag not in names and ceilings:
                message = (
                    f"__iter__ drops the partial batch under self.{flag}, __len__ always rounds up "
                    f"(e.g. {flag}=True, 10 by 3: len() 4, 3 yielded)"
                )
                yield self.manual(ceilings[0].node, message, _REASON)
        elif ctx.iter.partial == YES and not ctx.iter.iterated and not ctx.iter.splits_by:
            # A wrapped sampler (`self.sampler.drop_last`, iterated batch by batch) applies
            # its own flag: only the class's own drop_last must reach __iter__.
            read = {r.attr.value for r in ctx.shape.reads}
            flags = sorted(set(_own_flags(reached)) - read)
            if flags and any(batch_divisor(r.node) for r in reached) and not _follows_drop_last(ctx, read):
                message = (
                    f"__len__ follows {flags[0]} but __iter__ always yields the partial batch "
                    f"(e.g. {flags[0]}=True, 10 by 3: len() 3, 4 yielded)"
                )
                yield self.manual(ctx.index.methods["__len__"].name, message, _REASON)

    VALID = (
        # torch's BatchSampler: both sides follow drop_last.
        """
from torch.utils.data import Sampler


class Batches(Sampler):
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
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return self.n // self.batch_size
        return (self.n + self.batch_size - 1) // self.batch_size
""",
        # drop_last decided once in __init__, where the count is computed.
        """
import math
from torch.utils.data import Sampler


class InitCount(Sampler):
    def __init__(self, n, batch_size, drop_last=False):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.num_batches = n // batch_size if drop_last else math.ceil(n / batch_size)

    def __iter__(self):
        for start in range(0, self.n, self.batch_size):
            batch = list(range(start, min(start + self.batch_size, self.n)))
            if len(batch) < self.batch_size and self.drop_last:
                break
            yield batch

    def __len__(self):
        return self.num_batches
""",
        # No drop_last anywhere: a tail always, a ceiling always.
        """
from torch.utils.data import Sampler


class AlwaysTail(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):
        return -(-self.n // self.batch_size)
""",
        # The loop is bounded by len(self): agree by construction.
        """
import math
from torch.utils.data import Sampler


class ByLen(Sampler):
    def __init__(self, n, batch_size, drop_last=False):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        for b in range(len(self)):
            yield list(range(b * self.batch_size, min((b + 1) * self.batch_size, self.n)))

    def __len__(self):
        return self.n // self.batch_size if self.drop_last else math.ceil(self.n / self.batch_size)
""",
        # drop_last read by both through a wrapped sampler's flag, spelled the same.
        """
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, n, batch_size, drop_last=False):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        stop = self.n - self.n % self.batch_size if self.drop_last else self.n
        for start in range(0, stop, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):
        full, rest = divmod(self.n, self.batch_size)
        return full + (1 if rest and not self.drop_last else 0)
""",
        # Floors with the tail kept only without drop_last: DPL103's, not this rule's.
        """
from torch.utils.data import Sampler


class FloorOnly(Sampler):
    def __init__(self, n, batch_size, drop_last=True):
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
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        return self.n // self.batch_size if self.drop_last else -(-self.n // self.batch_size)
""",
        # __len__ reads drop_last and __iter__ does too.
        """
from torch.utils.data import Sampler


class BothRead(Sampler):
    def __init__(self, n, batch_size, drop_last=False):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        n = self.n - self.n % self.batch_size if self.drop_last else self.n
        for start in range(0, n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, n)))

    def __len__(self):
        if self.drop_last:
            return self.n // self.batch_size
        return (self.n + self.batch_size - 1) // self.batch_size
""",
        # The tail is padded to a full batch: no partial batch, and a ceiling is right.
        """
from torch.utils.data import Sampler


class Padded(Sampler):
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
            yield batch + [0] * (self.batch_size - len(batch))

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size
""",
        # drop_last stored but unused on both sides.
        """
import math
from torch.utils.data import Sampler


class Unused(Sampler):
    def __init__(self, n, batch_size, drop_last=False):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):
        return math.ceil(self.n / self.batch_size)
""",
        # The wrapped batch sampler applies its own drop_last; __len__ counts its pieces.
        """
from torch.utils.data import Sampler


class Pieces(Sampler):
    def __init__(self, sampler, max_batch_size):
        self.sampler = sampler
        self.max_batch_size = max_batch_size

    def __iter__(self):
        for batch in self.sampler:
            for i in range(0, len(batch), self.max_batch_size):
                yield batch[i : i + self.max_batch_size]

    def __len__(self):
        n, b, m = len(self.sampler.sampler), self.sampler.batch_size, self.max_batch_size
        tail = 0 if self.sampler.drop_last else -(-(n % b) // m)
        return n // b * -(-b // m) + tail
""",
        # The count comes through __init__, which reads drop_last.
        """
from torch.utils.data import Sampler


class Stored(Sampler):
    def __init__(self, n, batch_size, drop_last=False):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.length = n // batch_size if drop_last else (n + batch_size - 1) // batch_size

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        return self.length
""",
        # drop_last folded into an attribute __iter__ reads (has_tail; transformers' BatchRebalanceSampler): both follow it.
        """
from torch.utils.data import Sampler


class TailFlag(Sampler):
    def __init__(self, n: int, batch_size: int, drop_last: bool = True):
        self.n, self.batch_size = n, batch_size
        self.num_batches = n // batch_size if drop_last else -(-n // batch_size)
        # drop_last is folded into what __iter__ reads (transformers' BatchRebalanceSampler).
        self.has_tail = not drop_last and n % batch_size > 0

    def __iter__(self):
        full = self.n // self.batch_size
        for b in range(full):
            yield list(range(b * self.batch_size, (b + 1) * self.batch_size))
        if self.has_tail:
            yield list(range(full * self.batch_size, self.n))

    def __len__(self):
        return self.num_batches
""",
    )

    INVALID = (
        Invalid(
            """
from torch.utils.data import Sampler


class IgnoresDrop(Sampler):
    def __init__(self, n, batch_size, drop_last=True):
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
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size  # <- DPL111
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import math
from torch.utils.data import Sampler


class CeilCall(Sampler):
    def __init__(self, n, batch_size, drop_last=True):
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
        if len(batch) > 0 and not self.drop_last:
            yield batch

    def __len__(self):
        return math.ceil(self.n / self.batch_size)  # <- DPL111
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class NegFloor(Sampler):
    def __init__(self, data_source, batch_size, drop_last=True):
        self.data_source = data_source
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        batch = []
        for idx in range(len(self.data_source)):
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        return -(-len(self.data_source) // self.batch_size)  # <- DPL111
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The ceiling computed in __init__.
            """
import math
from torch.utils.data import Sampler


class InitCeil(Sampler):
    def __init__(self, n, batch_size, drop_last=True):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.num_batches = math.ceil(n / batch_size)  # <- DPL111

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        return self.num_batches
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The tail guarded by an early return.
            """
from torch.utils.data import Sampler


class EarlyReturn(Sampler):
    def __init__(self, n, batch_size, drop_last=True):
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
        if self.drop_last:
            return
        if batch:
            yield batch

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size  # <- DPL111
""",
            manual=(_REASON,),
        ),
        Invalid(
            # __len__ follows drop_last; __iter__ always yields the tail.
            """
from torch.utils.data import Sampler


class LenOnly(Sampler):
    def __init__(self, n, batch_size, drop_last=True):
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
        if batch:
            yield batch

    def __len__(self):  # <- DPL111
        if self.drop_last:
            return self.n // self.batch_size
        return (self.n + self.batch_size - 1) // self.batch_size
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class LenOnlyExpr(Sampler):
    def __init__(self, n, batch_size, drop_last=True):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):  # <- DPL111
        return self.n // self.batch_size if self.drop_last else -(-self.n // self.batch_size)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # drop_last read from a parameter in __init__, for __len__ only.
            """
from torch.utils.data import Sampler


class InitLenOnly(Sampler):
    def __init__(self, n, batch_size, drop_last=True):
        self.n = n
        self.batch_size = batch_size
        self.length = n // batch_size if drop_last else (n + batch_size - 1) // batch_size

    def __iter__(self):
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):  # <- DPL111
        return self.length
""",
            manual=(_REASON,),
        ),
        Invalid(
            # A tail yielded under `if len(batch) > 0 and not self.drop_last`.
            """
import math
from torch.utils.data import Sampler


class GuardedTail(Sampler):
    def __init__(self, n, batch_size, drop_last=True):
        self.indices = list(range(n))
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        batch = []
        for idx in self.indices:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if len(batch) > 0 and not self.drop_last:
            yield batch

    def __len__(self):
        return int(math.ceil(len(self.indices) / self.batch_size))  # <- DPL111
""",
            manual=(_REASON,),
        ),
        Invalid(
            # drop_last_n: another spelling of the flag.
            """
from torch.utils.data import Sampler


class DropLastN(Sampler):
    def __init__(self, n, batch_size, drop_last_n=True):
        self.n = n
        self.batch_size = batch_size
        self.drop_last_n = drop_last_n

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last_n:
            yield batch

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size  # <- DPL111
""",
            manual=(_REASON,),
        ),
    )


def _own_flags(reached):
    """drop_last flags of the class itself (`self.drop_last`, a parameter) __len__ depends on."""
    for site in reached:
        for expr in (site.node, site.guard[1] if site.guard else None):
            own = isinstance(expr, cst.Name) or (
                isinstance(expr, cst.Attribute) and site.fn is not None and is_self_attr(expr, site.fn.func)
            )
            if own and "drop_last" in last_name(expr):
                yield last_name(expr)


def _follows_drop_last(ctx, read) -> bool:
    """__iter__ reads an attribute computed from a drop_last flag (`self.has_tail =
    not drop_last and ...`, transformers' BatchRebalanceSampler): it follows the flag."""
    for attr in read:
        for value, _method in ctx.index.self_assignments(attr):
            if any("drop_last" in (last_name(node) or "") for node in walk(value)):
                return True
    return False


def _is_ceiling(ctx, site) -> bool:
    """The division rounds up: inside `ceil()`, or `//` spelled as a ceiling."""
    parent = site.fn.parents.get(site.node) if site.fn is not None else None
    if isinstance(site.node.operator, cst.FloorDivide):
        return is_ceil_idiom(site.node, parent, ctx.code)
    while isinstance(parent, cst.Arg):
        parent = site.fn.parents.get(parent)
    return parent is not None and rounding_kind(parent, ctx.imports) == "ceil"
