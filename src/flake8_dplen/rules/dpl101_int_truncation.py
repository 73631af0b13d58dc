"""int() truncates a fractional batch count.

Shown: invalid_opacus_batch_splitting_sampler, valid_int_integer_value

## What it does
Reports `int(a / b)` that counts the batches `__len__` returns while `__iter__` also
yields the short remainder.
{FLOORED_COUNT}
It also reports `int(X)` when `__iter__` loops `range(math.ceil(X))` times.

## Why is this bad
`int()` rounds towards zero, so a partial final batch that `__iter__` yields is not
counted: `int(10 / 3)` is 3 where four batches come out. A DataLoader's `len()` is its
sampler's, and PyTorch Lightning ends the epoch after that many batches, silently
skipping the last one. This is the bug of opacus 1.0-1.4.1's `BatchSplittingSampler`.

## Use instead
The ceiling: `-(-a // b)` when both operands are ints (exact for any size), otherwise
`math.ceil(...)`. Under a `drop_last` guard, where the tail is not yielded, the floor is
right and the rule stays silent; so it does when the same value also bounds `__iter__`
(that is DPL201).

## Fix safety
The fix replaces the rounding with the count the model says `__iter__` yields: the exact
ceiling `-(-a // b)` when both operands are provably ints (literals, `len()`, `//`,
parameters annotated `int`, attributes `__iter__` passes to `range()`), else `math.ceil(...)`
(importing `math`, or reusing its import); the per-batch count for the opacus pattern
(see DPL105). It is left for a manual fix, with the reason, when the value serves both
`drop_last` paths, when `math` is rebound where the call would go, or when the rewrite
would drop a comment.

## Known problems
A rounding that is not a ratio by a batch size (`int(n * 0.8)` beside batches of `bs`) is
not judged, even where `len()` is wrong: that is a mismatch of units, not of rounding.
"""

from __future__ import annotations

from ..core.counting import CEIL, CEIL_UNLESS_DROP_LAST, TAIL_DESPITE_DROP_LAST
from .base import RoundingCall


class IntTruncation(RoundingCall):
    kinds = frozenset({"int"})
    wrong_when = frozenset({CEIL, CEIL_UNLESS_DROP_LAST, TAIL_DESPITE_DROP_LAST})

    def callee(self, ctx, site):
        return "int()"

    def describe(self, ctx, site, ratio):
        return "int() drops the partial batch __iter__ yields"
