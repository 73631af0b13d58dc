"""__iter__ never ends while __len__ is finite.

## What it does
Reports an `__iter__` that every run reaches an endless loop in: `while True:` with no
`break` of its own, `return` or `raise`; a `for` over `itertools.cycle(...)`,
`itertools.count()`, `itertools.repeat(x)` or `islice(<one of those>, None)` (with or
without a start and step) with no way out; or `yield from` / `return` of such an
iterator; while the `__len__` the class has (its own, a base's in the module, or a torch
sampler's) returns a number. The iterator may come from a method of the class or of a
base in the module (`self._infinite_indices()`: a generator that always reaches such a
loop, or a function that returns such an iterator), also through a `self` attribute that
every assignment in the class sets to one (`self.indices = self._indices_of_rank()` in
`__init__`, one stream kept across epochs).

## Why is this bad
`len()` says the epoch has so many items, and iterating goes past them and never stops.
`len(DataLoader)` is computed from this `len()`, so progress bars, learning-rate schedules
and privacy accounting plan a finite epoch; Lightning ends each epoch after
`len(dataloader)` batches and starts `__iter__` afresh, so the epoch is cut at the nominal
length without a word; and a plain `for batch in loader:` never finishes.

## Use instead
Stop after `len(self)` items (`itertools.islice(..., len(self))`, or a counter and
`return`). When a nominal epoch length is what you mean (an infinite stream that a trainer
cuts into epochs), say so with the comment `# dplen: nominal-epoch` in `__len__` or on the
endless loop's line, or make `__len__` raise `TypeError` (then `len(DataLoader)` raises
too, and Lightning treats the loader as infinite).

## Fix safety
No automatic fix: whether the epoch should end, or the length is nominal on purpose, is a
decision of the author. The finding is left for a manual fix.

## Known problems
An endless loop reached only under a condition (`if self.infinite: while True: ...`) is
not reported, nor one that leaves through a call that may raise. Helpers are followed
only as `self.<method>(...)` of the class or its bases in the module: an endless
iterator from a function of the module, another object, or an attribute set outside the
class is not seen.
"""

from __future__ import annotations

import re

import libcst as cst

from ..core.samplers import torch_len_base
from .base import ClassRule

# The documented way to say that an endless __iter__ with a finite __len__ is intended.
NOMINAL = re.compile(r"#\s*dplen:\s*nominal-epoch\b")
_REASON = (
    "stop __iter__ after len(self) items (itertools.islice(..., len(self))), or mark a nominal "
    "epoch with `# dplen: nominal-epoch` in __len__, or make __len__ raise TypeError"
)


class EndlessIter(ClassRule):
    code = "DPL106"
    doc_cases = ("invalid_endless_batches_true", "valid_nominal_epoch_said_length_defined")
    title = "__iter__ never ends while __len__ is finite"
    gating = True
    looks_at = "an endless loop that every run of `__iter__` reaches with the `__len__` the class has"

    def check_class(self, ctx):
        shape = ctx.shape
        if shape.endless is None or not ctx.defines("__iter__"):
            return
        own_len = ctx.index.methods.get("__len__")
        if own_len is not None:
            if not ctx.index.function(own_len).returns or NOMINAL.search(ctx.code(own_len)):
                return
            origin = "__len__"
        else:
            base = torch_len_base(ctx.lineage, ctx.imports)
            if base is None:
                return
            origin = f"{base}.__len__"
        if NOMINAL.search(ctx.code(shape.func)):
            return
        message = f"__iter__ never ends ({_describe(ctx, shape.endless)}) but {origin} is finite"
        yield self.manual(shape.endless, message, _REASON)


def _describe(ctx, node: cst.CSTNode) -> str:
    if isinstance(node, cst.While):
        return f"`while {ctx.short(node.test, 30)}:` with no break or return"
    if isinstance(node, cst.For):
        return f"`for ... in {ctx.short(node.iter, 30)}` with no break or return"
    return f"`{ctx.short(node, 40)}`"
