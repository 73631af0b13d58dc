"""ceil of an aggregate ratio where __iter__ splits batch by batch.

Shown: invalid_opacus_1_5_1_6, valid_chunks_return_math_ceil_n

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

from ..core.counting import CEIL, BatchRatio
from ..fixes.aggregate import aggregate_ratio, per_batch_count
from .base import Rule, rounding_example, split_message, where


class AggregateRatio(Rule):
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
        example = rounding_example(ctx, ratio, message + where(site))
        return self.finding(ctx, site, message + example + where(site), per_batch_count(ctx, site, agg))
