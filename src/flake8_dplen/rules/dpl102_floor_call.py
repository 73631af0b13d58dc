"""floor() of a batch count.

## What it does
Reports `math.floor`, `math.trunc`, `numpy.floor`/`trunc` and `torch.floor`/`trunc` calls
whose value reaches `__len__`, outside a `drop_last` guard.

## Why is this bad
A floor drops the final partial batch from the count while `__iter__` still yields it,
so `len()` is one short whenever the size is not a multiple of the batch size, and
Lightning ends the epoch before the last batch.

## Use instead
`-(-a // b)` for ints, else `math.ceil(...)`; keep the floor only on the `drop_last` path.

## Fix safety
As DPL101: safe when `__iter__` shows the partial batch is yielded on that path; manual
otherwise, with the reason.

## Known problems
`numpy.floor` and `torch.floor` return floats; the fix returns an int, which is what
`__len__` must return anyway.
"""

from __future__ import annotations

from ..core.rounding import qualified_callee
from .base import Invalid, RoundingCall, rounded_arg, under_drop_last


class FloorCall(RoundingCall):
    code = "DPL102"
    title = "floor() of a batch count"
    gating = True
    kinds = frozenset({"floor"})

    def applies(self, ctx, site):
        return not under_drop_last(site)

    def describe(self, ctx, site):
        callee = qualified_callee(site.node, ctx.imports)
        return (
            f"{callee}() floors {ctx.short(rounded_arg(site))}, so __len__ undercounts the final partial batch; "
            "use math.ceil"
        )

    VALID = (
        """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        stop = self.n - self.n % self.bs if self.drop_last else self.n
        for start in range(0, stop, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        if self.drop_last:
            return math.floor(self.n / self.bs)
        return math.ceil(self.n / self.bs)
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
from torch.utils.data import Dataset


class Windows(Dataset):
    def __len__(self):
        return math.floor(self.n / self.size)
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
from math import floor
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last
        if drop_last:
            self.count = floor(n / bs)
        else:
            self.count = -(-n // bs)

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.count
""",
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
        return math.floor(self.n / self.bs) if self.drop_last else math.ceil(self.n / self.bs)
""",
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
        return math.floor(self.n / self.bs)
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
+        return math.ceil(self.n / self.bs)  # <- DPL102
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
@@ -3,0 +4 @@
+import math
@@ -15 +16 @@
-        return floor(self.n / self.bs)  # <- DPL102
+        return math.ceil(self.n / self.bs)  # <- DPL102
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
@@ -3,0 +4 @@
+import math
@@ -15 +16 @@
-        return fl(self.n / self.bs)  # <- DPL102
+        return math.ceil(self.n / self.bs)  # <- DPL102
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
@@ -3,0 +4 @@
+import math
@@ -15 +16 @@
-        return int(np.floor(self.n / self.bs))  # <- DPL102
+        return int(math.ceil(self.n / self.bs))  # <- DPL102
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
@@ -3,0 +4 @@
+import math
@@ -18 +19 @@
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
@@ -3,0 +4 @@
+import math
@@ -15 +16 @@
-        return int(torch.floor(torch.tensor(self.n / self.bs)))  # <- DPL102
+        return int(math.ceil(torch.tensor(self.n / self.bs)))  # <- DPL102
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
+        self.count = math.ceil(len(data) / bs)  # <- DPL102
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
+        return math.ceil(len(self.data) / self.bs)  # <- DPL102
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
+        return math.ceil(self.n / self.bs)  # <- DPL102
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
+        return math.ceil(self.num_samples / 4)  # <- DPL102
""",
        ),
    )
