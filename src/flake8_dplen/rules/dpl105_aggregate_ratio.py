"""ceil of an aggregate ratio where __iter__ splits batch by batch.

## What it does
Reports `ceil(len(S) * (b / M))` (and its spellings) when `__iter__` iterates `S` batch
by batch and splits every batch into `ceil(len(batch) / M)` pieces, as opacus's
`BatchSplittingSampler` does.

## Why is this bad
Each logical batch is split on its own, so the count is a sum of per-batch ceilings, and
a sum of ceilings is not the ceiling of the sum: with N=60000, batch 256 and M=100, opacus
1.5-1.6's `math.ceil` says 602 where 703 physical batches are yielded. A float ratio can
also land just above an integer (N=370, batch 58, M=7: ceil gives 59, 58 are yielded).
Under Poisson sampling the count is random and `len()` can only be its expectation.

## Use instead
The per-batch count: full batches times pieces per full batch, plus the pieces of the
tail; under Poisson sampling, the exact expectation of the pieces.

## Fix safety
Safe when `S` is a torch `BatchSampler` behind an `isinstance` check (the exact count
from `len(S.sampler)`, `S.batch_size` and `S.drop_last`), or when the expected batch size
is `S.<rate> * S.num_samples` (Poisson sampling: the exact expectation, through a small
stdlib-only function added to the module). Otherwise manual: only iterating `S` gives the
count.

## Known problems
With Poisson sampling over a sampler that skips empty batches (opacus's distributed
one), the fixed `len()` counts an empty batch as one piece.
"""

from __future__ import annotations

from ..core.counting import CEIL, BatchRatio, counterexample
from ..fixes.aggregate import aggregate_ratio, per_batch_count
from .base import Invalid, Rule, split_message, where


class AggregateRatio(Rule):
    code = "DPL105"
    title = "ceil of an aggregate ratio where __iter__ splits batch by batch"
    gating = True
    kinds = frozenset({"ceil"})

    def check(self, ctx, site, kind):
        if ctx.consistent(site):
            return None
        arg = site.node.args[0].value
        agg = aggregate_ratio(ctx, arg, site)
        if agg is None:
            return None
        message = split_message(ctx, site, "ceil", agg)
        ratio = BatchRatio((agg.wrapped_len, *agg.per_batch), agg.divisor, CEIL)
        example = counterexample(ctx, ratio)
        return self.finding(ctx, site, message + example + where(site), per_batch_count(ctx, site, agg))

    VALID = (
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
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, max_size):
        self.batches = batches
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return sum(math.ceil(len(b) / self.max_size) for b in self.batches)
""",
        # The exact per-batch count for a torch BatchSampler.
        """
import math
from torch.utils.data import BatchSampler, Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        if isinstance(self.batches, BatchSampler):
            n, b, m = len(self.batches.sampler), self.batches.batch_size, self.max_size
            return n // b * -(-b // m) + (0 if self.batches.drop_last else -(-(n % b) // m))
        return sum(math.ceil(len(x) / self.max_size) for x in self.batches)
""",
        # Ceil of a plain ratio where __iter__ does not split batch by batch.
        """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, data, bs):
        self.data, self.bs = data, bs

    def __iter__(self):
        for start in range(0, len(self.data), self.bs):
            yield list(range(start, min(start + self.bs, len(self.data))))

    def __len__(self):
        return math.ceil(len(self.data) * (1 / self.bs))
""",
        # __iter__ splits by a different size than __len__ divides by: not this pattern.
        """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.other_size))
""",
        # The count is bound by len(self) in __iter__.
        """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for i in range(len(self)):
            yield [i]

    def __len__(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.max_size))
""",
        # A Dataset is never reported.
        """
import math
from torch.utils.data import Dataset


class Pieces(Dataset):
    def __init__(self, batches, max_size):
        self.batches, self.max_size = batches, max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return math.ceil(len(self.batches) * (4 / self.max_size))
""",
        # Ceil in __iter__ only; __len__ counts exactly.
        """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return sum(-(-len(b) // self.max_size) for b in self.batches)
""",
        # Not a sampler at all.
        """
import math


class Pieces:
    def __init__(self, batches, max_size):
        self.batches, self.max_size = batches, max_size

    def __iter__(self):
        for batch in self.batches:
            yield from range(math.ceil(len(batch) / self.max_size))

    def __len__(self):
        return math.ceil(len(self.batches) * (4 / self.max_size))
""",
        # Ceil over a different attribute than the one __iter__ walks.
        """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size
        self.other = batches

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return math.ceil(len(self.other) * (self.batch_size / self.max_size))
""",
    )

    INVALID = (
        Invalid(
            # opacus 1.5-1.6 BatchSplittingSampler: ceil of the aggregate ratio.
            """
import math
from typing import List
import numpy as np
from torch.utils.data import BatchSampler, Sampler


class BatchSplittingSampler(Sampler[List[int]]):
    def __init__(self, *, sampler, max_batch_size: int, optimizer):
        self.sampler = sampler
        self.max_batch_size = max_batch_size

    def __iter__(self):
        for batch_idxs in self.sampler:
            split_idxs = np.array_split(batch_idxs, math.ceil(len(batch_idxs) / self.max_batch_size))
            for x in split_idxs:
                yield x.tolist()

    def __len__(self):
        if isinstance(self.sampler, BatchSampler):
            return math.ceil(  # <- DPL105
                len(self.sampler) * (self.sampler.batch_size / self.max_batch_size)
            )
        return len(self.sampler)
""",
            fix="""
@@ -21,2 +21,12 @@
-            return math.ceil(  # <- DPL105
-                len(self.sampler) * (self.sampler.batch_size / self.max_batch_size)
+            return (
+                len(self.sampler.sampler)
+                // self.sampler.batch_size
+                * -(-self.sampler.batch_size // self.max_batch_size)
+                + (
+                    0
+                    if self.sampler.drop_last
+                    else -(
+                        -(len(self.sampler.sampler) % self.sampler.batch_size)
+                        // self.max_batch_size
+                    )
+                )
""",
        ),
        Invalid(
            """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return math.ceil(len(self.batches) * self.batch_size / self.max_size)  # <- DPL105
""",
            manual=(
                "__iter__ splits each batch of self.batches into ceil(len(batch) / self.max_size) pieces; no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand",
            ),
        ),
        Invalid(
            # `from math import ceil` spelling.
            """
import math
from math import ceil
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105
""",
            manual=(
                "__iter__ splits each batch of self.batches into ceil(len(batch) / self.max_size) pieces; no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand",
            ),
        ),
        Invalid(
            # `import math as m` alias and a module alias for torch.
            """
import math
import math as m
import torch.utils.data as tud


class Split(tud.Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return m.ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105
""",
            manual=(
                "__iter__ splits each batch of self.batches into ceil(len(batch) / self.max_size) pieces; no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand",
            ),
        ),
        Invalid(
            # Through an attribute set in __init__.
            """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size
        self.count = math.ceil(len(batches) * (batch_size / max_size))  # <- DPL105

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return self.count
""",
            manual=(
                "__iter__ splits each batch of batches into ceil(len(batch) / max_size) pieces; no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand",
            ),
        ),
        Invalid(
            # Through a property.
            """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    @property
    def count(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105

    def __len__(self):
        return self.count
""",
            manual=(
                "__iter__ splits each batch of self.batches into ceil(len(batch) / self.max_size) pieces; no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand",
            ),
        ),
        Invalid(
            # Through a helper method.
            """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def _count(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105

    def __len__(self):
        return self._count()
""",
            manual=(
                "__iter__ splits each batch of self.batches into ceil(len(batch) / self.max_size) pieces; no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand",
            ),
        ),
        Invalid(
            # Through a local.
            """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        expected = len(self.batches) * (self.batch_size / self.max_size)
        return math.ceil(expected)  # <- DPL105
""",
            manual=(
                "__iter__ splits each batch of self.batches into ceil(len(batch) / self.max_size) pieces; no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand",
            ),
        ),
        Invalid(
            # numpy.ceil of the ratio.
            """
import math
import numpy as np
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return int(np.ceil(len(self.batches) * (self.batch_size / self.max_size)))  # <- DPL105
""",
            manual=(
                "__iter__ splits each batch of self.batches into ceil(len(batch) / self.max_size) pieces; no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand",
            ),
        ),
        Invalid(
            # np.array_split per batch, generic base from torch.utils.data.sampler.
            """
import math
from typing import List
import numpy as np
from torch.utils.data.sampler import Sampler


class Split(Sampler[List[int]]):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            yield from np.array_split(batch, math.ceil(len(batch) / self.max_size))

    def __len__(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105
""",
            manual=(
                "__iter__ splits each batch of self.batches into ceil(len(batch) / self.max_size) pieces; no single rounding of the aggregate ratio counts them: sum the per-batch ceilings by hand",
            ),
        ),
        Invalid(
            # From opacus 1.6.0 (reduced): ceil of the aggregate ratio.
            """
import math

import numpy as np
from torch.utils.data import BatchSampler, Sampler


class Splitter(Sampler):
    def __init__(self, sampler, max_batch_size: int):
        self.sampler = sampler
        self.max_batch_size = max_batch_size

    def __iter__(self):
        for batch in self.sampler:
            pieces = np.array_split(batch, math.ceil(len(batch) / self.max_batch_size))
            yield from (p.tolist() for p in pieces)

    def __len__(self):
        if isinstance(self.sampler, BatchSampler):
            return math.ceil(len(self.sampler) * (self.sampler.batch_size / self.max_batch_size))  # <- DPL105
        return len(self.sampler)
""",
            fix="""
@@ -20 +20,13 @@
-            return math.ceil(len(self.sampler) * (self.sampler.batch_size / self.max_batch_size))  # <- DPL105
+            return (
+                len(self.sampler.sampler)
+                // self.sampler.batch_size
+                * -(-self.sampler.batch_size // self.max_batch_size)
+                + (
+                    0
+                    if self.sampler.drop_last
+                    else -(
+                        -(len(self.sampler.sampler) % self.sampler.batch_size)
+                        // self.max_batch_size
+                    )
+                )
+            )  # <- DPL105
""",
        ),
    )
