"""a partial batch per group, counted as one division of the total.

## What it does
Reports a `__len__` that divides one total by a batch size (`ceil(N / bs)`,
`(N + bs - 1) // bs`, `N // bs`) while `__iter__` batches within groups and yields a
short batch per group: a loop over the leftover buffers after the main loop
(`for b in buckets.values(): if b: yield b`), a `range(0, len(group), bs)` inside a loop
over groups, or a yield after the inner loop of a loop over groups.

## Why is this bad
Each group rounds up on its own, and a sum of ceilings is not the ceiling of the sum:
with batch size 3, two groups of 4 indices give 2 + 2 = 4 batches while `ceil(8 / 3)` is
3; dropping each group's tail, two groups of 5 give 1 + 1 = 2 while `10 // 3` is 3. Lightning
then ends the epoch before the last batches, or waits for batches that never come.

## Use instead
Count per group, as `__iter__` batches: `sum(-(-len(g) // bs) for g in groups)`
(`len(g) // bs` where the tails are dropped), with the groups known in `__len__` (for
example computed in `__init__`).

## Fix safety
No automatic fix: `__len__` rarely has the groups at hand (they are often formed while
iterating), so the per-group count cannot be written for it. Left for a manual fix.

## Known problems
Batches split into `ceil(len(batch) / M)` pieces (opacus's `BatchSplittingSampler`)
are left to DPL105. Groups whose sizes are multiples of the batch size by construction (then only one tail
can be short) are reported all the same. A group loop over `while` instead of `for` is
not recognised.
"""

from __future__ import annotations

import libcst as cst

from .base import ClassRule, batch_divisor

_LOOPS = (cst.For, cst.While, cst.GeneratorExp, cst.ListComp, cst.SetComp, cst.DictComp)
_REASON = (
    "count per group as __iter__ batches: sum(-(-len(g) // batch_size) for g in groups) "
    "(len(g) // batch_size where a group's tail is dropped), with the groups known in __len__"
)


class GroupTails(ClassRule):
    code = "DPL110"
    doc_cases = ("invalid_leftovers_each_bucket_flushed_after", "valid_per_bucket_sum_ceilings")
    title = "a partial batch per group, counted as one division of the total"
    gating = True
    looks_at = "the partial batches `__iter__` yields per group with the division in `__len__`"

    def check_class(self, ctx):
        tail = ctx.shape.group_tail
        if tail is None or not ctx.defines("__len__") or ctx.iter.bound_by_len:
            return
        divisions = []
        for site in ctx.flow.reach(ctx.len_roots()):
            divisor = batch_divisor(site.node)
            if divisor is None or site.fn is None:
                continue
            if any(isinstance(a, _LOOPS) for a in site.fn.ancestors(site.node)):
                return  # counted per group already
            if ctx.code(site.node.right) in ctx.iter.splits_by:
                return  # each batch split into ceil(len(b) / M) pieces: DPL105's
            divisions.append(divisor)
        for node, size in divisions:
            message = (
                f"__iter__ yields a partial batch per group but __len__ divides the total by {size} "
                f"(e.g. two groups of 4 by 3: 4 batches, len() 3)"
            )
            yield self.manual(node, message, _REASON)
