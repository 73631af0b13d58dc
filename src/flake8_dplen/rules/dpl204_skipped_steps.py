"""a step of the loop that __len__ counts may yield nothing.

Compares the loop `__iter__` bounds by what `__len__` returns with the steps that yield
nothing.
Shown: invalid_opacus_distributed_uniform_replacement_sampler, valid_opacus_uniform_replacement_sampler_empty

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
is reported all the same; that is why it is a warning. Whether the condition fails depends on
the data and the draw, which the source cannot show: `dplen check` runs the class and finds
an input where it does (or passes it), and `pytest --dplen-watch` reports the epochs where it did.
"""

from __future__ import annotations

from ..core.iterfacts import count_attr
from .base import ClassRule

_REASON = "yield on every step (an empty batch when nothing is drawn), or count in __len__ only the steps that yield"


class SkippedSteps(ClassRule):
    def check_class(self, ctx):
        if not ctx.shape.skips or "__len__" not in ctx.index.methods:
            return
        counted = {count_attr(value, fn) for value, fn in ctx.len_roots()} - {None}
        for skip, attr in ctx.shape.skips:
            if attr in counted:
                message = (
                    f"__len__ counts a loop's steps, but a step yields nothing when {ctx.short(skip, 40)} "
                    f"fails; `dplen check` can tell whether it does"
                )
                yield self.manual(skip, message, _REASON)
                return
