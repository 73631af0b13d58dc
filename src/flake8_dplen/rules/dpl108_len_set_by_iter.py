"""__len__ returns what only __iter__ computes.

Compares the attribute `__len__` returns with the assignments to it in `__iter__` and
elsewhere.
Shown: invalid_bucketing_sampler_counts_batches_epoch, valid_count_computed_init_iter_reorders

## What it does
Reports an assignment in `__iter__` to the attribute `__len__` returns (`self.X`, or
`len(self.X)`), when nothing else computes that attribute: `__init__` and the other
methods set it, if at all, to a placeholder (`0`, `None`, `[]`, ...).

## Why is this bad
`len()` is asked before the epoch runs: `len(DataLoader)`, Lightning's count of training
batches, the length of a progress bar and of a learning-rate schedule are all taken
before `__iter__` starts. Before the first epoch, `len()` is the placeholder (0 batches,
so Lightning skips the epoch) or raises `AttributeError`; after it, `len()` is the
previous epoch's count, not this one's. (A generator `__iter__` runs nothing until the
first item is asked for, so even `iter(sampler)` does not set it.)

## Use instead
Compute the count where the sampler is built (in `__init__`, or in `__len__` from the
same inputs `__iter__` uses), and let `__iter__` only use it. When the count really
changes from epoch to epoch (bucketing after a shuffle), compute the plan for the next
epoch ahead of time (in `set_epoch`), so that `len()` and `__iter__` read the same plan.

## Fix safety
No automatic fix: moving the computation out of `__iter__` changes when the random draws
happen. Left for a manual fix.

## Known problems
When another method also computes the attribute (`__init__` builds the same batches),
`len()` may still lag a shuffle-dependent count by one epoch; that is not reported.
"""

from __future__ import annotations

from ..core import syntax as cst
from ..core.iterfacts import counted_attr
from .base import ClassRule

_REASON = (
    "compute the count where the sampler is built (in __init__, or in __len__ from the inputs __iter__ "
    "uses), or plan the next epoch in set_epoch, so that len() is right before __iter__ runs"
)


class LenSetByIter(ClassRule):
    def check_class(self, ctx):
        length = ctx.index.methods.get("__len__")
        if length is None or not ctx.defines("__iter__"):
            return
        len_fn = ctx.index.function(length)
        for attr in sorted({counted_attr(value, len_fn) for value in len_fn.returns} - {None}):
            node = ctx.shape.assigns.get(attr)
            if (
                not isinstance(node, (cst.Assign, cst.AnnAssign))
                or node.value is None
                or _placeholder(node.value)
            ):
                continue
            others = [v for v, method in ctx.index.self_assignments(attr) if method is not ctx.shape.func]
            others += ctx.index.class_attrs.get(attr, [])
            if not all(_placeholder(v) for v in others):
                continue
            before = ctx.short(others[0], 20) if others else "unset"
            message = (
                f"__len__ returns self.{attr}, set only by __iter__: {before} before the first epoch, "
                "then the last epoch's count"
            )
            yield self.manual(node, message, _REASON)


def _placeholder(value: cst.BaseExpression) -> bool:
    """A value that stands for "not computed yet": a number, None, an empty container."""
    if isinstance(value, cst.UnaryOperation):
        value = value.expression
    if isinstance(value, (cst.Integer, cst.Float)):
        return True
    if isinstance(value, cst.Name):
        return value.value in {"None", "False", "True"}
    if isinstance(value, (cst.List, cst.Tuple, cst.Dict, cst.Set)):
        return not value.elements
    return False
