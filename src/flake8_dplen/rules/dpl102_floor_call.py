"""floor() of a batch count.

## What it does
Reports `math.floor`, `math.trunc`, `numpy.floor`/`trunc`, `torch.floor`/`trunc` and
`round(x - 0.5)` of a batch count while `__iter__` yields the short remainder.
It judges by the model of `core/counting.py`: the rounded value is a ratio `a / b` whose
divisor `b` is a size `__iter__` batches by; the value is what `__len__` returns (through
locals, `self.<attr>`, properties, helpers, conditional branches, or as a term of a sum of
counts); no remainder correction (`+ (1 if a % b else 0)`, `+ bool(a % b)`, `q += 1` under
`if a % b`) or ceiling idiom (`(a + b - 1) / b`, `-int(-a / b)`) makes the floor right;
and `__iter__` shows a short final batch on that path (a tail `yield` after the loop, a
stepped range to `n`, a per-batch split). Where any of this is unknown, it stays silent.

## Why is this bad
A floor drops the final partial batch from the count while `__iter__` still yields it,
so `len()` is one short whenever the size is not a multiple of the batch size, and
Lightning ends the epoch before the last batch.

## Use instead
`-(-a // b)` for ints, else `math.ceil(...)`; keep the floor only on the `drop_last` path.

## Fix safety
As DPL101. For `round(x - 0.5)` the ceiling is of `x` itself.

## Known problems
`numpy.floor` and `torch.floor` return floats; the fix returns an int, which is what
`__len__` must return anyway.
"""

from __future__ import annotations

from ..core.counting import CEIL, CEIL_UNLESS_DROP_LAST, TAIL_DESPITE_DROP_LAST
from .base import Invalid, RoundingCall


class FloorCall(RoundingCall):
    code = "DPL102"
    title = "floor() of a batch count"
    gating = True
    kinds = frozenset({"floor"})
    wrong_when = frozenset({CEIL, CEIL_UNLESS_DROP_LAST, TAIL_DESPITE_DROP_LAST})

    def describe(self, ctx, site, ratio):
        return f"{self.callee(ctx, site)} drops the partial batch __iter__ yields"

    VALID = (
        """
import math
from torch.utils.data import Dataset


class Windows(Dataset):
    def __len__(self):
        return math.floor(self.n / self.size)
""",
        """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield list(range(i * self.bs, (i + 1) * self.bs))

    def __len__(self):
        return math.floor(self.n / self.bs)
""",
        """
import math


class NotASampler:
    def __iter__(self):
        yield from range(10)

    def __len__(self):
        return math.floor(10 / 3)
""",
        """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs
        self.steps = math.floor(n / bs)

    def __iter__(self):
        for i in range(self.steps):
            yield list(range(i * self.bs, (i + 1) * self.bs))

    def __len__(self):
        return self.n
""",
        """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        yield from range(math.floor(self.n / self.bs))

    def __len__(self):
        return (self.n + self.bs - 1) // self.bs
""",
        """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        steps = self.steps
        while steps > 0:
            yield [0] * self.bs
            steps -= 1

    @property
    def steps(self):
        return math.floor(self.n / self.bs)

    def __len__(self):
        return self.steps
""",
        # A chunk size floor(n / k), not the batch count: __iter__ slices by it.
        """
import math
from torch.utils.data import Sampler


class Chunked(Sampler):
    # Each replica gets a contiguous chunk of floor(n / k) indices; batches of bs.

    def __init__(self, n, k, rank, bs):
        self.n, self.k, self.rank, self.bs = n, k, rank, bs
        self.chunk = math.floor(n / k)

    def __iter__(self):
        idx = list(range(self.rank * self.chunk, (self.rank + 1) * self.chunk))
        for i in range(0, len(idx), self.bs):
            yield idx[i:i + self.bs]

    def __len__(self):
        return (self.chunk + self.bs - 1) // self.bs
""",
        # Float stepping: __iter__ steps while t + step <= end, the same floor as __len__.
        """
import math
from torch.utils.data import Sampler


class Windows(Sampler):
    def __init__(self, start: float, end: float, step: float):
        self.start, self.end, self.step = start, end, step

    def __iter__(self):
        t = self.start
        while t + self.step <= self.end:
            yield t
            t += self.step

    def __len__(self):
        return math.floor((self.end - self.start) / self.step)
""",
        # A local named m shadows 'import math as m': not math.floor.
        """
import math as m
from torch.utils.data import Sampler


def int(x):
    return x


class Chunks(Sampler):
    def __init__(self, n, bs, math):
        self.n, self.bs, self.math = n, bs, math

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        m = 3
        return m.floor(self.n * 1.0 / self.bs)
""",
        # -floor(-x) is the ceiling of x (unlike -int(-x), which truncates).
        """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return -math.floor(-self.n / self.bs)
""",
    )

    INVALID = (
        Invalid(
            """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.floor(self.n / self.bs)  # <- DPL102
""",
            fix="""
@@ -15 +15 @@
-        return math.floor(self.n / self.bs)  # <- DPL102
+        return -(-self.n // self.bs)  # <- DPL102
""",
        ),
        Invalid(
            """
from math import floor
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return floor(self.n / self.bs)  # <- DPL102
""",
            fix="""
@@ -15 +15 @@
-        return floor(self.n / self.bs)  # <- DPL102
+        return -(-self.n // self.bs)  # <- DPL102
""",
        ),
        Invalid(
            """
from math import floor as fl
import torch.utils.data as tud


class Chunks(tud.Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return fl(self.n / self.bs)  # <- DPL102
""",
            fix="""
@@ -15 +15 @@
-        return fl(self.n / self.bs)  # <- DPL102
+        return -(-self.n // self.bs)  # <- DPL102
""",
        ),
        Invalid(
            """
import numpy as np
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return int(np.floor(self.n / self.bs))  # <- DPL102
""",
            fix="""
@@ -15 +15 @@
-        return int(np.floor(self.n / self.bs))  # <- DPL102
+        return int(-(-self.n // self.bs))  # <- DPL102
""",
        ),
        Invalid(
            """
import numpy
from torch.utils.data.sampler import BatchSampler


class Chunks(BatchSampler):
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
        return int(numpy.floor(len(self.sampler) / self.batch_size))  # <- DPL102
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -18 +20 @@
-        return int(numpy.floor(len(self.sampler) / self.batch_size))  # <- DPL102
+        return int(math.ceil(len(self.sampler) / self.batch_size))  # <- DPL102
""",
        ),
        Invalid(
            """
import torch
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return int(torch.floor(torch.tensor(self.n / self.bs)))  # <- DPL102
""",
            fix="""
@@ -15 +15 @@
-        return int(torch.floor(torch.tensor(self.n / self.bs)))  # <- DPL102
+        return int(-(-self.n // self.bs))  # <- DPL102
""",
        ),
        Invalid(
            # In __init__, through an attribute.
            """
import math
from torch.utils.data import RandomSampler


class Chunks(RandomSampler):
    def __init__(self, data, bs):
        self.data = data
        self.bs = bs
        self.count = math.floor(len(data) / bs)  # <- DPL102

    def __iter__(self):
        for start in range(0, len(self.data), self.bs):
            yield list(range(start, min(start + self.bs, len(self.data))))

    def __len__(self):
        return self.count
""",
            fix="""
@@ -10 +10 @@
-        self.count = math.floor(len(data) / bs)  # <- DPL102
+        self.count = -(-len(data) // bs)  # <- DPL102
""",
        ),
        Invalid(
            # Through a helper method.
            """
import math
from torch.utils.data import SequentialSampler


class Chunks(SequentialSampler):
    def __init__(self, data, bs):
        self.data, self.bs = data, bs

    def batches(self):
        return math.floor(len(self.data) / self.bs)  # <- DPL102

    def __iter__(self):
        for start in range(0, len(self.data), self.bs):
            yield list(range(start, min(start + self.bs, len(self.data))))

    def __len__(self):
        return self.batches()
""",
            fix="""
@@ -11 +11 @@
-        return math.floor(len(self.data) / self.bs)  # <- DPL102
+        return -(-len(self.data) // self.bs)  # <- DPL102
""",
        ),
        Invalid(
            # math.trunc floors too for counts.
            """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.trunc(self.n / self.bs)  # <- DPL102
""",
            fix="""
@@ -15 +15 @@
-        return math.trunc(self.n / self.bs)  # <- DPL102
+        return -(-self.n // self.bs)  # <- DPL102
""",
        ),
        Invalid(
            # The drop_last=False path.
            """
import math
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
        if not self.drop_last:
            return math.floor(len(self.sampler) / self.batch_size)  # <- DPL102
        return len(self.sampler) // self.batch_size
""",
            fix="""
@@ -19 +19 @@
-            return math.floor(len(self.sampler) / self.batch_size)  # <- DPL102
+            return math.ceil(len(self.sampler) / self.batch_size)  # <- DPL102
""",
        ),
        Invalid(
            # Through a property, with a subscripted generic base.
            """
import math
from typing import List
from torch.utils.data import WeightedRandomSampler


class Chunks(WeightedRandomSampler):
    @property
    def num_batches(self):
        return math.floor(self.num_samples / 4)  # <- DPL102

    def __iter__(self):
        for start in range(0, self.num_samples, 4):
            yield list(range(start, min(start + 4, self.num_samples)))

    def __len__(self):
        return self.num_batches
""",
            fix="""
@@ -10 +10 @@
-        return math.floor(self.num_samples / 4)  # <- DPL102
+        return -(-self.num_samples // 4)  # <- DPL102
""",
        ),
        Invalid(
            # __len__ floors under drop_last, but __iter__ yields the short slice whatever drop_last says: one side is wrong, so the fix is manual.
            """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        if self.drop_last:
            return math.floor(self.n / self.bs)  # <- DPL102
        return math.ceil(self.n / self.bs)
""",
            manual=(
                "__iter__ yields the partial batch even when drop_last is true: make __iter__ drop it, or count it here",
            ),
        ),
        Invalid(
            # __len__ floors under drop_last, but __iter__ yields the short slice whatever drop_last says: one side is wrong, so the fix is manual.
            """
from math import floor
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last
        if drop_last:
            self.count = floor(n / bs)  # <- DPL102
        else:
            self.count = -(-n // bs)

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.count
""",
            manual=(
                "__iter__ yields the partial batch even when drop_last is true: make __iter__ drop it, or count it here",
            ),
        ),
        Invalid(
            # __len__ floors under drop_last, but __iter__ yields the short slice whatever drop_last says: one side is wrong, so the fix is manual.
            """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.floor(self.n / self.bs) if self.drop_last else math.ceil(self.n / self.bs)  # <- DPL102
""",
            manual=(
                "__iter__ yields the partial batch even when drop_last is true: make __iter__ drop it, or count it here",
            ),
        ),
        Invalid(
            # __len__ floors under drop_last, but __iter__ yields the short slice whatever drop_last says: one side is wrong, so the fix is manual.
            """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        if not self.drop_last:
            return math.ceil(self.n / self.bs)
        return math.floor(self.n / self.bs)  # <- DPL102
""",
            manual=(
                "__iter__ yields the partial batch even when drop_last is true: make __iter__ drop it, or count it here",
            ),
        ),
    )
