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
from .base import RoundingCall


class FloorCall(RoundingCall):
    code = "DPL102"
    doc_cases = ("invalid_math_floor", "valid_dataset_not_a_sampler")
    title = "floor() of a batch count"
    gating = True
    kinds = frozenset({"floor"})
    wrong_when = frozenset({CEIL, CEIL_UNLESS_DROP_LAST, TAIL_DESPITE_DROP_LAST})

    def describe(self, ctx, site, ratio):
        return f"{self.callee(ctx, site)} drops the partial batch __iter__ yields"
