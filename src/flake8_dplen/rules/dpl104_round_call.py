"""round() of a batch count.

## What it does
Reports `round(x)` of a fractional value that reaches `__len__`.

## Why is this bad
`round()` rounds half to even and otherwise to the nearest integer: it undercounts when
the remainder is below half a batch and can overcount when it is exactly half
(`round(3.5) == 4`, `round(2.5) == 2`). No `drop_last` setting makes it right.

## Use instead
`-(-a // b)` (or `math.ceil`) when the tail is yielded; `a // b` under `drop_last`.

## Fix safety
As DPL101: safe when `__iter__` shows the partial batch is yielded; manual otherwise.

## Known problems
None known.
"""

from __future__ import annotations

from .base import Invalid, RoundingCall, floors_fractional, rounded_arg


class RoundCall(RoundingCall):
    code = "DPL104"
    title = "round() of a batch count"
    gating = True
    kinds = frozenset({"round"})

    def applies(self, ctx, site):
        # Half-to-even is wrong whatever drop_last says: round(3.5) counts a batch too many.
        return floors_fractional(ctx, site)

    def describe(self, ctx, site):
        return (
            f"round() of {ctx.short(rounded_arg(site))} rounds half to even, so __len__ is off by one "
            "for some sizes; use math.ceil, or // under drop_last"
        )

    VALID = (
        """
from torch.utils.data import Sampler


class Seq(Sampler):
    def __init__(self, data):
        self.data = data

    def __iter__(self):
        return iter(range(len(self.data)))

    def __len__(self):
        return round(len(self.data))
""",
        """
from torch.utils.data import Sampler


class Fixed(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield [i]

    def __len__(self):
        return round(self.n / self.bs)
""",
        """
from torch.utils.data import Dataset


class Windows(Dataset):
    def __len__(self):
        return round(self.n / self.size)
""",
        """
class Plain:
    def __iter__(self):
        yield 1

    def __len__(self):
        return round(3 / 2)
""",
        """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        scale = round(self.n / self.bs)
        yield from range(scale)

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
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.ceil(self.n / self.bs)
""",
        """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, steps):
        self.n = n
        self.steps = round(n / 10)

    def __iter__(self):
        for _ in range(self.steps):
            yield [0]

    def __len__(self):
        return self.steps
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
        return round(self.n // self.bs) + (self.n % self.bs > 0)
""",
        """
from mylib import Sampler


class Chunks(Sampler):
    def __len__(self):
        return round(self.n / self.bs)
""",
        """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def describe(self):
        return round(self.n / self.bs, 2)

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return -(-self.n // self.bs)
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
        return round(self.n / self.bs)  # <- DPL104
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -14 +16 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return math.ceil(self.n / self.bs)  # <- DPL104
""",
        ),
        Invalid(
            """
import torch.utils.data as tud


class Chunks(tud.Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return round(self.n / self.bs)  # <- DPL104
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -14 +16 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return math.ceil(self.n / self.bs)  # <- DPL104
""",
        ),
        Invalid(
            """
from torch.utils.data.sampler import Sampler as Base


class Chunks(Base):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs
        self.count = round(n / bs)  # <- DPL104

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.count
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -8 +10 @@
-        self.count = round(n / bs)  # <- DPL104
+        self.count = math.ceil(n / bs)  # <- DPL104
""",
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def _count(self):
        return round(self.n / self.bs)  # <- DPL104

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self._count()
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -10 +12 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return math.ceil(self.n / self.bs)  # <- DPL104
""",
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    @property
    def count(self):
        return round(self.n / self.bs)  # <- DPL104

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.count
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -11 +13 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return math.ceil(self.n / self.bs)  # <- DPL104
""",
        ),
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
        count = round(self.n / self.bs)  # <- DPL104
        return count
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -14 +16 @@
-        count = round(self.n / self.bs)  # <- DPL104
+        count = math.ceil(self.n / self.bs)  # <- DPL104
""",
        ),
        Invalid(
            # round() is wrong under drop_last too: it rounds 3.5 up to 4.
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
        if self.drop_last:
            return round(self.n / self.bs)  # <- DPL104
        return -(-self.n // self.bs)
""",
            manual=("ceil is right only when drop_last is false, and this value is used on both paths",),
        ),
        Invalid(
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
        if batch:
            yield batch

    def __len__(self):
        return round(len(self.sampler) / self.batch_size)  # <- DPL104
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -17 +19 @@
-        return round(len(self.sampler) / self.batch_size)  # <- DPL104
+        return math.ceil(len(self.sampler) / self.batch_size)  # <- DPL104
""",
        ),
        Invalid(
            """
from torch.utils.data import Sampler

SHARE = 0.5


class Half(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return round(self.n * SHARE)  # <- DPL104
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -16 +18 @@
-        return round(self.n * SHARE)  # <- DPL104
+        return math.ceil(self.n * SHARE)  # <- DPL104
""",
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class Base(Sampler):
    pass


class Chunks(Base):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return round(self.n / self.bs)  # <- DPL104
""",
            fix="""
@@ -0,0 +1,2 @@
+
+import math
@@ -18 +20 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return math.ceil(self.n / self.bs)  # <- DPL104
""",
        ),
    )
