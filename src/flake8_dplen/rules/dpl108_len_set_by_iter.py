"""__len__ returns what only __iter__ computes.

## What it does
Reports an assignment in `__iter__` to the attribute `__len__` returns (`self.X`, or
`len(self.X)`), when nothing else computes that attribute: `__init__` and the other
methods set it, if at all, to a placeholder (`0`, `None`, `[]`, ...).

## Why is this bad
`len()` is asked before the epoch runs: `len(DataLoader)`, Lightning's count of training
batches, the length of a progress bar and of a learning-rate schedule are all taken
before `__iter__` starts. Before the first epoch, `len()` is the placeholder (0 batches,
so Lightning skips the epoch) or raises `AttributeError`; after it, `len()` is the
previous epoch's count, not this one's. (A generator `__iter__` runs nothing until the
first item is asked for, so even `iter(sampler)` does not set it.)

## Use instead
Compute the count where the sampler is built (in `__init__`, or in `__len__` from the
same inputs `__iter__` uses), and let `__iter__` only use it. When the count really
changes from epoch to epoch (bucketing after a shuffle), compute the plan for the next
epoch ahead of time (in `set_epoch`), so that `len()` and `__iter__` read the same plan.

## Fix safety
No automatic fix: moving the computation out of `__iter__` changes when the random draws
happen. Left for a manual fix.

## Known problems
When another method also computes the attribute (`__init__` builds the same batches),
`len()` may still lag a shuffle-dependent count by one epoch; that is not reported.
"""

from __future__ import annotations

import libcst as cst

from ..core.iterfacts import counted_attr
from .base import ClassRule, Invalid

_REASON = (
    "compute the count where the sampler is built (in __init__, or in __len__ from the inputs __iter__ "
    "uses), or plan the next epoch in set_epoch, so that len() is right before __iter__ runs"
)


class LenSetByIter(ClassRule):
    code = "DPL108"
    title = "__len__ returns what only __iter__ computes"
    gating = True
    looks_at = "the attribute `__len__` returns with the assignments to it in `__iter__` and elsewhere"

    def check_class(self, ctx):
        length = ctx.index.methods.get("__len__")
        if length is None or not ctx.defines("__iter__"):
            return
        len_fn = ctx.index.function(length)
        for attr in sorted({counted_attr(value, len_fn) for value in len_fn.returns} - {None}):
            node = ctx.shape.assigns.get(attr)
            if (
                not isinstance(node, (cst.Assign, cst.AnnAssign))
                or node.value is None
                or _placeholder(node.value)
            ):
                continue
            others = [v for v, method in ctx.index.self_assignments(attr) if method is not ctx.shape.func]
            others += ctx.index.class_attrs.get(attr, [])
            if not all(_placeholder(v) for v in others):
                continue
            before = ctx.short(others[0], 20) if others else "unset"
            message = (
                f"__len__ returns self.{attr}, set only by __iter__: {before} before the first epoch, "
                "then the last epoch's count"
            )
            yield self.manual(node, message, _REASON)

    VALID = (
        # The count is computed in __init__; __iter__ only reorders the same batches.
        """
import random
from torch.utils.data import Sampler


class Buckets(Sampler):
    def __init__(self, n, batch_size):
        self.batches = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]

    def __iter__(self):
        random.shuffle(self.batches)
        yield from self.batches

    def __len__(self):
        return len(self.batches)
""",
        # __init__ and __iter__ both build the plan: len() is right before the first epoch.
        """
import random
from torch.utils.data import Sampler


class Replanned(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.plan = self._plan()

    def _plan(self):
        order = list(range(self.n))
        random.shuffle(order)
        return [order[i : i + self.batch_size] for i in range(0, self.n, self.batch_size)]

    def __iter__(self):
        self.plan = self._plan()
        yield from self.plan

    def __len__(self):
        return len(self.plan)
""",
        # A cache that __iter__ only clears: __len__ recomputes it.
        """
from torch.utils.data import Sampler


class Cached(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self._length = None

    def __iter__(self):
        self._length = None
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):
        if self._length is None:
            self._length = (self.n + self.batch_size - 1) // self.batch_size
        return self._length
""",
        # __iter__ sets an attribute __len__ does not return.
        """
import torch
from torch.utils.data import Sampler


class Epochs(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.epoch = 0

    def __iter__(self):
        self.epoch = self.epoch + 1
        g = torch.Generator()
        g.manual_seed(self.epoch)
        yield from torch.randperm(self.n, generator=g).tolist()

    def __len__(self):
        return self.n
""",
        # A counter __iter__ advances, not the length.
        """
from torch.utils.data import Sampler


class Progress(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.done = 0

    def __iter__(self):
        for i in range(self.n):
            self.done += 1
            yield i

    def __len__(self):
        return self.n
""",
        # set_epoch computes the plan before the epoch; __iter__ reads it.
        """
import random
from torch.utils.data import Sampler


class Planned(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.set_epoch(0)

    def set_epoch(self, epoch):
        rng = random.Random(epoch)
        order = rng.sample(range(self.n), self.n)
        self.batches = [order[i : i + self.batch_size] for i in range(0, self.n, self.batch_size)]

    def __iter__(self):
        batches = self.batches
        self.last_epoch_batches = batches
        yield from batches

    def __len__(self):
        return len(self.batches)
""",
        # The same value, computed from the inputs in __init__ and again in __iter__.
        """
from torch.utils.data import Sampler


class Recount(Sampler):
    def __init__(self, n, batch_size):
        self.indices = list(range(n))
        self.length = len(self.indices)

    def __iter__(self):
        self.length = len(self.indices)
        return iter(self.indices)

    def __len__(self):
        return self.length
""",
        # __iter__ resets the placeholder; __len__ is computed from the inputs.
        """
from torch.utils.data import Sampler


class Reset(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.position = 0

    def __iter__(self):
        self.position = 0
        while self.position < self.n:
            yield self.position
            self.position = self.position + 1

    def __len__(self):
        return self.n
""",
        # A property computes the count from the inputs.
        """
from torch.utils.data import Sampler


class ByProperty(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.batches = []

    @property
    def num_batches(self):
        return (self.n + self.batch_size - 1) // self.batch_size

    def __iter__(self):
        self.batches = [list(range(i, min(i + self.batch_size, self.n))) for i in range(0, self.n, self.batch_size)]
        yield from self.batches

    def __len__(self):
        return self.num_batches
""",
        # __len__ builds the attribute itself when it is missing.
        """
from torch.utils.data import Sampler


class LazyLen(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.order = None

    def __iter__(self):
        self.order = list(range(self.n))
        return iter(self.order)

    def __len__(self):
        if self.order is None:
            self.order = list(range(self.n))
        return len(self.order)
""",
    )

    INVALID = (
        Invalid(
            # A bucketing sampler that counts its batches only while an epoch runs.
            """
import random
from torch.utils.data import Sampler


class BucketBatches(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.num_batches = 0

    def __iter__(self):
        order = list(range(self.n))
        random.shuffle(order)
        batches = [order[i : i + self.batch_size] for i in range(0, self.n, self.batch_size)]
        self.num_batches = len(batches)  # <- DPL108
        yield from batches

    def __len__(self):
        return self.num_batches
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Never set before __iter__ runs.
            """
from torch.utils.data import Sampler


class Unset(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        self.length = self.n  # <- DPL108
        yield from range(self.n)

    def __len__(self):
        return self.length
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import torch
from torch.utils.data import Sampler


class EmptyPlan(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.batches = []

    def __iter__(self):
        order = torch.randperm(self.n).tolist()
        self.batches = [order[i : i + self.batch_size] for i in range(0, self.n, self.batch_size)]  # <- DPL108
        return iter(self.batches)

    def __len__(self):
        return len(self.batches)
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class Annotated(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.steps: int = 0

    def __iter__(self):
        self.steps: int = -(-self.n // self.batch_size)  # <- DPL108
        for step in range(self.steps):
            yield list(range(step * self.batch_size, min((step + 1) * self.batch_size, self.n)))

    def __len__(self):
        return self.steps
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The placeholder is a class attribute.
            """
from torch.utils.data import Sampler


class ClassDefault(Sampler):
    num_samples = 0

    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        self.num_samples = self.n  # <- DPL108
        return iter(range(self.num_samples))

    def __len__(self):
        return self.num_samples
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import torch
from torch.utils.data import Sampler


class Order(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.order = []

    def __iter__(self):
        self.order = torch.randperm(self.n).tolist()  # <- DPL108
        return iter(self.order)

    def __len__(self):
        return len(self.order)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Counts what it yielded, after the epoch.
            """
from torch.utils.data import Sampler


class CountAfter(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.count = 0

    def __iter__(self):
        produced = 0
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))
            produced += 1
        self.count = produced  # <- DPL108

    def __len__(self):
        return self.count
""",
            manual=(_REASON,),
        ),
        Invalid(
            # -1 as the placeholder: len() raises ValueError before the first epoch.
            """
from torch.utils.data import Sampler


class Lazy(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.num_batches = -1

    def __iter__(self):
        if self.num_batches < 0:
            self.num_batches = -(-self.n // self.batch_size)  # <- DPL108
        for b in range(self.num_batches):
            yield list(range(b * self.batch_size, min((b + 1) * self.batch_size, self.n)))

    def __len__(self):
        return self.num_batches
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Through a local in __len__.
            """
import random
from torch.utils.data import Sampler


class Grouped(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        groups = {}
        for i in range(self.n):
            groups.setdefault(random.randrange(2), []).append(i)
        batches = [g[i : i + self.batch_size] for g in groups.values() for i in range(0, len(g), self.batch_size)]
        self.epoch_batches = batches  # <- DPL108
        yield from batches

    def __len__(self):
        total = self.epoch_batches
        return len(total)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Set to a placeholder again in another method.
            """
from torch.utils.data import Sampler


class Resettable(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.reset()

    def reset(self):
        self.total = 0

    def __iter__(self):
        self.total = self.n  # <- DPL108
        yield from range(self.total)

    def __len__(self):
        return self.total
""",
            manual=(_REASON,),
        ),
    )


def _placeholder(value: cst.BaseExpression) -> bool:
    """A value that stands for "not computed yet": a number, None, an empty container."""
    if isinstance(value, cst.UnaryOperation):
        value = value.expression
    if isinstance(value, (cst.Integer, cst.Float)):
        return True
    if isinstance(value, cst.Name):
        return value.value in {"None", "False", "True"}
    if isinstance(value, (cst.List, cst.Tuple, cst.Dict, cst.Set)):
        return not value.elements
    return False
