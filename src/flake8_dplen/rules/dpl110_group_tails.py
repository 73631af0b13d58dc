"""a partial batch per group, counted as one division of the total.

Compares the partial batches `__iter__` yields per group with the division in `__len__`.
Shown: invalid_leftovers_each_bucket_flushed_after, valid_per_bucket_sum_ceilings

## What it does
Reports a `__len__` that divides one total by a batch size (`ceil(N / bs)`,
`(N + bs - 1) // bs`, `N // bs`) while `__iter__` batches within groups and yields a
short batch per group: the leftover buffers the main loop fills index by index, flushed
after it, also only `if not self.drop_last` (`for b in buckets.values(): if b: yield b`, `yield b[:]`, `yield list(b)`,
`for k, b in buckets.items()`, `for k in buckets: yield buckets[k]`, or two buffers
written out, `if self.wide: yield self.wide` then `self.tall`), a `range(0, len(group), bs)` inside a loop
over groups (yielding, or collecting the slices into one list, appended, extended or
`+=` a comprehension, that `__iter__` then shuffles and yields whole, or picks once each
by `for i in torch.randperm(len(batches)): yield batches[i]`), or a yield after the inner
loop of a loop over groups. The same under torch's `BatchSampler.__len__`, inherited by a
subclass whose `__iter__` groups the indices of `self.sampler` and flushes each group's
short batch (and whose `__init__` calls `super().__init__` or sets `sampler`,
`batch_size` and `drop_last`, so that `len()` works). The same
where each group's short batch is dropped instead: a loop that puts each index in a
buffer picked per item (`buffers[key]`, `buffers.setdefault(key, [])`, a local bound
to one) and yields a buffer only once it is full, nothing after the loop. The example
in the message is computed for any such pair: two groups of one index, batches of 2,
give 2 short batches (or, dropped, none) where the total over 2, ceiling or floor, is 1.

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
not recognised, nor a collected list that anything filters, cuts or pads, a step other
than the size `__len__` divides by, or an `__iter__` that reads `len(self)` (it may top
the batches up to it).

Counts that depend on the data's values are not judged at all: identities with fewer
than K items skipped, batches packed greedily under a token budget, items filtered by
length. No reading of the code proves an input where the two differ; `dplen check` and
the sanitizer decide these by running the sampler.
"""

from __future__ import annotations

from ..core import syntax as cst
from ..core.classindex import self_name, walk
from ..core.names import last_name, len_arg
from ..core.samplers import sets_batch_sampler_state, torch_len_base
from .base import ClassRule, batch_divisor

_LOOPS = (cst.For, cst.While, cst.GeneratorExp, cst.ListComp, cst.SetComp, cst.DictComp)
_REASON = (
    "count per group as __iter__ batches: sum(-(-len(g) // batch_size) for g in groups) "
    "(len(g) // batch_size where a group's tail is dropped), with the groups known in __len__"
)


class GroupTails(ClassRule):
    def check_class(self, ctx):
        tail = ctx.shape.group_tail or ctx.shape.group_drop
        if tail is None or ctx.iter.bound_by_len or _reads_len_of_self(ctx):
            return
        # Two groups of one index, batches of 2: each group is one short batch, yielded (2
        # batches) or dropped (none), while the total, 2, over 2 (ceiling or floor) is 1.
        kept = ctx.shape.group_tail is not None
        what, got = ("yields a short batch per group", 2) if kept else ("drops each group's short batch", 0)
        if not ctx.defines("__len__"):
            yield from self._inherited(ctx, tail, what, got)
            return
        divisions, sums = [], []
        for site in ctx.flow.reach(ctx.len_roots()):
            divisor = batch_divisor(site.node)
            if divisor is None or site.fn is None:
                continue
            if any(isinstance(a, _LOOPS) for a in site.fn.ancestors(site.node)):
                return  # counted per group already
            if ctx.code(site.node.right) in ctx.iter.splits_by:
                return  # each batch split into ceil(len(b) / M) pieces: DPL105's
            step = _step(tail)
            if step is not None and last_name(step) != divisor[1]:
                return  # the groups are cut by another size than the one __len__ divides by
            divisions.append(divisor)
            sums.append((site.fn, site.node))
        if len(divisions) > 1 and any(_in_sum(fn, node) for fn, node in sums):
            return  # divisions added up: a count per group, written out
        for node, size in divisions:
            example = f"e.g. 2 groups of 1, {size}=2: len() 1, {got} batches"
            message = f"__iter__ {what}, __len__ divides the total by {size} ({example})"
            yield self.manual(node, message, _REASON)

    def _inherited(self, ctx, tail, what, got):
        """BatchSampler's own __len__, `len(self.sampler)` over `batch_size` (ceiling or
        floor by drop_last), under an __iter__ that groups the indices of `self.sampler`
        itself and flushes a short batch per group: the sum of ceilings again."""
        base = torch_len_base(ctx.lineage, ctx.imports)
        if base != "BatchSampler" or "sampler" not in ctx.iter.iterated:
            return
        if not sets_batch_sampler_state(ctx.index):
            return
        step = _step(tail)
        if step is not None and last_name(step) != "batch_size":
            return
        example = f"e.g. 2 groups of 1, batch_size=2: len() 1, {got} batches"
        message = f"__iter__ {what}, BatchSampler.__len__ divides the total ({example})"
        yield self.manual(tail, message, _REASON)


def _in_sum(fn, division: cst.CSTNode) -> bool:
    """The division is a term of a sum or difference (in the function it is in)."""
    return any(
        isinstance(a, cst.BinaryOperation) and isinstance(a.operator, (cst.Add, cst.Subtract))
        for a in fn.ancestors(division)
    )


def _step(tail: cst.CSTNode):
    """The step of `range(0, len(group), step)` when the tail is such a loop."""
    if (
        isinstance(tail, (cst.For, cst.CompFor))
        and isinstance(tail.iter, cst.Call)
        and len(tail.iter.args) == 3
    ):
        return tail.iter.args[2].value
    return None


def _reads_len_of_self(ctx) -> bool:
    """`len(self)` in __iter__: the batches may be topped up or cut to it."""
    func = ctx.index.methods.get("__iter__")
    if func is None:
        return False
    arguments = (len_arg(n) for n in walk(func.body))
    return any(isinstance(a, cst.Name) and a.value == self_name(func) for a in arguments)
