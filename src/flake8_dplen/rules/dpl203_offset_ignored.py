"""__iter__ starts at a resume position that __len__ ignores.

## What it does
Reports an `__iter__` that starts what it walks at a resume position
(`x[self.start_index:]`, `range(self.consumed_samples, n)`,
`islice(it, self.skip, None)`, `for _ in range(self.skip): next(it)`, a counter started
at it, or a slice of what `__iter__` walks made in a helper; a name with `consumed`,
`start`, `offset`, `skip`, `resume`, `cursor`, `yielded` or `processed` in it, set
somewhere to something other than 0), when nothing the `__len__` it has returns depends
on that attribute. A resume position is one a method other than `__init__` moves (a
setter, `load_state_dict`, `__iter__` itself), or any position under a `__len__`
inherited from torch. A position only the constructor sets (resets to 0 or `None` aside)
is DPL112's, a gating rule; the two read one list (`core/offsets.py`) and never report
the same position.

## Why is this bad
A resumed epoch (after `set_start_iter`, `load_state_dict`, or a `consumed_samples`
handed in by the trainer) yields fewer items than `len()` says: with 10 batches and
`start_iter = 4`, `len()` is 10 and `__iter__` yields 6. Lightning then waits for batches
that never come, and a learning-rate schedule computed from `len()` is off.

## Use instead
Subtract the position in `__len__`, in the unit `__iter__` skips
(`return max(0, len(self.batches) - self.start_iter)`), or reset it where the resumed
epoch's length is not wanted.

## Fix safety
No automatic fix, and not gating: whether `len()` should count the resumed epoch or a
full one is a design decision (some trainers add the consumed part back themselves).

## Known problems
A position under another name, or one held by a local, is not seen. A position that
also ends a slice from the top (a rotation) or moves the stop with the start (a window)
is taken to keep the count. The position may be
meant to count only within the epoch that set it; the finding is then noise, which is why
it is a warning.
"""

from __future__ import annotations

from .base import ClassRule, Invalid


class OffsetIgnored(ClassRule):
    code = "DPL203"
    title = "__iter__ starts at a resume position that __len__ ignores"
    gating = False
    looks_at = "the position attribute `__iter__` starts at with the values `__len__` depends on"

    def check_class(self, ctx):
        # A position the constructor takes is DPL112's.
        for offset in ctx.offsets:
            if offset.param is None:
                attr = offset.attr
                message = f"__iter__ starts at self.{attr} but __len__ ignores it: resumed at k, k fewer are yielded"
                yield self.manual(
                    offset.node, message, f"subtract self.{attr} in __len__, in the unit __iter__ skips"
                )
                return

    VALID = (
        # The position subtracted in __len__.
        """
from torch.utils.data import Sampler


class Resumable(Sampler):
    def __init__(self, n, batch_size):
        self.batches = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]
        self.start_iter = 0

    def set_start_iter(self, start_iter):
        self.start_iter = start_iter

    def __iter__(self):
        yield from self.batches[self.start_iter :]

    def __len__(self):
        return max(0, len(self.batches) - self.start_iter)
""",
        # A shard, not a position: a stepped slice.
        """
from torch.utils.data import Sampler


class Strided(Sampler):
    def __init__(self, n, batch_size, num_replicas=2, start_rank=0):
        self.n = n
        self.num_replicas = num_replicas
        self.start_rank = start_rank

    def __iter__(self):
        indices = list(range(self.n))
        return iter(indices[self.start_rank :: self.num_replicas])

    def __len__(self):
        return len(range(self.start_rank, self.n, self.num_replicas))
""",
        # Never anything but 0.
        """
from torch.utils.data import Sampler


class AlwaysZero(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.offset = 0

    def __iter__(self):
        return iter(range(self.offset, self.n))

    def __len__(self):
        return self.n
""",
        # Through a property that subtracts.
        """
from torch.utils.data import Sampler


class ViaProperty(Sampler):
    def __init__(self, n, batch_size, skip=0):
        self.n = n
        self.skip = skip

    @property
    def remaining(self):
        return max(0, self.n - self.skip)

    def __iter__(self):
        yield from range(self.skip, self.n)

    def __len__(self):
        return self.remaining
""",
        # islice with the count taken off in __len__.
        """
import itertools
from torch.utils.data import Sampler


class Skipping(Sampler):
    def __init__(self, n, batch_size, skip=0):
        self.n = n
        self.skip = skip

    def __iter__(self):
        return itertools.islice(iter(range(self.n)), self.skip, None)

    def __len__(self):
        return max(0, self.n - self.skip)
""",
        # A window from start to end, counted as such.
        """
from torch.utils.data import Sampler


class Window(Sampler):
    def __init__(self, n, batch_size, start=0):
        self.start = min(start, n)
        self.end = n

    def __iter__(self):
        return iter(range(self.start, self.end))

    def __len__(self):
        return self.end - self.start
""",
        # The position only seeds the shuffle.
        """
import torch
from torch.utils.data import Sampler


class Seeded(Sampler):
    def __init__(self, n, batch_size, start_epoch=3):
        self.n = n
        self.start_epoch = start_epoch

    def __iter__(self):
        g = torch.Generator()
        g.manual_seed(self.start_epoch)
        return iter(torch.randperm(self.n, generator=g).tolist())

    def __len__(self):
        return self.n
""",
        # A local start, per rank: not a position attribute.
        """
from torch.utils.data import Sampler


class Chunk(Sampler):
    def __init__(self, n, batch_size, rank=0, world=2):
        self.n = n
        self.per = n // world
        self.rank = rank

    def __iter__(self):
        start = self.rank * self.per
        return iter(range(start, start + self.per))

    def __len__(self):
        return self.per
""",
        # __len__ counts what is left by slicing the same way.
        """
from torch.utils.data import Sampler


class SameSlice(Sampler):
    def __init__(self, n, batch_size, start_index=0):
        self.indices = list(range(n))
        self.start_index = start_index

    def __iter__(self):
        return iter(self.indices[self.start_index :])

    def __len__(self):
        return len(self.indices[self.start_index :])
""",
        # Megatron's shape: consumed samples taken off the total in __len__.
        """
from torch.utils.data import Sampler


class Pretraining(Sampler):
    def __init__(self, n, batch_size, consumed_samples=0):
        self.total_samples = n
        self.consumed_samples = consumed_samples

    def __iter__(self):
        for idx in range(self.consumed_samples, self.total_samples):
            yield idx

    def __len__(self):
        return self.total_samples - self.consumed_samples
""",
    )

    INVALID = (
        Invalid(
            # A batch sampler resumed at a batch index a trainer hands in.
            """
import itertools

from torch.utils.data import BatchSampler, Sampler, SequentialSampler


class BatchResume(Sampler):
    def __init__(self, n, batch_size):
        self.batch_sampler = BatchSampler(SequentialSampler(range(n)), batch_size, False)
        self.skip_batches = 0

    def resume_at(self, batch_index):
        self.skip_batches = batch_index

    def __iter__(self):
        yield from itertools.islice(self.batch_sampler, self.skip_batches, None)  # <- DPL203

    def __len__(self):
        return len(self.batch_sampler)
""",
            manual=("subtract self.skip_batches in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # A checkpointed start batch; __len__ counts every batch start.
            """
from torch.utils.data import Sampler


class SkipState(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.start_batch = 0

    def state_dict(self):
        return {"start_batch": self.start_batch}

    def load_state_dict(self, state):
        self.start_batch = state["start_batch"]

    def __iter__(self):
        for start in range(self.start_batch * self.batch_size, self.n, self.batch_size):  # <- DPL203
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):
        return -(-self.n // self.batch_size)
""",
            manual=("subtract self.start_batch in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # The position arrives with set_epoch, as some trainers pass it.
            """
from torch.utils.data import Sampler


class EpochCursor(Sampler):
    def __init__(self, n, batch_size):
        self.order = list(range(n))
        self.processed = 0

    def set_epoch(self, epoch, processed=0):
        self.processed = processed

    def __iter__(self):
        for i in range(self.processed, len(self.order)):  # <- DPL203
            yield self.order[i]

    def __len__(self):
        return len(self.order)
""",
            manual=("subtract self.processed in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class StartIter(Sampler):
    def __init__(self, n, batch_size):
        self.batches = [list(range(i, min(i + batch_size, n))) for i in range(0, n, batch_size)]
        self.start_iter = 0

    def set_start_iter(self, start_iter):
        self.start_iter = start_iter

    def __iter__(self):
        yield from self.batches[self.start_iter :]  # <- DPL203

    def __len__(self):
        return len(self.batches)
""",
            manual=("subtract self.start_iter in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # A constructor's position that a setter moves too: resume state.
            """
from torch.utils.data import Sampler


class Consumed(Sampler):
    def __init__(self, n, batch_size, consumed_samples=0):
        self.total_samples = n
        self.consumed_samples = consumed_samples

    def set_consumed_samples(self, consumed_samples):
        self.consumed_samples = consumed_samples

    def __iter__(self):
        for idx in range(self.consumed_samples, self.total_samples):  # <- DPL203
            yield idx

    def __len__(self):
        return self.total_samples
""",
            manual=("subtract self.consumed_samples in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # Restored from a checkpoint.
            """
from torch.utils.data import Sampler


class Stateful(Sampler):
    def __init__(self, n, batch_size):
        self.indices = list(range(n))
        self.offset = 0

    def load_state_dict(self, state):
        self.offset = state["offset"]

    def __iter__(self):
        return iter(self.indices[self.offset :])  # <- DPL203

    def __len__(self):
        return len(self.indices)
""",
            manual=("subtract self.offset in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # Inherited __len__: RandomSampler counts the whole data source.
            """
import torch
from torch.utils.data import RandomSampler


class ResumedRandom(RandomSampler):
    def __init__(self, data_source, resume_index=0):
        super().__init__(data_source)
        self.resume_index = resume_index

    def __iter__(self):
        g = torch.Generator()
        g.manual_seed(0)
        order = torch.randperm(len(self.data_source), generator=g).tolist()
        yield from order[self.resume_index :]  # <- DPL203
""",
            manual=("subtract self.resume_index in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class Cursor(Sampler):
    def __init__(self, n, batch_size):
        self.order = list(range(n))
        self.cursor = 0

    def advance(self, steps):
        self.cursor += steps

    def __iter__(self):
        for i in range(self.cursor, len(self.order)):  # <- DPL203
            yield self.order[i]

    def __len__(self):
        return len(self.order)
""",
            manual=("subtract self.cursor in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            """
from torch.utils.data import Sampler


class Yielded(Sampler):
    def __init__(self, n, batch_size):
        self.order = list(range(n))
        self.yielded = 0

    def state_dict(self):
        return {"yielded": self.yielded}

    def load_state_dict(self, state):
        self.yielded = state["yielded"]

    def __iter__(self):
        for idx in self.order[self.yielded :]:  # <- DPL203
            yield idx

    def __len__(self):
        return len(self.order)
""",
            manual=("subtract self.yielded in __len__, in the unit __iter__ skips",),
        ),
        Invalid(
            # A base of the module holds __len__.
            """
from torch.utils.data import Sampler


class Plain(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.processed = 0

    def __iter__(self):
        return iter(range(self.n))

    def __len__(self):
        return self.n


class Continued(Plain):
    def mark(self, processed):
        self.processed = processed

    def __iter__(self):
        return iter(range(self.processed, self.n))  # <- DPL203
""",
            manual=("subtract self.processed in __len__, in the unit __iter__ skips",),
        ),
    )
