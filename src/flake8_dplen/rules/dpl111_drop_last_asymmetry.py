"""only one of __iter__ and __len__ depends on drop_last.

Compares whether `__iter__` and `__len__` each depend on `drop_last`.
Shown: invalid_ignores_drop_return_n_batch, valid_torch_batch_sampler_both_sides

## What it does
Reports a sampler whose `__iter__` yields the last partial batch only when `drop_last`
is false, while `__len__` counts batches with a ceiling (`math.ceil(n / bs)`,
`(n + bs - 1) // bs`, `-(-n // bs)`) and never reads `drop_last`; or whose `__len__`
reads `drop_last` while `__iter__` yields the partial batch whatever it says (and never
reads it).

## Why is this bad
One side changes with `drop_last` and the other does not, so for one of its two values
they differ whenever the batch size does not divide the data: with 10 indices and batch
size 3, `__iter__` yields 3 batches with `drop_last=True`, and a ceiling says 4 (or the
other way round, `__len__` says 3 while 4 are yielded). Lightning then waits for a batch
that never comes, or cuts the epoch before the last one.

## Use instead
Make both sides read `drop_last`: `n // bs if self.drop_last else (n + bs - 1) // bs`
in `__len__`, and a tail yielded only `if batch and not self.drop_last` in `__iter__`.

## Fix safety
No automatic fix: which side is meant to follow `drop_last` is the author's decision.
Left for a manual fix.

## Known problems
A `drop_last` of a wrapped sampler (`self.sampler.drop_last`) is that sampler's to apply,
and an `__iter__` that iterates a wrapped sampler or splits its batches is not judged for
it. A floor (`n // bs`) over a tail yielded only without `drop_last` is DPL103's, which
rewrites it into the split count.
"""

from __future__ import annotations

from ..core import syntax as cst
from ..core.classindex import is_self_attr, walk
from ..core.guards import KEEP
from ..core.iterfacts import YES
from ..core.names import last_name
from ..core.rounding import is_ceil_idiom, rounding_kind
from .base import ClassRule, batch_divisor

_REASON = "make __len__ and __iter__ both follow drop_last: count n // batch_size when it is true, a ceiling when false"


class DropLastAsymmetry(ClassRule):
    def check_class(self, ctx):
        if not ctx.defines("__len__") or ctx.shape.func is None or ctx.iter.bound_by_len:
            return
        reached = list(ctx.flow.reach(ctx.len_roots()))
        # What __len__ depends on: the values it is built from and the drop_last tests on the way.
        names = {last_name(r.node) for r in reached} | {last_name(r.guard[1]) for r in reached if r.guard}
        names.discard(None)
        if ctx.iter.partial == KEEP and ctx.iter.drop_last is not None:
            flag = last_name(ctx.iter.drop_last)
            ceilings = [r for r in reached if batch_divisor(r.node) and _is_ceiling(ctx, r)]
            if flag not in names and ceilings:
                message = (
                    f"__iter__ drops the partial batch under self.{flag}, __len__ always rounds up "
                    f"(e.g. {flag}=True, 10 by 3: len() 4, 3 yielded)"
                )
                yield self.manual(ceilings[0].node, message, _REASON)
        elif ctx.iter.partial == YES and not ctx.iter.iterated and not ctx.iter.splits_by:
            # A wrapped sampler (`self.sampler.drop_last`, iterated batch by batch) applies
            # its own flag: only the class's own drop_last must reach __iter__.
            read = {r.attr.value for r in ctx.shape.reads}
            flags = sorted(set(_own_flags(reached)) - read)
            if flags and any(batch_divisor(r.node) for r in reached) and not _follows_drop_last(ctx, read):
                message = (
                    f"__len__ follows {flags[0]} but __iter__ always yields the partial batch "
                    f"(e.g. {flags[0]}=True, 10 by 3: len() 3, 4 yielded)"
                )
                yield self.manual(ctx.index.methods["__len__"].name, message, _REASON)


def _own_flags(reached):
    """drop_last flags of the class itself (`self.drop_last`, a parameter) __len__ depends on."""
    for site in reached:
        for expr in (site.node, site.guard[1] if site.guard else None):
            own = isinstance(expr, cst.Name) or (
                isinstance(expr, cst.Attribute) and site.fn is not None and is_self_attr(expr, site.fn.func)
            )
            if own and "drop_last" in last_name(expr):
                yield last_name(expr)


def _follows_drop_last(ctx, read) -> bool:
    """__iter__ reads an attribute computed from a drop_last flag (`self.has_tail =
    not drop_last and ...`, transformers' BatchRebalanceSampler): it follows the flag."""
    for attr in read:
        for value, _method in ctx.index.self_assignments(attr):
            if any("drop_last" in (last_name(node) or "") for node in walk(value)):
                return True
    return False


def _is_ceiling(ctx, site) -> bool:
    """The division rounds up: inside `ceil()`, or `//` spelled as a ceiling."""
    parent = site.fn.parents.get(site.node) if site.fn is not None else None
    if isinstance(site.node.operator, cst.FloorDivide):
        return is_ceil_idiom(site.node, parent, ctx.code)
    while isinstance(parent, cst.Arg):
        parent = site.fn.parents.get(parent)
    return parent is not None and rounding_kind(parent, ctx.imports) == "ceil"
