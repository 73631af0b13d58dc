"""__iter__ keeps one item in every num_replicas, __len__ counts them all.

Compares an index test `i % self.k == ...` on an enumerated walk with what `__len__`
measures.
Shown: invalid_pytorch_nlp_distributed_sampler, valid_determined_distributed_batch_sampler_full

## What it does
Reports an `__iter__` that walks `enumerate(x)` and keeps only the items whose index
passes a test `<index> % self.k == <something>` (`(i - self.rank) % self.num_replicas == 0`,
`i % self.world_size == self.rank`), as the `if` of a comprehension that yields the
element, or as the `if` every `yield e` of the loop is under, while the class's `__len__`
returns a count of the same `x` (`len(x)` is among what it is built from) and nothing it
returns depends on `self.k`, which something other than a literal sets.

## Why is this bad
Each replica yields its share, about `len(x) / k` items, and `len()` promises all of
them: with 5 items and 2 replicas, `len()` is 5 and rank 0 yields 3, rank 1 yields 2.
`DistributedSampler`-style wrappers are used in every process at once, so every process
plans an epoch `k` times too long: Lightning waits for batches that never come, and a
schedule computed from `len()` runs at a `k`-th of its speed.

## Use instead
Count this replica's share in `__len__`: `return len(range(self.rank, len(x), self.num_replicas))`
for `i % self.num_replicas == self.rank`, or the number of full rounds plus one where the
rank gets a partial one.

## Fix safety
No automatic fix: the share depends on how the test maps indices to ranks (`i - rank`,
`i + 1`, a rank that may be past the end), which the rule does not solve.

## Known problems
A stride written with `continue` (`if i % k != rank: continue`), over `range(len(x))`
with `x[i]` yielded, or whose `__len__` measures `x` under another spelling is not
reported. A `k` that is 1 in practice (a single process) makes the finding moot there,
not wrong.
"""

from __future__ import annotations

from ..core import syntax as cst
from ..core.classindex import strip_parens
from ..core.names import len_arg
from .base import ClassRule

_REASON = "count in __len__ only the items this replica keeps (e.g. len(range(rank, len(x), num_replicas)))"


class StrideFilter(ClassRule):
    def check_class(self, ctx):
        if not ctx.defines("__iter__") or "__len__" not in ctx.index.methods or ctx.shape.endless is not None:
            return
        strides = [s for s in ctx.shape.strides if s[2] not in ctx.len_names and _may_exceed_one(ctx, s[2])]
        if not strides:
            return
        measured = {
            ctx.code(strip_parens(arg)) for r in ctx.flow.reach(ctx.len_roots()) if (arg := len_arg(r.node))
        }
        for test, walked, attr in strides:
            if ctx.code(strip_parens(walked)) in measured:
                message = (
                    f"__iter__ keeps one item in every self.{attr}, __len__ counts them all "
                    f"(e.g. {attr}=2, 5 items: len() 5, 3 or 2 yielded)"
                )
                yield self.manual(test, message, _REASON)
                return


def _may_exceed_one(ctx, attr: str) -> bool:
    """Something other than a literal sets `self.<attr>`: a stride by 1 keeps everything."""
    values = [v for v, _ in ctx.index.self_assignments(attr)] + ctx.index.class_attrs.get(attr, [])
    return any(not isinstance(strip_parens(v), cst.Integer) for v in values)
