"""a step of the loop that __len__ counts may yield nothing.

## What it does
Reports an `__iter__` loop of `range(self.k)` (or `while k > 0` with `k` from `self.k`)
where `__len__` returns that same `self.k`, when a step of the loop can end without
yielding: a `continue`, or every yield under an `if` that has no `else`
(`if len(selected) > 0: yield selected`).

## Why is this bad
`len()` counts the steps, `__iter__` yields one item per step that passes the test: every
empty draw or filtered step makes `len()` one too many. With Poisson sampling the batch
count becomes random, and Lightning waits at the end of the epoch for batches that never
come (its progress bar and the scheduler count `len()`).

## Use instead
Yield on every step (an empty batch where nothing was drawn, as opacus's
`UniformWithReplacementSampler` does), or make `__len__` count the steps that yield.

## Fix safety
No automatic fix, and not gating: when the skipped steps are rare (an empty Poisson draw
with a large expected batch), `len()` is a fair upper bound, and counting the skips
exactly needs iterating.

## Known problems
A condition that never fails in practice (`if batch:` over batches that are never empty)
is reported all the same; that is why it is a warning.
"""

from __future__ import annotations

from ..core.iterfacts import count_attr
from .base import ClassRule, Invalid

_REASON = "yield on every step (an empty batch when nothing is drawn), or count in __len__ only the steps that yield"


class SkippedSteps(ClassRule):
    code = "DPL204"
    title = "a step of the loop that __len__ counts may yield nothing"
    gating = False
    looks_at = "the loop `__iter__` bounds by what `__len__` returns with the steps that yield nothing"

    def check_class(self, ctx):
        if not ctx.shape.skips or "__len__" not in ctx.index.methods:
            return
        counted = {count_attr(value, fn) for value, fn in ctx.len_roots()} - {None}
        for skip, attr in ctx.shape.skips:
            if attr in counted:
                message = (
                    f"__len__ counts the steps of a loop of __iter__, but a step yields nothing when "
                    f"{ctx.short(skip, 40)} fails"
                )
                yield self.manual(skip, message, _REASON)
                return

    VALID = (
        # opacus's UniformWithReplacementSampler: an empty draw is still a batch.
        """
import torch
from torch.utils.data import Sampler


class Poisson(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.sample_rate = 0.1
        self.steps = 3 * batch_size

    def __iter__(self):
        for _ in range(self.steps):
            mask = torch.rand(self.n) < self.sample_rate
            yield mask.nonzero().reshape(-1).tolist()

    def __len__(self):
        return self.steps
""",
        # Both branches yield.
        """
import torch
from torch.utils.data import Sampler


class BothBranches(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.steps = 3 * batch_size

    def __iter__(self):
        for _ in range(self.steps):
            selected = (torch.rand(self.n) < 0.1).nonzero().reshape(-1)
            if len(selected) > 0:
                yield selected.tolist()
            else:
                yield []

    def __len__(self):
        return self.steps
""",
        # The skipped steps are subtracted in __len__.
        """
from torch.utils.data import Sampler


class Blocked(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.blocked = set(range(0, n, 3))

    def __iter__(self):
        for i in range(self.n):
            if i in self.blocked:
                continue
            yield i

    def __len__(self):
        return self.n - len(self.blocked)
""",
        # torch's BatchSampler loop: the loop is over the sampler, not the counted steps.
        """
from torch.utils.data import Sampler


class Batcher(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        batch = []
        for idx in range(self.n):
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size
""",
        # __len__ counts another attribute than the loop's.
        """
from torch.utils.data import Sampler


class Evens(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.n_even = (n + 1) // 2

    def __iter__(self):
        for i in range(self.n):
            if i % 2 == 0:
                yield i

    def __len__(self):
        return self.n_even
""",
        # The else raises: a step never passes silently.
        """
from torch.utils.data import Sampler


class Strict(Sampler):
    def __init__(self, n, batch_size):
        self.batches = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]
        self.num_batches = len(self.batches)

    def __iter__(self):
        for i in range(self.num_batches):
            batch = self.batches[i]
            if batch:
                yield batch
            else:
                raise ValueError("empty batch")

    def __len__(self):
        return self.num_batches
""",
        # A while loop that yields on every step.
        """
import torch
from torch.utils.data import Sampler


class Countdown(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.num_batches = batch_size + 1

    def __iter__(self):
        remaining = self.num_batches
        while remaining > 0:
            yield (torch.rand(self.n) < 0.5).nonzero().reshape(-1).tolist()
            remaining -= 1

    def __len__(self):
        return self.num_batches
""",
        # The continue belongs to an inner loop.
        """
from torch.utils.data import Sampler


class InnerContinue(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.steps = batch_size

    def __iter__(self):
        for step in range(self.steps):
            batch = []
            for i in range(self.n):
                if (i + step) % 2:
                    continue
                batch.append(i)
            yield batch

    def __len__(self):
        return self.steps
""",
        # A loop over len(self.data): not a counted attribute.
        """
from torch.utils.data import Sampler


class Filtered(Sampler):
    def __init__(self, n, batch_size):
        self.data = list(range(n))

    def __iter__(self):
        for i in range(len(self.data)):
            if self.data[i] % 2 == 0:
                yield i

    def __len__(self):
        return sum(1 for x in self.data if x % 2 == 0)
""",
        # The if only chooses what to yield, before an unconditional yield.
        """
from torch.utils.data import Sampler


class Choose(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.steps = n

    def __iter__(self):
        for step in range(self.steps):
            item = step
            if step % 2:
                item = self.n - 1 - step
            yield item

    def __len__(self):
        return self.steps
""",
    )

    INVALID = (
        Invalid(
            # opacus's DistributedUniformWithReplacementSampler shape.
            """
import torch
from torch.utils.data import Sampler


class DistributedPoisson(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.sample_rate = 0.1
        self.num_batches = 3 * batch_size

    def __iter__(self):
        for _ in range(self.num_batches):
            mask = torch.rand(self.n) < self.sample_rate
            selected = mask.nonzero(as_tuple=False).reshape(-1)
            if len(selected) > 0:  # <- DPL204
                yield selected.tolist()

    def __len__(self):
        return self.num_batches
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import random
from torch.utils.data import Sampler


class SkipEmpty(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.steps = 3 * batch_size

    def __iter__(self):
        for _ in range(self.steps):
            batch = [i for i in range(self.n) if random.random() < 0.2]
            if not batch:
                continue  # <- DPL204
            yield batch

    def __len__(self):
        return self.steps
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import torch
from torch.utils.data import Sampler


class WhileSkip(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.num_batches = 3 * batch_size

    def __iter__(self):
        remaining = self.num_batches
        while remaining > 0:
            remaining -= 1
            batch = (torch.rand(self.n) < 0.1).nonzero().reshape(-1).tolist()
            if batch:  # <- DPL204
                yield batch

    def __len__(self):
        return self.num_batches
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Short windows at the end are skipped.
            """
from torch.utils.data import Sampler


class Windows(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.size = batch_size
        self.num_windows = n

    def __iter__(self):
        for start in range(self.num_windows):
            window = list(range(start, min(start + self.size, self.n)))
            if len(window) == self.size:  # <- DPL204
                yield window

    def __len__(self):
        return self.num_windows
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class Keep(Sampler):
    def __init__(self, n, batch_size):
        self.num_samples = n
        self.keep = [j % 3 != 0 for j in range(n)]

    def __iter__(self):
        for i in range(self.num_samples):
            if self.keep[i]:  # <- DPL204
                yield i

    def __len__(self):
        return self.num_samples
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class MaybeNone(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.steps = n

    def _draw(self, step):
        return None if step % 2 else [step]

    def __iter__(self):
        for step in range(self.steps):
            batch = self._draw(step)
            if batch is not None:  # <- DPL204
                yield batch

    def __len__(self):
        return self.steps
""",
            manual=(_REASON,),
        ),
        Invalid(
            # An elif chain with no final else.
            """
from torch.utils.data import Sampler


class Modes(Sampler):
    def __init__(self, n, batch_size):
        self.steps = n

    def __iter__(self):
        for step in range(self.steps):
            if step % 3 == 0:
                yield [step]
            elif step % 3 == 1:  # <- DPL204
                yield [step, step]

    def __len__(self):
        return self.steps
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class BlockedSteps(Sampler):
    def __init__(self, n, batch_size):
        self.steps = n
        self.blocked = {0}

    def __iter__(self):
        for step in range(self.steps):
            if step in self.blocked:
                continue  # <- DPL204
            yield [step]

    def __len__(self):
        return self.steps
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import torch
from torch.utils.data import Sampler


class Bernoulli(Sampler):
    def __init__(self, n, batch_size):
        self.probs = torch.full((n,), 0.1)
        self.num_steps = 2 * batch_size

    def __iter__(self):
        for _ in range(self.num_steps):
            chosen = torch.bernoulli(self.probs).nonzero().reshape(-1)
            if chosen.numel():  # <- DPL204
                yield chosen.tolist()

    def __len__(self):
        return self.num_steps
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The counted steps come through a local in __len__.
            """
import torch
from torch.utils.data import Sampler


class LocalSteps(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.total_steps = batch_size + 2

    def __iter__(self):
        for _ in range(self.total_steps):
            drawn = (torch.rand(self.n) < 0.2).nonzero().reshape(-1)
            if drawn.numel() > 0:  # <- DPL204
                yield drawn.tolist()

    def __len__(self):
        steps = self.total_steps
        return steps
""",
            manual=(_REASON,),
        ),
    )
