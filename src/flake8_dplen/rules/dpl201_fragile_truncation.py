"""float truncation that both __len__ and __iter__ use.

## What it does
Reports a float truncation (`int`, `floor`, `round`) whose value `__len__` returns and
that also bounds the loop of `__iter__`.

## Why is this bad
`len()` agrees with `__iter__` today, because both use the same truncated value, but the
value rests on float rounding: `int(1 / (1 / 93)) == 92`, so the sampler takes one step
fewer than the user asked for (opacus's `UniformWithReplacementSampler`).

## Use instead
Count with integers (pass the number of steps, or `-(-n // batch_size)`).

## Fix safety
No fix: changing the value changes how many batches are yielded. Not gating.

## Known problems
None known.
"""

from __future__ import annotations

from ..core.rounding import qualified_callee
from .base import Invalid, Rule, floors_fractional, where


class FragileTruncation(Rule):
    code = "DPL201"
    title = "float truncation that both __len__ and __iter__ use"
    gating = False
    kinds = frozenset({"int", "floor", "round"})

    def check(self, ctx, site, kind):
        if not ctx.consistent(site) or not floors_fractional(ctx, site):
            return None
        name = "int" if kind == "int" else qualified_callee(site.node, ctx.imports)
        message = (
            f"{name}() of a float also bounds __iter__, so len() agrees, but rounding can lose a step "
            f"(int(1 / (1 / 93)) == 92){where(site)}"
        )
        return self.finding(ctx, site, message, "changing it changes how many batches are yielded")

    VALID = (
        """
from torch.utils.data import Sampler


class Fixed(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield [i]

    def __len__(self):
        return self.n // self.bs
""",
        """
from torch.utils.data import Sampler


class Steps(Sampler):
    def __init__(self, steps: int):
        self.steps = int(steps)

    def __iter__(self):
        for _ in range(self.steps):
            yield [0]

    def __len__(self):
        return self.steps
""",
        # From speechbrain: the float('inf') sentinel again, with range(len(self)) in __iter__.
        """
from torch.utils.data import Sampler


class Concat(Sampler):
    def __init__(self, samplers, batch_sizes):
        self.samplers = samplers
        self.batch_sizes = batch_sizes

    def __iter__(self):
        iterators = [iter(s) for s in self.samplers]
        for _ in range(len(self)):
            yield [next(it) for it, b in zip(iterators, self.batch_sizes) for _ in range(b)]

    def __len__(self):
        shortest = float("inf")
        for sampler, b in zip(self.samplers, self.batch_sizes):
            shortest = min(len(sampler) // b, shortest)
        return int(shortest)
""",
    )

    INVALID = (
        Invalid(
            # opacus UniformWithReplacementSampler: int(1 / sample_rate) bounds both.
            """
import torch
from typing import List
from torch.utils.data import Sampler


class UniformWithReplacementSampler(Sampler[List[int]]):
    def __init__(self, *, num_samples, sample_rate, generator=None, steps=None):
        self.num_samples = num_samples
        self.sample_rate = sample_rate
        self.generator = generator
        if steps is not None:
            self.steps = steps
        else:
            self.steps = int(1 / self.sample_rate)  # <- DPL201

    def __len__(self):
        return self.steps

    def __iter__(self):
        num_batches = self.steps
        while num_batches > 0:
            mask = torch.rand(self.num_samples, generator=self.generator) < self.sample_rate
            yield mask.nonzero(as_tuple=False).reshape(-1).tolist()
            num_batches -= 1
""",
            manual=("changing it changes how many batches are yielded",),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class Fixed(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield [i]

    def __len__(self):
        return int(self.n / self.bs)  # <- DPL201
""",
            manual=("changing it changes how many batches are yielded",),
        ),
    )
