"""round() of a batch count.

Shown: invalid_round_ratio, valid_round_of_an_int

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
from .base import RoundingCall


class RoundCall(RoundingCall):
    kinds = frozenset({"round"})
    # To the nearest, half to even: wrong against a floor and against a ceiling alike.
    wrong_when = frozenset({CEIL, CEIL_UNLESS_DROP_LAST, FLOOR, TAIL_DESPITE_DROP_LAST})

    def describe(self, ctx, site, ratio):
        if ratio.yielded == FLOOR:
            return "round() may count the partial batch __iter__ drops"
        return "round() may drop the partial batch __iter__ yields"
