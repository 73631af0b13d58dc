"""round() of a batch count.

## What it does
Reports `round(a / b)` of a batch count, against either count `__iter__` may yield: the
ceiling when it yields the short remainder, the floor when it drops it (under `drop_last`,
or a loop that yields full batches only).
It judges by the model of `core/counting.py`: the rounded value is a ratio `a / b` whose
divisor `b` is a size `__iter__` batches by; the value is what `__len__` returns (through
locals, `self.<attr>`, properties, helpers, conditional branches, or as a term of a sum of
counts); no remainder correction (`+ (1 if a % b else 0)`, `+ bool(a % b)`, `q += 1` under
`if a % b`) or ceiling idiom (`(a + b - 1) / b`, `-int(-a / b)`) makes the floor right.

## Why is this bad
`round()` rounds half to even and otherwise to the nearest integer: it undercounts when
the remainder is below half a batch and can overcount when it is exactly half
(`round(3.5) == 4`, `round(2.5) == 2`). No `drop_last` setting makes it right.

## Use instead
`-(-a // b)` (or `math.ceil`) when the tail is yielded; `a // b` under `drop_last`.

## Fix safety
The ceiling as DPL101 where the tail is yielded; `a // b` where it is dropped, when both
operands are provably ints (otherwise manual: `//` of a float is a float).

## Known problems
None known.
"""

from __future__ import annotations

from ..core.counting import CEIL, CEIL_UNLESS_DROP_LAST, FLOOR, TAIL_DESPITE_DROP_LAST
from .base import Invalid, RoundingCall


class RoundCall(RoundingCall):
    code = "DPL104"
    title = "round() of a batch count"
    gating = True
    kinds = frozenset({"round"})
    # To the nearest, half to even: wrong against a floor and against a ceiling alike.
    wrong_when = frozenset({CEIL, CEIL_UNLESS_DROP_LAST, FLOOR, TAIL_DESPITE_DROP_LAST})

    def describe(self, ctx, site, ratio):
        if ratio.yielded == FLOOR:
            return "round() may count the partial batch __iter__ drops"
        return "round() may drop the partial batch __iter__ yields"

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
        # Not a batch count: no ratio by a size __iter__ batches by, so the model cannot say what len() should be (the mismatch is in the units, not the rounding).
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
        return round(self.n * SHARE)
""",
        # A batch-size factor round(bs * 0.707) that __iter__ batches by: a size, not the count.
        """
from torch.utils.data import Sampler


class Shrunk(Sampler):
    def __init__(self, n, bs):
        self.n = n
        self.bs = round(bs * 0.707)

    def __iter__(self):
        for i in range(0, self.n, self.bs):
            yield list(range(i, min(i + self.bs, self.n)))

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
@@ -14 +14 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return -(-self.n // self.bs)  # <- DPL104
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
@@ -14 +14 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return -(-self.n // self.bs)  # <- DPL104
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
@@ -8 +8 @@
-        self.count = round(n / bs)  # <- DPL104
+        self.count = -(-n // bs)  # <- DPL104
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
@@ -10 +10 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return -(-self.n // self.bs)  # <- DPL104
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
@@ -11 +11 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return -(-self.n // self.bs)  # <- DPL104
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
@@ -14 +14 @@
-        count = round(self.n / self.bs)  # <- DPL104
+        count = -(-self.n // self.bs)  # <- DPL104
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
            manual=(
                "self.bs is not provably an int (annotate it `: int`, or pass it to range() in __iter__), so `//` might not give an int: write the floor by hand",
            ),
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
@@ -18 +18 @@
-        return round(self.n / self.bs)  # <- DPL104
+        return -(-self.n // self.bs)  # <- DPL104
""",
        ),
        Invalid(
            # Under drop_last the count is the floor, which round() exceeds whenever the remainder is half a batch or more; the fix is a // b.
            """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n: int, bs: int, drop_last: bool):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        stop = self.n - self.n % self.bs if self.drop_last else self.n
        for start in range(0, stop, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        if self.drop_last:
            return round(self.n / self.bs)  # <- DPL104
        return -(-self.n // self.bs)
""",
            fix="""
@@ -16 +16 @@
-            return round(self.n / self.bs)  # <- DPL104
+            return self.n // self.bs  # <- DPL104
""",
        ),
        Invalid(
            # round(x - 0.5), written for a floor, with __iter__ yielding the tail: the fix is the ceiling of x.
            """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return round(self.n / self.bs - 0.5)  # <- DPL104
""",
            fix="""
@@ -14 +14 @@
-        return round(self.n / self.bs - 0.5)  # <- DPL104
+        return -(-self.n // self.bs)  # <- DPL104
""",
        ),
        Invalid(
            # round(x - 0.5) is no floor: half to even makes it round(0.5) == 0, so with full batches only
            # len() is one short whenever n is an odd multiple of bs.
            """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n - self.bs + 1, self.bs):
            yield list(range(start, start + self.bs))

    def __len__(self):
        return round(self.n / self.bs - 0.5)  # <- DPL104
""",
            manual=(
                "self.n is not provably an int (annotate it `: int`, or pass it to range() in __iter__), so `//` might not give an int: write the floor by hand",
            ),
        ),
    )
