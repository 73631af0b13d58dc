"""__len__ and __iter__ disagree on whether the count depends on the batch size.

Compares the batch size `__len__` divides by with what `__iter__` yields and steps by.
Shown: invalid_mixed_return_len_data_source, valid_torch_batch_sampler_arithmetic_both

## What it does
Reports a sampler whose `__len__` divides by a batch size (an attribute or parameter
named like `batch_size`) while `__iter__` yields single indices, never reads that batch
size, calls no method of the sampler and reads no attribute computed from it; or whose
`__iter__` yields once per `range(start, stop, <batch size>)` step (a loop that yields,
or appends to the list `__iter__` yields the items of, once a step: not in an inner loop,
not `yield from` or `extend`; or a comprehension over the steps bound to that list)
while nothing `__len__` returns depends on the batch size. The same at a subclass's
own `__iter__` under the `__len__` it inherits from a base of the project (in its module
or another, read from disk), when that `__len__` never names the batch size, calls no
method, and reads only attributes assigned (in any class of the lineage) from values
of which the same holds.

## Why is this bad
One side changes with the batch size and the other does not, so they cannot agree for
every batch size: a `__len__` of `n // batch_size` over an `__iter__` of `n` indices is
right only for batch size 1 (10 indices, batch size 3: `len()` 3, 10 indices yielded),
and a `__len__` of `n` over batches of `batch_size` overcounts as soon as it is 2.
Usually a sampler and a batch sampler were mixed up: `DataLoader(batch_size=...)` batches
a sampler's indices itself and takes `len()` as a number of indices; a `batch_sampler`'s
`len()` must be the number of batches.

## Use instead
Count what `__iter__` yields: indices for a sampler (`len(self.data_source)`), batches
for a batch sampler (`(n + batch_size - 1) // batch_size`, or `n // batch_size` when the
last partial batch is dropped).

## Fix safety
No automatic fix: which side is meant (a sampler or a batch sampler) is the author's
decision. Left for a manual fix.

## Known problems
Only names that say "batch" (`batch_size`, `max_batch_size`, `bs`) are taken for a batch
size; a divisor under another name is not judged.
"""

from __future__ import annotations

from typing import Iterable

from ..core import syntax as cst
from ..core.classindex import ClassIndex, FunctionIndex, is_self_attr, walk
from ..core.itershape import SAMPLE
from ..core.names import last_name
from ..core.prefilter import BATCH_NAME
from .base import ClassRule, batch_divisor, with_example

_REASON = (
    "make __len__ count what __iter__ yields: indices for a sampler, batches for a batch sampler "
    "(decide which this class is)"
)


class BatchSizeUnit(ClassRule):
    def check_class(self, ctx):
        if ctx.shape.func is None or ctx.iter.bound_by_len:
            return
        if ctx.defines("__len__"):
            length = ctx.index.methods["__len__"]
            reached = list(ctx.flow.reach(ctx.len_roots()))
            divisor = next(filter(None, (batch_divisor(r.node) for r in reached)), None)
            if divisor is not None:
                node, size = divisor
                if ctx.shape.unit == SAMPLE and not _iter_may_use(ctx, size):
                    message = f"__len__ divides by {size} but __iter__ yields single indices"
                    yield self.manual(node, with_example(ctx, message), _REASON)
                return
            # What the flow reaches, and what __len__ reads followed through the attributes
            # and locals it is built from (`full, rest = divmod(n, bs)` in __init__).
            read, classes = [r.node for r in reached], [ClassIndex.build([k]) for k in ctx.whole[0]]
            ignores = lambda size: not _involves(read, size) and _ignores(classes, length, size)  # noqa: E731
            where, whose = length.name, "__len__"
        else:
            ignores = self._inherited_ignores(ctx)
            where, whose = ctx.shape.func.name, "the inherited __len__"
        for step in ctx.shape.steps if ignores else ():
            size = last_name(step)
            if size and BATCH_NAME.search(size) and ignores(size):
                per = ctx.short(step, 30)
                message = f"__iter__ yields once per {per} indices but {whose} ignores {size}"
                yield self.manual(where, with_example(ctx, message), _REASON)
                return

    def _inherited_ignores(self, ctx):
        """For an `__iter__` of the class's own under a `__len__` inherited from a base of
        the project (this module or another): whether that `__len__` ignores a name."""
        lineage, index = ctx.whole
        length = index.methods.get("__len__")
        unit = (ctx.inherited_unit or ("", None))[1]
        if length is None or not ctx.defines("__iter__") or unit not in (None, ctx.shape.unit):
            return None  # none to judge, or the units differ: DPL107 says so
        # Each class's own methods: a base's __init__ that a subclass overrides still runs
        # when the subclass calls super().__init__, and may compute what __len__ reads.
        classes = [ClassIndex.build([klass]) for klass in lineage]
        return lambda size: _ignores(classes, length, size)


def _ignores(classes, length: cst.FunctionDef, size: str) -> bool:
    """Nothing the inherited `__len__` returns can depend on `size`: it never names it,
    calls no method of self or of its attributes, and the `self` attributes it reads (and
    those they are built from) are assignments of which the same holds; a property or a
    method read as an attribute is not followed."""
    work, seen, bound, fns = [(length.body, length)], set(), set(), {}
    while work:
        node, method = work.pop()
        for n in walk(node):
            if isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute):
                if is_self_attr(n.func, method) or is_self_attr(n.func.value, method):
                    return False  # `self.helper()`, `self.sampler.f()`: not read here
            if not isinstance(n, (cst.Name, cst.Attribute)):
                continue
            if last_name(n) == size:
                return False
            if isinstance(n, cst.Name) and (n.value, method) not in bound:
                # A local of the method it is read in: what binds it may read the size
                # (`full, rest = divmod(n, self.batch_size)` before `self.count += full`).
                bound.add((n.value, method))
                fn = fns.get(method) or fns.setdefault(method, FunctionIndex.build(method))
                work += [(value, method) for value in fn.bindings.get(n.value, [])]
                continue
            attr = is_self_attr(n, method) if isinstance(n, cst.Attribute) else None
            if attr is None or attr in seen:
                continue
            stored = [pair for c in classes for pair in c.self_assignments(attr)]
            if not stored or any(attr in c.properties or attr in c.methods for c in classes):
                return False  # set elsewhere (a caller, a base outside the project) or computed
            seen.add(attr)
            work += stored
    return True


def _involves(nodes: Iterable[cst.CSTNode], size: str) -> bool:
    return any(last_name(node) == size for node in nodes if isinstance(node, (cst.Name, cst.Attribute)))


def _iter_may_use(ctx, size: str) -> bool:
    """__iter__ reads the batch size, calls a method of the sampler, or reads an attribute
    whose value comes from the batch size: then what it yields may depend on it."""
    fn = ctx.index.function(ctx.shape.func)
    if any(read.attr.value == size for read in ctx.shape.reads):
        return True
    if any(
        isinstance(fn.parents.get(read), cst.Call) and fn.parents[read].func is read
        for read in ctx.shape.reads
    ):
        return True
    return _involves((r.node for r in ctx.flow.reach([(read, fn) for read in ctx.shape.reads])), size)
