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
`__init__`, one stream kept across epochs), or from a function of the module or one
defined in `__iter__` itself (`return gen()`). A `next()` in the loop is a way out
only when what it reads may end: not one of a list of endless generators
(`next(self.streams[k])`, Sparse4D's shape), and not when a `try` inside the loop catches
its StopIteration to start over. An `__iter__` that returns `self` is
endless when `__next__` provably never ends the iteration: it raises nothing and calls
`next()` nowhere, calls only the class's own methods (read the same way), torch, numpy,
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

import libcst as cst

from ..core.samplers import torch_len_base
from .base import ClassRule, Invalid

# The documented way to say that an endless __iter__ with a finite __len__ is intended.
NOMINAL = re.compile(r"#\s*dplen:\s*nominal-epoch\b")
_REASON = (
    "stop __iter__ after len(self) items (itertools.islice(..., len(self))), or mark a nominal "
    "epoch with `# dplen: nominal-epoch` in __len__, or make __len__ raise TypeError"
)


class EndlessIter(ClassRule):
    code = "DPL106"
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

    VALID = (
        # A nominal epoch, said so where the length is defined.
        """
import torch
from torch.utils.data import Sampler


class NominalStream(Sampler):
    def __init__(self, n, steps_per_epoch):
        self.n = n
        self.steps_per_epoch = steps_per_epoch

    def __iter__(self):
        while True:
            yield torch.randint(self.n, (4,)).tolist()

    def __len__(self):
        # dplen: nominal-epoch (the trainer cuts the stream after this many batches)
        return self.steps_per_epoch
""",
        # The same, said on the loop.
        """
import itertools
from torch.utils.data import Sampler


class NominalCycle(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        for start in itertools.cycle(range(0, self.n, self.batch_size)):  # dplen: nominal-epoch
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):
        return -(-self.n // self.batch_size)
""",
        # An infinite sampler that says it has no length.
        """
import torch
from torch.utils.data import Sampler


class InfiniteNoLen(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        while True:
            yield from torch.randperm(self.n).tolist()

    def __len__(self):
        raise TypeError("InfiniteNoLen is infinite")
""",
        # detectron2's TrainingSampler shape: endless, and no __len__ at all.
        """
import itertools
import torch
from torch.utils.data import Sampler


class TrainingStream(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        yield from itertools.islice(self._indices(), 0, None)

    def _indices(self):
        while True:
            yield from torch.randperm(self.n).tolist()
""",
        # Oversampling: loops over reshuffles, but returns after len(self) indices.
        """
import torch
from torch.utils.data import Sampler


class Oversample(Sampler):
    def __init__(self, n, num_samples):
        self.n = n
        self.num_samples = num_samples

    def __iter__(self):
        count = 0
        while True:
            for i in torch.randperm(self.n).tolist():
                if count == self.num_samples:
                    return
                yield i
                count += 1

    def __len__(self):
        return self.num_samples
""",
        # islice with a stop: the cycle is cut at len(self).
        """
from itertools import cycle, islice
from torch.utils.data import Sampler


class CycleToLength(Sampler):
    def __init__(self, n, num_samples):
        self.indices = list(range(n))
        self.num_samples = num_samples

    def __iter__(self):
        return islice(cycle(self.indices), self.num_samples)

    def __len__(self):
        return self.num_samples
""",
        # zip with a finite iterable ends with it.
        """
import itertools
from torch.utils.data import Sampler


class ZipCycle(Sampler):
    def __init__(self, n, num_samples):
        self.indices = list(range(n))
        self.num_samples = num_samples

    def __iter__(self):
        for _, idx in zip(range(self.num_samples), itertools.cycle(self.indices)):
            yield idx

    def __len__(self):
        return self.num_samples
""",
        # The loop's own break, when the source runs dry.
        """
import itertools
from torch.utils.data import Sampler


class Chunker(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        it = iter(range(self.n))
        while True:
            batch = list(itertools.islice(it, self.batch_size))
            if not batch:
                break
            yield batch

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size
""",
        # StopIteration caught and turned into a return.
        """
from torch.utils.data import Sampler


class Drain(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        it = iter(range(self.n))
        while True:
            try:
                yield next(it)
            except StopIteration:
                return

    def __len__(self):
        return self.n
""",
        # count() as a step number beside a finite source.
        """
import itertools
from torch.utils.data import Sampler


class Numbered(Sampler):
    def __init__(self, n, batch_size):
        self.indices = list(range(n))

    def __iter__(self):
        for step, idx in zip(itertools.count(), self.indices):
            yield idx

    def __len__(self):
        return len(self.indices)
""",
        # repeat() with a count is finite.
        """
import itertools
import torch
from torch.utils.data import Sampler


class Repeated(Sampler):
    def __init__(self, n, steps):
        self.n = n
        self.steps = steps

    def __iter__(self):
        for _ in itertools.repeat(None, self.steps):
            yield torch.randint(self.n, (2,)).tolist()

    def __len__(self):
        return self.steps
""",
        # A helper generator that ends: following it finds no endless loop.
        """
import torch
from torch.utils.data import Sampler


class HelperOrder(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        yield from self._order()

    def _order(self):
        for _ in range(1):
            yield from torch.randperm(self.n).tolist()

    def __len__(self):
        return self.n
""",
        # An endless helper, cut at len(self) by islice with a stop.
        """
import itertools
import torch
from torch.utils.data import Sampler


class HelperCut(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        return itertools.islice(self._forever(), len(self))

    def _forever(self):
        while True:
            yield from torch.randperm(self.n).tolist()

    def __len__(self):
        return self.n
""",
        # The helper's loop returns after n items.
        """
import torch
from torch.utils.data import Sampler


class HelperReturns(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        yield from self._draw()

    def _draw(self):
        drawn = 0
        while True:
            if drawn == self.n:
                return
            drawn += 1
            yield int(torch.randint(self.n, ()))

    def __len__(self):
        return self.n
""",
        # The endless helper is left by __iter__'s own return.
        """
import itertools
from torch.utils.data import Sampler


class HelperEnumerated(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        for i, idx in enumerate(self._cycle()):
            if i == self.n:
                return
            yield idx

    def _cycle(self):
        return itertools.cycle(range(self.n))

    def __len__(self):
        return self.n
""",
        # The endless helper only under a flag, off by default.
        """
import torch
from torch.utils.data import Sampler


class HelperOnFlag(Sampler):
    def __init__(self, n, batch_size, infinite=False):
        self.n = n
        self.infinite = infinite

    def __iter__(self):
        if self.infinite:
            yield from self._forever()
        else:
            yield from range(self.n)

    def _forever(self):
        while True:
            yield from torch.randperm(self.n).tolist()

    def __len__(self):
        return self.n
""",
        # The attribute is a finite list in __init__; only another method makes it a stream.
        """
import itertools
from torch.utils.data import Sampler


class Restocked(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.indices = list(range(n))

    def stream(self):
        self.indices = self._forever()

    def _forever(self):
        return itertools.cycle(range(self.n))

    def __iter__(self):
        yield from self.indices

    def __len__(self):
        return self.n
""",
        # An iterator class whose __next__ ends the epoch.
        """
import torch
from torch.utils.data import Sampler


class CountedNext(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.order = []
        self.pos = 0

    def __iter__(self):
        self.order = torch.randperm(self.n).tolist()
        self.pos = 0
        return self

    def __next__(self):
        if self.pos >= len(self.order):
            raise StopIteration
        self.pos += 1
        return self.order[self.pos - 1]

    def __len__(self):
        return self.n
""",
        # __next__ passes on the end of the iterator it reads.
        """
from torch.utils.data import Sampler


class DelegatedNext(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        self.it = iter(range(self.n))
        return self

    def __next__(self):
        return next(self.it)

    def __len__(self):
        return self.n
""",
        # A module-level generator with a way out.
        """
from torch.utils.data import Sampler


def _walk(n):
    i = 0
    while True:
        if i == n:
            return
        yield i
        i += 1


class ModuleWalk(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        return _walk(self.n)

    def __len__(self):
        return self.n
""",
        # next() of one of a list of finite iterators: exhausting one ends the loop.
        """
from torch.utils.data import Sampler


class PerSlotFinite(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        streams = [iter(range(slot, self.n, self.batch_size)) for slot in range(self.batch_size)]
        try:
            while True:
                yield [next(stream) for stream in streams]
        except StopIteration:
            return

    def __len__(self):
        return self.n // self.batch_size
""",
    )

    INVALID = (
        Invalid(
            """
import torch
from torch.utils.data import Sampler


class EndlessBatches(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        while True:  # <- DPL106
            order = torch.randperm(self.n).tolist()
            for start in range(0, self.n, self.batch_size):
                yield order[start : start + self.batch_size]

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import itertools
from torch.utils.data import Sampler


class CycleIndices(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        for idx in itertools.cycle(range(self.n)):  # <- DPL106
            yield idx

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from itertools import cycle
from torch.utils.data import Sampler


class YieldFromCycle(Sampler):
    def __init__(self, n, batch_size):
        self.indices = list(range(n))

    def __iter__(self):
        yield from cycle(self.indices)  # <- DPL106

    def __len__(self):
        return len(self.indices)
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import itertools as it
from torch.utils.data import Sampler


class ReturnCycle(Sampler):
    def __init__(self, n, batch_size):
        self.batches = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]

    def __iter__(self):
        return it.cycle(self.batches)  # <- DPL106

    def __len__(self):
        return len(self.batches)
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import itertools
import torch
from torch.utils.data import Sampler


class CountSteps(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        for step in itertools.count():  # <- DPL106
            yield torch.randint(self.n, (self.batch_size,)).tolist()

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
from itertools import cycle, islice
from torch.utils.data import Sampler


class ResumeCycle(Sampler):
    def __init__(self, n, start):
        self.indices = list(range(n))
        self.start = start

    def __iter__(self):
        yield from islice(cycle(self.indices), self.start, None)  # <- DPL106

    def __len__(self):
        return len(self.indices)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The break leaves the inner for, never the while.
            """
import torch
from torch.utils.data import Sampler


class InnerBreak(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self):
        while 1:  # <- DPL106
            batch = []
            for i in torch.randperm(self.n).tolist():
                batch.append(i)
                if len(batch) == self.batch_size:
                    break
            yield batch

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            """
import itertools
from torch.utils.data import Sampler


class LocalCycle(Sampler):
    def __init__(self, n, batch_size):
        self.indices = list(range(n))

    def __iter__(self):
        stream = itertools.cycle(self.indices)
        for i in stream:  # <- DPL106
            yield i

    def __len__(self):
        return len(self.indices)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # StopIteration caught only to start over.
            """
import torch
from torch.utils.data import Sampler


class Restart(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        it = iter(torch.randperm(self.n).tolist())
        while True:  # <- DPL106
            try:
                yield next(it)
            except StopIteration:
                it = iter(torch.randperm(self.n).tolist())

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Endless, with the finite length inherited from torch.
            """
from torch.utils.data import RandomSampler


class ForeverRandom(RandomSampler):
    def __iter__(self):
        while True:  # <- DPL106
            yield from super().__iter__()
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Behind a `with`, the loop is still reached on every run.
            """
import torch
from torch.utils.data import Sampler


class Seeded(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        with torch.random.fork_rng():
            torch.manual_seed(0)
            while True:  # <- DPL106
                yield from torch.randperm(self.n).tolist()

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # yolox's and detectron2's shape: a helper generator, sliced by rank with no stop.
            """
import itertools
import torch
from torch.utils.data import Sampler


class RankStream(Sampler):
    def __init__(self, n, batch_size, rank=0, world_size=1):
        self.n = n
        self.rank = rank
        self.world_size = world_size

    def __iter__(self):
        yield from itertools.islice(self._infinite_indices(), self.rank, None, self.world_size)  # <- DPL106

    def _infinite_indices(self):
        g = torch.Generator()
        g.manual_seed(0)
        while True:
            yield from torch.randperm(self.n, generator=g).tolist()

    def __len__(self):
        return self.n // self.world_size
""",
            manual=(_REASON,),
        ),
        Invalid(
            # mmengine's and mmfewshot's shape: the stream is made once, in __init__, by two helpers.
            """
import itertools
import torch
from torch.utils.data import Sampler


class StoredStream(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.indices = self._indices_of_rank()

    def _infinite_indices(self):
        while True:
            yield from torch.arange(self.n).tolist()

    def _indices_of_rank(self):
        yield from itertools.islice(self._infinite_indices(), 0, None)

    def __iter__(self):
        for idx in self.indices:  # <- DPL106
            yield idx

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The stored stream batched as it comes: the batches never end either.
            """
import itertools
from torch.utils.data import Sampler


class StoredBatches(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.indices = self._forever()

    def _forever(self):
        yield from itertools.cycle(range(self.n))

    def __iter__(self):
        batch = []
        for idx in self.indices:  # <- DPL106
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size
""",
            manual=(_REASON,),
        ),
        Invalid(
            # A plain helper that returns an endless iterator.
            """
import itertools
from torch.utils.data import Sampler


class ReturnsHelper(Sampler):
    def __init__(self, n, batch_size):
        self.indices = list(range(n))

    def _looped(self):
        return itertools.cycle(self.indices)

    def __iter__(self):
        return self._looped()  # <- DPL106

    def __len__(self):
        return len(self.indices)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The helper is a method of the base class in the module.
            """
import torch
from torch.utils.data import Sampler


class StreamBase(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def _forever(self):
        while True:
            yield from torch.randperm(self.n).tolist()


class FromBase(StreamBase):
    def __iter__(self):
        for idx in self._forever():  # <- DPL106
            yield idx

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # The base comes from a star import of torch.utils.data.
            """
from torch.utils.data import *


class StarImported(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        while True:  # <- DPL106
            yield from range(self.n)

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # O-CNN's InfSampler shape: __iter__ returns self, and __next__ starts over at the end.
            """
import torch
from torch.utils.data import Sampler


class RestartingNext(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.reset()

    def reset(self):
        self.indices = torch.randperm(self.n).tolist()
        self.pos = 0

    def __iter__(self):
        return self  # <- DPL106

    def __next__(self):
        value = self.indices[self.pos]
        self.pos = self.pos + 1
        if self.pos >= len(self.indices):
            self.reset()
        return value

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # A random draw per __next__, and nothing that ends it.
            """
import random
from torch.utils.data import Sampler


class DrawNext(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        return self  # <- DPL106

    def __next__(self):
        return random.randrange(self.n)

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # A counter read modulo the length wraps around forever.
            """
from torch.utils.data import Sampler


class WrappedNext(Sampler):
    def __init__(self, n, batch_size):
        self.order = list(range(n))
        self.step = 0

    def __iter__(self):
        return self  # <- DPL106

    def __next__(self):
        self.step += 1
        return self.order[self.step % len(self.order)]

    def __len__(self):
        return len(self.order)
""",
            manual=(_REASON,),
        ),
        Invalid(
            # A module-level generator that never returns.
            """
import torch
from torch.utils.data import Sampler


def _forever(n):
    while True:
        yield from torch.randperm(n).tolist()


class ModuleStream(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        yield from _forever(self.n)  # <- DPL106

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # A generator defined inside __iter__ and returned.
            """
from torch.utils.data import Sampler


class NestedStream(Sampler):
    def __init__(self, n, batch_size):
        self.n = n

    def __iter__(self):
        n = self.n

        def batches():
            while True:
                yield from range(n)

        return batches()  # <- DPL106

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # Sparse4D's shape: next() of one of a list of endless generators never stops the loop.
            """
import itertools
import torch
from torch.utils.data import Sampler


class PerSlotStreams(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.streams = [self._stream(slot) for slot in range(batch_size)]

    def _stream(self, slot):
        yield from itertools.islice(self._forever(), slot, None, self.batch_size)

    def _forever(self):
        while True:
            yield from torch.randperm(self.n).tolist()

    def __iter__(self):
        while True:  # <- DPL106
            yield [next(self.streams[slot]) for slot in range(self.batch_size)]

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
        Invalid(
            # __next__ reads a cycle stored in __init__.
            """
import itertools
from torch.utils.data import Sampler


class CycleNext(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.stream = itertools.cycle(range(n))

    def __iter__(self):
        return self  # <- DPL106

    def __next__(self):
        return next(self.stream)

    def __len__(self):
        return self.n
""",
            manual=(_REASON,),
        ),
    )


def _describe(ctx, node: cst.CSTNode) -> str:
    if isinstance(node, cst.While):
        return f"`while {ctx.short(node.test, 30)}:` with no break or return"
    if isinstance(node, cst.For):
        return f"`for ... in {ctx.short(node.iter, 30)}` with no break or return"
    if isinstance(node, cst.Return) and isinstance(node.value, cst.Name):
        return f"`return {node.value.value}`, and __next__ never raises StopIteration"
    return f"`{ctx.short(node, 40)}`"
