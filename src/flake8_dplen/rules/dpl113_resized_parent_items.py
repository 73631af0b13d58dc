"""inherited __len__ under an __iter__ that grows, cuts or repeats the parent's items.

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
does not evaluate. Left for a manual fix.

## Known problems
Only a list first bound to `list(super().__iter__())` (or `sorted`, `tuple`, `iter` of
it) and then yielded or returned is followed; items filtered by a comprehension, or
grown through another name or a helper, are not seen. A change that reads `len(self)` or
the attribute the parent's `__len__` returns, in the statement or in the `if` / `while`
test around it, is taken as topping up or cutting to the length, and a list whose length
an `assert` checks as stated by its author; neither is reported. Extra passes are counted
only in `for _ in range(k)` with `k` written out. A `BatchSampler` subclass is not judged
(its length is computed from three attributes).
"""

from __future__ import annotations

from typing import FrozenSet, Optional, Tuple

import libcst as cst

from ..core.classindex import FunctionIndex, is_self_attr, walk
from ..core.iterfacts import count_attr, is_len_self
from ..core.samplers import TORCH_LEN_VALUES, torch_len_base
from .base import ClassRule, Invalid

# The torch sampler's len() on a small input, for the message.
_EXAMPLE = {
    "DistributedSampler": "10 items on 2 replicas: len() 5",
    **dict.fromkeys(
        ["RandomSampler", "SequentialSampler", "SubsetRandomSampler", "WeightedRandomSampler"],
        "10 items: len() 10",
    ),
}


class ResizedParentItems(ClassRule):
    code = "DPL113"
    title = "inherited __len__ under an __iter__ that grows, cuts or repeats the parent's items"
    gating = True
    looks_at = "how many of `super().__iter__()`'s items `__iter__` yields with the `__len__` it inherits"

    def check_class(self, ctx):
        if ctx.defines("__len__") or not ctx.defines("__iter__"):
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
        change, effect = _effect(node)
        shown = f"for ... in {ctx.short(node.iter, 50)}" if isinstance(node, cst.For) else ctx.short(node, 60)
        example = f" ({_EXAMPLE[origin]} whatever __iter__ yields)" if origin in _EXAMPLE else ""
        message = (
            f"{name}.__iter__ {change} (`{shown}`) but the __len__ it inherits from {origin} returns "
            f"{returns}, which {name} never changes{example}: {effect}"
        )
        reason = f"define __len__ in {name} to count the items its __iter__ yields"
        if origin not in TORCH_LEN_VALUES:
            reason += f", or update what {origin}.__len__ returns ({returns}) where the total is set"
        yield self.manual(node, message, reason)

    VALID = (
        # Defines its own __len__ for the padded total.
        """
from torch.utils.data import DistributedSampler


class PadWithLen(DistributedSampler):
    def __init__(self, dataset, batch_size, **kwargs):
        super().__init__(dataset, **kwargs)
        self.batch_size = batch_size

    def __iter__(self):
        indices = list(super().__iter__())
        indices += (indices * self.batch_size)[: -len(indices) % self.batch_size]
        return iter(indices)

    def __len__(self):
        return -(-self.num_samples // self.batch_size) * self.batch_size
""",
        # Two passes written, but every run takes only one of them.
        """
from torch.utils.data import DistributedSampler


class EitherOrder(DistributedSampler):
    def __init__(self, dataset, batch_size, **kwargs):
        super().__init__(dataset, **kwargs)

    def __iter__(self):
        if self.shuffle:
            yield from super().__iter__()
        else:
            yield from sorted(super().__iter__())
""",
        # Only shuffles the parent's items.
        """
import random
from torch.utils.data import SequentialSampler


class ShuffledSequence(SequentialSampler):
    def __iter__(self):
        indices = list(super().__iter__())
        random.Random(0).shuffle(indices)
        return iter(indices)
""",
        # A reversed copy: a slice that keeps every item.
        """
from torch.utils.data import DistributedSampler


class Backwards(DistributedSampler):
    def __init__(self, dataset, batch_size, **kwargs):
        super().__init__(dataset, **kwargs)

    def __iter__(self):
        indices = list(super().__iter__())
        indices = indices[::-1]
        yield from indices
""",
        # Pads to the share every rank already has, and asserts the total.
        """
from torch.utils.data import DistributedSampler


class Checked(DistributedSampler):
    def __init__(self, dataset, batch_size, **kwargs):
        super().__init__(dataset, **kwargs)

    def __iter__(self):
        indices = list(super().__iter__())
        indices += indices[: self.total_size // self.num_replicas - len(indices)]
        assert len(indices) == self.num_samples
        return iter(indices)
""",
        # Drops repeats, then tops up to len(self).
        """
from torch.utils.data import RandomSampler


class ToppedUp(RandomSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source, replacement=True)

    def __iter__(self):
        indices = list(super().__iter__())
        indices = sorted(set(indices))
        while len(indices) < len(self):
            indices.append(indices[-1])
        return iter(indices)
""",
        # Pads by a batch, then cuts back to the count the parent's __len__ returns.
        """
from torch.utils.data import DistributedSampler


class PadThenCut(DistributedSampler):
    def __init__(self, dataset, batch_size, **kwargs):
        super().__init__(dataset, **kwargs)
        self.batch_size = batch_size

    def __iter__(self):
        indices = list(super().__iter__())
        indices += indices[: self.batch_size]
        indices = indices[: self.num_samples]
        return iter(indices)
""",
        # Counts what it yields in another attribute; the items are the parent's.
        """
from torch.utils.data import RandomSampler


class Tally(RandomSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)
        self.seen = 0

    def __iter__(self):
        indices = list(super().__iter__())
        self.seen += len(indices)
        return iter(indices)
""",
        # One pass, each item mapped.
        """
from torch.utils.data import SequentialSampler


class Mapped(SequentialSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)
        self.order = list(reversed(range(len(data_source))))

    def __iter__(self):
        for i in super().__iter__():
            yield self.order[i]
""",
        # A base of the module whose count the subclass rounds up where it sets it.
        """
from torch.utils.data import Sampler


class CountedBase(Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.num_samples = n

    def __iter__(self):
        return iter(range(self.n))

    def __len__(self):
        return self.num_samples


class RoundedUp(CountedBase):
    def __init__(self, n, batch_size):
        super().__init__(n, batch_size)
        self.num_samples = -(-n // batch_size) * batch_size

    def __iter__(self):
        indices = list(super().__iter__())
        indices += (indices * self.batch_size)[: -len(indices) % self.batch_size]
        return iter(indices)
""",
        # Two passes, but the length is its own.
        """
from torch.utils.data import RandomSampler


class TwoEpochs(RandomSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)

    def __iter__(self):
        for _ in range(2):
            yield from super().__iter__()

    def __len__(self):
        return 2 * len(self.data_source)
""",
    )

    INVALID = (
        Invalid(
            # transformers' DistributedSamplerWithLoop shape: each rank padded to a multiple of a batch.
            """
from torch.utils.data import DistributedSampler


class LoopToBatch(DistributedSampler):
    def __init__(self, dataset, batch_size, **kwargs):
        super().__init__(dataset, **kwargs)
        self.batch_size = batch_size

    def __iter__(self):
        indices = list(super().__iter__())
        remainder = -len(indices) % self.batch_size
        start = 1 if self.rank < len(self.dataset) % self.num_replicas else 0
        indices += indices[start : start + remainder]  # <- DPL113
        return iter(indices)
""",
            manual=("define __len__ in LoopToBatch to count the items its __iter__ yields",),
        ),
        Invalid(
            """
from torch.utils.data import RandomSampler


class ExtendedRandom(RandomSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)
        self.batch_size = batch_size

    def __iter__(self):
        indices = list(super().__iter__())
        indices.extend(indices[: -len(indices) % self.batch_size])  # <- DPL113
        yield from indices
""",
            manual=("define __len__ in ExtendedRandom to count the items its __iter__ yields",),
        ),
        Invalid(
            # One append per missing item, in a loop.
            """
from torch.utils.data import SequentialSampler


class AppendPadded(SequentialSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)
        self.batch_size = batch_size

    def __iter__(self):
        indices = list(super().__iter__())
        while len(indices) % self.batch_size:
            indices.append(indices[0])  # <- DPL113
        return iter(indices)
""",
            manual=("define __len__ in AppendPadded to count the items its __iter__ yields",),
        ),
        Invalid(
            """
from torch.utils.data import DistributedSampler


class Wrapped(DistributedSampler):
    def __init__(self, dataset, batch_size, **kwargs):
        super().__init__(dataset, **kwargs)
        self.batch_size = batch_size

    def __iter__(self):
        indices = list(super().__iter__())
        indices = indices + indices[: self.batch_size]  # <- DPL113
        return iter(indices)
""",
            manual=("define __len__ in Wrapped to count the items its __iter__ yields",),
        ),
        Invalid(
            # Two passes over the parent's items per epoch.
            """
from torch.utils.data import RandomSampler


class DoublePass(RandomSampler):
    def __init__(self, data_source, batch_size):
        super().__init__(data_source)

    def __iter__(self):
        for _ in range(2):
            yield from super().__iter__()  # <- DPL113
""",
            manual=("define __len__ in DoublePass to count the items its __iter__ yields",),
        ),
        Invalid(
            # A shuffled pass, then a sorted one.
            """
from torch.utils.data import SubsetRandomSampler


class ThenSorted(SubsetRandomSampler):
    def __init__(self, indices, batch_size):
        super().__init__(indices)

    def __iter__(self):
        yield from super().__iter__()  # <- DPL113
        for i in sorted(super().__iter__()):
            yield i
""",
            manual=("define __len__ in ThenSorted to count the items its __iter__ yields",),
        ),
        Invalid(
            # Cut to full batches by a slice that depends on the batch size, not on num_samples.
            """
from torch.utils.data import DistributedSampler


class FullBatchesOnly(DistributedSampler):
    def __init__(self, dataset, batch_size, **kwargs):
        super().__init__(dataset, **kwargs)
        self.batch_size = batch_size

    def __iter__(self):
        indices = list(super().__iter__())
        indices = indices[: len(indices) - len(indices) % self.batch_size]  # <- DPL113
        return iter(indices)
""",
            manual=("define __len__ in FullBatchesOnly to count the items its __iter__ yields",),
        ),
        Invalid(
            # Repeated augmentation: every item twice.
            """
from torch.utils.data import RandomSampler


class RepeatedAugment(RandomSampler):
    def __init__(self, data_source, batch_size, repeats=2):
        super().__init__(data_source)
        self.repeats = repeats

    def __iter__(self):
        indices = list(super().__iter__())
        indices *= self.repeats  # <- DPL113
        return iter(indices)
""",
            manual=("define __len__ in RepeatedAugment to count the items its __iter__ yields",),
        ),
        Invalid(
            # The length comes from a base of the module.
            """
from torch.utils.data import Sampler


class Even(Sampler):
    def __init__(self, n, batch_size):
        self.num_samples = n
        self.batch_size = batch_size

    def __iter__(self):
        return iter(range(self.num_samples))

    def __len__(self):
        return self.num_samples


class EvenPadded(Even):
    def __iter__(self):
        indices = list(super().__iter__())
        indices += indices[: -len(indices) % self.batch_size]  # <- DPL113
        return iter(indices)
""",
            manual=(
                "define __len__ in EvenPadded to count the items its __iter__ yields, or update what "
                "Even.__len__ returns (self.num_samples) where the total is set",
            ),
        ),
        Invalid(
            # Two epochs per __iter__, each with its own seed.
            """
from torch.utils.data import DistributedSampler


class TwoSeeds(DistributedSampler):
    def __init__(self, dataset, batch_size, **kwargs):
        super().__init__(dataset, **kwargs)

    def __iter__(self):
        for epoch in range(2):
            self.set_epoch(epoch)
            for i in super().__iter__():  # <- DPL113
                yield i
""",
            manual=("define __len__ in TwoSeeds to count the items its __iter__ yields",),
        ),
        Invalid(
            # Padding under a flag that is on by default.
            """
from torch.utils.data import DistributedSampler


class MaybePadded(DistributedSampler):
    def __init__(self, dataset, batch_size, pad=True, **kwargs):
        super().__init__(dataset, **kwargs)
        self.batch_size = batch_size
        self.pad = pad

    def __iter__(self):
        indices = list(super().__iter__())
        if self.pad:
            indices.insert(0, indices[-1])  # <- DPL113
        return iter(indices)
""",
            manual=("define __len__ in MaybePadded to count the items its __iter__ yields",),
        ),
    )


def _inherited_len(ctx) -> Optional[Tuple[str, str, FrozenSet[str]]]:
    """(where __len__ comes from, what it returns, the attributes that is read from): a
    base of the module whose __len__ returns `self.<attr>` or `len(self.<attr>)`, else
    the torch sampler inherited."""
    own = ctx.index.methods.get("__len__")
    if own is not None:
        fn = ctx.index.function(own)
        attrs = {_returned_attr(value, fn) for value in fn.returns}
        if not fn.returns or None in attrs:
            return None
        origin = next(k.name.value for k in ctx.lineage if own in k.body.body)
        return origin, " or ".join(sorted(ctx.short(v) for v in fn.returns)), frozenset(attrs)
    base = torch_len_base(ctx.lineage, ctx.imports)
    if base not in TORCH_LEN_VALUES:
        return None
    returns, attrs = TORCH_LEN_VALUES[base]
    return base, returns, attrs


def _returned_attr(value: cst.BaseExpression, fn: FunctionIndex) -> Optional[str]:
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "len":
        return count_attr(value.args[0].value, fn) if len(value.args) == 1 else None
    return count_attr(value, fn)


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


def _effect(node: cst.CSTNode) -> Tuple[str, str]:
    """What the change does to the parent's items, and what that does to len()."""
    if isinstance(node, cst.Assign) and isinstance(node.value, cst.Subscript):
        return (
            "cuts the items of super().__iter__()",
            "every item it cuts is one len() promises that never comes",
        )
    if isinstance(node, (cst.Yield, cst.For)):
        return (
            "yields the items of super().__iter__() more than once",
            "each further pass yields that many items past len()",
        )
    return "grows the items of super().__iter__()", "every item it adds is yielded past len()"
