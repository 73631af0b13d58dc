"""__iter__ never ends while __len__ is finite.

Compares an endless loop that every run of `__iter__` reaches with the `__len__` the class
has.
Shown: invalid_endless_batches_true, valid_nominal_epoch_said_length_defined

## What it does
Reports an `__iter__` that every run reaches an endless loop in: `while True:` with no
`break` of its own, `return` or `raise`; a `for` over `itertools.cycle(...)`,
`itertools.count()`, `itertools.repeat(x)` or `islice(<one of those>, None)` (with or
without a start and step) with no way out; or `yield from` / `return` of such an
iterator, of a generator expression over one (`(i % n for i in itertools.count())`, no
`if`) or of `map()` over endless iterables only; while the `__len__` the class has (its
own, a base's in the module or in another module of the project, read from disk, or a
torch sampler's) returns a number.
The iterator may come from a method of the class or of a base in the module
(`self._infinite_indices()`: a generator that always reaches such a loop, or a function
that returns such an iterator), also through a `self` attribute that
every assignment in the class sets to one (`self.indices = self._indices_of_rank()` in
`__init__`, one stream kept across epochs), or from a function of the module or one
defined in `__iter__` itself (`return gen()`). A `next()` in the loop is a way out
only when what it reads may end: not one of a list of endless generators
(`next(self.streams[k])`, Sparse4D's shape), and not when a `try` inside the loop catches
its StopIteration to start over. An `__iter__` that returns `self` is
endless when `__next__` provably never ends the iteration: it raises nothing, calls
`next()` only with a default or of an endless iterator (a cycle stored in `__init__`),
otherwise only the class's own methods (read the same way), torch, numpy,
random, math and a few builtins, and indexes only modulo a length or by a counter that
starts at 0, steps by 1 and is set back to 0 when it reaches the length (O-CNN's
`InfSampler`).

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
only as `self.<method>(...)` of the class or its bases in the module, and as calls of
the module's functions and of functions defined in `__iter__`: an endless iterator from
another module, another object, or an attribute set outside the class is not seen. A
`__next__` that calls anything else, or indexes in any other way, is not reported even
when it never ends: one that runs off the end of a list crashes rather than goes on, and
`dplen check` tells the two apart by running it.
"""

from __future__ import annotations

import re
from typing import Optional

from ..core import syntax as cst
from ..core.classindex import FunctionIndex
from ..core.samplers import torch_len_base
from .base import ClassRule

# The documented way to say that an endless __iter__ with a finite __len__ is intended.
NOMINAL = re.compile(r"#\s*dplen:\s*nominal-epoch\b")
_REASON = (
    "stop __iter__ after len(self) items (itertools.islice(..., len(self))), or mark a nominal "
    "epoch with `# dplen: nominal-epoch` in __len__, or make __len__ raise TypeError"
)


class EndlessIter(ClassRule):
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
            base = torch_len_base(ctx.lineage, ctx.imports) or _project_len(ctx)
            if base is None:
                return
            origin = f"{base}.__len__"
        if NOMINAL.search(ctx.code(shape.func)):
            return
        message = f"__iter__ never ends ({_describe(ctx, shape.endless)}) but {origin} is finite"
        yield self.manual(shape.endless, message, _REASON)


def _project_len(ctx) -> Optional[str]:
    """The base in another module of the project whose `__len__`, returning a number and
    not marked nominal, the class inherits."""
    for klass in ctx.foreign:
        own = [s for s in klass.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__len__"]
        if own:
            finite = FunctionIndex.build(own[0]).returns and not NOMINAL.search(ctx.code(own[0]))
            return klass.name.value if finite else None
    return None


def _describe(ctx, node: cst.CSTNode) -> str:
    if isinstance(node, cst.While):
        return f"`while {ctx.short(node.test, 30)}:` with no break or return"
    if isinstance(node, cst.For):
        return f"`for ... in {ctx.short(node.iter, 30)}` with no break or return"
    if isinstance(node, cst.Return) and isinstance(node.value, cst.Name):
        return f"`return {node.value.value}`, and __next__ never raises StopIteration"
    return f"`{ctx.short(node, 40)}`"
