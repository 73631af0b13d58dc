"""inherited __len__ counts another unit than the overriding __iter__ yields.

Compares what an overriding `__iter__` yields with what the inherited `__len__` counts.
Shown: invalid_batched_random_def_iter_self, valid_torch_own_pattern_batch_sampler

## What it does
Reports a sampler that overrides `__iter__` but not `__len__`, when the `__len__` it
inherits counts single indices and the new `__iter__` yields batches (lists of indices),
or the other way round. The inherited length is a torch sampler's (`BatchSampler` counts
batches; `RandomSampler`, `SequentialSampler`, `SubsetRandomSampler`,
`WeightedRandomSampler` and `DistributedSampler` count indices) or that of a base class
in the module, whose unit is what its own `__iter__` yields.

## Why is this bad
With batches of more than one index the two cannot agree: 10 indices in batches of 3
are 4 batches, and a `__len__` that counts indices says 10 (or, counting batches while
single indices are yielded, says 4 for 10 items). `len(DataLoader)` passes that number
to progress bars and schedulers, and Lightning ends the epoch after it: 4 of 10 items
when the length counts batches, or it waits for batches that never come.

## Use instead
Define `__len__` in the subclass, counting what its `__iter__` yields: the number of
batches (`(n + batch_size - 1) // batch_size`, or `n // batch_size` when the last
partial batch is dropped), or the number of indices.

## Fix safety
No automatic fix: the count depends on how the new `__iter__` batches (tails, drop_last),
which only its author can say. Left for a manual fix.

## Known problems
Batches are taken for batches only when `__iter__` reads a batch size (`self.batch_size`,
`self.bs`): a list per index (`yield list(self.data_source[i])`) is one item. Only
reported when both units are certain: an `__iter__` that yields what another object
yields (`for b in self.batch_sampler: yield b`), a list display (`[i]`, `[i, j]`) or a
call it cannot see into is not judged. A subclass that keeps the unit but loops, pads or
draws from another sampler to a different total is not reported here: DPL113 reports one
that grows, cuts or repeats the items of `super().__iter__()`.
"""

from __future__ import annotations

from ..core.itershape import BATCH
from ..core.prefilter import BATCH_NAME
from .base import UNIT_WORDS, ClassRule, overrides_iter_only, units, with_example


class InheritedLen(ClassRule):
    def check_class(self, ctx):
        if not overrides_iter_only(ctx):
            return
        yielded = ctx.shape.unit
        if yielded not in UNIT_WORDS:
            return
        if yielded == BATCH and not any(BATCH_NAME.search(read.attr.value) for read in ctx.shape.reads):
            return  # lists not cut by a batch size may be one item each (a group per index)
        inherited = ctx.inherited_unit
        if inherited is None or inherited[1] not in UNIT_WORDS or inherited[1] == yielded:
            return
        origin, counted = inherited
        message = with_example(
            ctx,
            f"__iter__ yields {units(yielded)} but the inherited {origin}.__len__ counts {units(counted)}",
        )
        reason = f"define __len__ in {ctx.cls.name.value} to count the {units(yielded)} its __iter__ yields"
        yield self.manual(ctx.shape.func.name, message, reason)
