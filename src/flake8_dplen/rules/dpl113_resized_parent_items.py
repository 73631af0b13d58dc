"""inherited __len__ under an __iter__ that grows, cuts or repeats the parent's items.

Compares how many of `super().__iter__()`'s items `__iter__` yields with the `__len__` it
inherits.
Shown: invalid_transformers_distributed_sampler_loop_shape, valid_defines_own_len_padded_total

## What it does
Reports a sampler that overrides `__iter__` but not `__len__`, when the new `__iter__`
takes the items of `super().__iter__()` and changes how many it yields: it grows or cuts
a list of them before yielding it (`indices += indices[:k]`, `indices.extend(...)`,
`.append` / `.insert`, `indices = indices + ...`, `indices = indices[a:b]`), or every run
passes over `super().__iter__()` more than once (two passes, or one inside
`for _ in range(2)`). The `__len__` it inherits is a torch sampler's
(`DistributedSampler`, `RandomSampler`, `WeightedRandomSampler` return
`self.num_samples`; `SequentialSampler`, `SubsetRandomSampler` the length of their data)
or that of a base class in the module that returns `self.<attr>` or `len(self.<attr>)`,
and the class never assigns that attribute.

## Why is this bad
The inherited `__len__` still counts the parent's items, so every item the subclass adds
is past `len()` and every item it cuts is promised and never comes. transformers'
`DistributedSamplerWithLoop` pads each rank's share to a multiple of the batch size: with
10 items, batch size 4 and 2 replicas, `len()` is 5 and `__iter__` yields 8.
`len(DataLoader)` is computed from the sampler's `len()`, so progress bars and schedulers
plan the wrong number of steps, and loops that stop at `len()` drop the padding.

## Use instead
Define `__len__` in the subclass to count what its `__iter__` yields (for a pad to a
multiple of the batch size: `-(-self.num_samples // self.batch_size) * self.batch_size`).
Updating the attribute the parent's `__len__` returns instead works only for a base of
your own whose `__iter__` does not read it, and only when it is set before anything asks
`len()`: torch's samplers read it (`DistributedSampler.__iter__` asserts it yields
`self.num_samples` items, `RandomSampler` draws that many).

## Fix safety
No automatic fix: the new total depends on how `__iter__` pads or cuts, which the rule
replays only on one small input, for the message. Left for a manual fix.

## Known problems
Only a list first bound to `list(super().__iter__())` (or `sorted`, `tuple`, `iter` of
it) and then yielded or returned is followed; items filtered by a comprehension, or
grown through another name or a helper, are not seen. A change that reads `len(self)` or
the attribute the parent's `__len__` returns, in the statement or in the `if` / `while`
test around it, is taken as topping up or cutting to the length, and a list whose length
an `assert` checks as stated by its author; neither is reported. Extra passes are counted
only in `for _ in range(k)` with `k` written out. A `BatchSampler` subclass is not judged
(its length is computed from three attributes). The message names what `__iter__` yields
on 10 items (2 replicas for `DistributedSampler`, batch size 4) only when `__iter__` is
straight-line code over integers and the list; otherwise it gives `len()` alone.
"""

from __future__ import annotations

from typing import FrozenSet, Optional, Tuple

from ..core import syntax as cst
from ..core.classindex import FunctionIndex, is_self_attr, walk
from ..core.iterfacts import counted_attr, is_len_self
from ..core.replay import replayed_example
from ..core.samplers import TORCH_LEN_VALUES, torch_len_base
from .base import ClassRule, overrides_iter_only


class ResizedParentItems(ClassRule):
    def check_class(self, ctx):
        if not overrides_iter_only(ctx):
            return
        shape = ctx.shape
        if not shape.resized or shape.endless is not None:
            return
        inherited = _inherited_len(ctx)
        if inherited is None:
            return
        origin, returns, attrs = inherited
        if _sets_any(ctx, attrs):
            return
        fn = ctx.index.function(shape.func)
        if any(_reads_length(fn, node, attrs) for node in shape.resized):
            return
        node = shape.resized[0]
        name = ctx.cls.name.value
        change = _effect(node)
        example = replayed_example(origin, fn, shape.resized[0])
        message = f"__iter__ {change} the parent's items, {origin}.__len__ does not{example}"
        reason = f"define __len__ in {name} to count the items its __iter__ yields"
        if origin not in TORCH_LEN_VALUES:
            reason += f", or update what {origin}.__len__ returns ({returns}) where the total is set"
        yield self.manual(node, message, reason)


def _inherited_len(ctx) -> Optional[Tuple[str, str, FrozenSet[str]]]:
    """(where __len__ comes from, what it returns, the attributes that is read from): a
    base of the module whose __len__ returns `self.<attr>` or `len(self.<attr>)`, else
    the torch sampler inherited."""
    own = ctx.index.methods.get("__len__")
    if own is not None:
        fn = ctx.index.function(own)
        attrs = {counted_attr(value, fn) for value in fn.returns}
        if not fn.returns or None in attrs:
            return None
        origin = next(k.name.value for k in ctx.lineage if own in k.body.body)
        return origin, " or ".join(sorted(ctx.short(v) for v in fn.returns)), frozenset(attrs)
    base = torch_len_base(ctx.lineage, ctx.imports)
    if base not in TORCH_LEN_VALUES:
        return None
    returns, attrs = TORCH_LEN_VALUES[base]
    return base, returns, attrs


def _sets_any(ctx, attrs: FrozenSet[str]) -> bool:
    """The class itself assigns one of `attrs`, or defines it as a property or method."""
    own = {s for s in ctx.cls.body.body if isinstance(s, cst.FunctionDef)}
    if any(f.name.value in attrs for f in own):
        return True
    return any(method in own for attr in attrs for _, method in ctx.index.self_assignments(attr))


def _reads_length(fn: FunctionIndex, node: cst.CSTNode, attrs: FrozenSet[str]) -> bool:
    """`node`, or an `if` / `while` test around it, reads len(self) or one of `attrs`:
    the change tops up or cuts to the length."""
    tests = [a.test for a in fn.ancestors(node) if isinstance(a, (cst.If, cst.While))]
    for part in (node, *tests):
        for n in walk(part):
            if is_len_self(n, fn.func) or (
                isinstance(n, cst.Attribute) and is_self_attr(n, fn.func) in attrs
            ):
                return True
    return False


def _effect(node: cst.CSTNode) -> str:
    """What the change does to the parent's items."""
    if isinstance(node, cst.Assign) and isinstance(node.value, cst.Subscript):
        return "cuts"
    if isinstance(node, (cst.Yield, cst.For)):
        return "repeats"
    return "grows"
