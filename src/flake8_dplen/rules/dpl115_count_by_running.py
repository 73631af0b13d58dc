"""len() is not the number of items __iter__ yields, by running both.

Compares `len()` with the items `__iter__` yields, run on small constructor arguments.
Shown: invalid_range_starts_int_division, valid_range_starts_ceiling

## What it does
Runs the class's `__init__`, `__len__` and `__iter__` (and the helper methods, properties
and nested generators they reach) in a small interpreter of its own
(`core/yieldcount.py`), on small values of the constructor's parameters, and reports
the first arguments on which `len()` differs from the number of items `__iter__` yields.
The commonest case is a `__len__` that counts indices while `__iter__` yields batches
(slices, `torch.split` or `np.array_split` pieces, lists grown by `append`), or the
reverse; another is `int(n / bs)` over `range(0, n, bs)`; another, groups (partitions,
shards) each batched by torch's `BatchSampler` or a class of the module, a short batch
per group, under a `__len__` that counts one tail.

## Why is this bad
`len(DataLoader)` is `len()` of the sampler: Lightning ends the epoch after that many
batches, and schedulers and progress bars plan with it. Counting indices where batches
are yielded promises `batch_size` times too many steps.

## Use instead
Count what `__iter__` yields: `-(-n // batch_size)` batches for batches of `batch_size`
with a short tail, `n // batch_size` without it, `n` for single indices.

## Fix safety
No automatic fix: which of the two sides is meant is the author's decision.

A random integer draw (`random.randint`, `random.choice`, numpy's and torch's `randint`,
`numpy.random.choice`) is taken at its lowest outcome, which some epoch meets: the message
then says "each random draw at its lowest". A seeded generator of the class's own
(`numpy.random.default_rng(s)`, `RandomState(s)`, `random.Random(s)`) draws as those
functions do: its `permutation`, `shuffle`, `integers`/`randint`, `choice` and `sample`.
What `torch.distributed.get_world_size()` and `get_rank()` answer (asked by the class,
or by torch's `DistributedSampler` given no `num_replicas` or `rank`) are inputs too,
named `dist.get_world_size()` and `dist.get_rank()`. A parameter whose default is None
is run with None first, then with values (a caller may pass one). Last, where nothing
else was found, an attribute the class reads of an argument (`dataset.image_ids`) is an
input of its own, named so in the message; a class that reads two values of one
argument (`len(dataset)` and `dataset.lengths`, which the data ties) is not run so.
Bases in other modules of the project are read from disk
(the message then says "inherited len()" at the class's own `__iter__`), and so are the
functions the class imports from them (`from .utils import chunk`), run with their own
module's names. An `__iter__`
that returns `self` is run through `__next__` until it raises StopIteration. A sequence
parameter whose elements the class walks or slices (groups or buckets of indices) is
given elements of one length, `len(groups[*])`, varied as the other inputs are; so is
a wrapped sampler whose items the class walks or slices (a batch sampler: batches of
`len(sampler[*])` items, as many as each `*batch_size*` the class is given), also
where it only measures them, and each a new list the class may change in place.
A slice object (`x[slice(i, j)]`) cuts as `x[i:j]` does; a name read before the code
bound it (a rank's share bound only on that rank's turn of a loop) refuses the input,
as Python's UnboundLocalError does.

Where the first epoch agrees, the same object is asked `len()` and walked again, as a
DataLoader does each epoch: what the first epoch left behind (a cursor put back only when
`__iter__` is called again, a cached order consumed) shows there, and the message says
"in the second epoch".
Tensors and arrays of one value (`torch.zeros(n)`, `np.ones(n, dtype=...)`, `torch.full`),
`torch.LongTensor(values)` and its kin, and `torch.multinomial(weights, k)` (k positions,
which ones unknown) are run as torch makes them, in one dimension. A count the data
says (`range(max(labels) + 1)`, `torch.randperm(len(by_class))`) is unknown, and a loop
over it is skipped as any loop over unknown values.
Strings are compared as Python does (`order not in {"sequential", "reversed"}`, `mode ==
"random"`), and so is membership in a list, tuple or range of known values; a string is
never counted with. A class whose `__iter__` reads what only its `set_epoch` sets
(`self.epoch`) is run as a training loop uses it, `set_epoch(0)` first (`set_epoch(1)`
before a second epoch), and the message says "set_epoch(epoch) called first".
A test `x is None` of a value the model does not know (an attribute of what the caller
passes: `self.sampler.generator is None`) is run both ways.
A value read from the data that nothing counts with (the labels' classes by `np.unique`,
a dict of indices per class, a cursor per class, a loop that shuffles each class) is
carried as unknown, and the run goes on (core/unknowns.py): a count taken from it stops.
A choice from such values (`np.random.choice(np.unique(labels), m, replace=False)`) is
taken as the data allows it: `m` unknown values, without replacement no more than the
shortest sequence argument holds. Items the class only measures (sorted by `len`) are
run with their lengths unknown.

## Known problems
The interpreter stops (and the rule says nothing) at anything it does not know: a count
that depends on the data (lengths, labels), a draw whose weights may exclude the lowest
outcome (`p=`), a call outside the module or outside the parts of torch/numpy it models,
a base class outside the project other than torch's samplers, a count that tests on the
data's values (or on a random float) decide. `dplen check` runs those. A test
`isinstance(dataset, C)`, `C` a class of the module, a tensor, an array or a torch
dataset type (or `torch.is_tensor`), is run as for a plain list (not a `C`): what is
found is found for that input, and the inputs that are `C`s are not tried. A count that
depends on the lengths of items the class only measures (a token budget packing them)
stops it. Parameters take values from 1 to 5, sequences
lengths from 1 to 8, with no int above a sequence's length and a rank below the world
size; a class that is wrong only beyond that is not reported.
"""

from __future__ import annotations

from ..core.yieldcount import counterexample
from .base import ClassRule, units

_REASON = "make __len__ count what __iter__ yields (batches for a batch sampler, indices for a sampler)"


class CountByRunning(ClassRule):
    # Reported only where no other gating rule speaks for the class: they say why.
    fallback = True

    def check_class(self, ctx):
        # A class that inherits __len__ from a base of the module is reported at its own
        # __iter__; one that inherits __iter__ is judged where __len__ is.
        own = "__len__" if ctx.defines("__len__") else "__iter__" if ctx.defines("__iter__") else None
        if own is None:
            return
        found = counterexample(ctx)
        if found is None:
            return
        unit = units(ctx.shape.unit, found.count)
        inherited = "" if own == "__len__" else "inherited "
        head = f"{inherited}len() is not what __iter__ yields ("
        tail = f": len {found.length}, {found.count} {unit}{found.when})"
        # The arguments take what a message of under 140 characters leaves.
        message = head + found.describe(139 - len(head) - len(tail)) + tail
        yield self.manual(ctx.index.methods[own].name, message, _REASON)
