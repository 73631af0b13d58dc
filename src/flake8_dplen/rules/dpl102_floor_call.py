"""floor() of a batch count.

Shown: invalid_math_floor, valid_dataset_not_a_sampler

## What it does
Reports `math.floor`, `math.trunc`, `numpy.floor`/`trunc`, `torch.floor`/`trunc` and
`round(x - 0.5)` of a batch count while `__iter__` yields the short remainder.
{FLOORED_COUNT}

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
from .base import RoundingCall


class FloorCall(RoundingCall):
    kinds = frozenset({"floor"})
    wrong_when = frozenset({CEIL, CEIL_UNLESS_DROP_LAST, TAIL_DESPITE_DROP_LAST})

    def describe(self, ctx, site, ratio):
        return f"{self.callee(ctx, site)} drops the partial batch __iter__ yields"
