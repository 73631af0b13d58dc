"""__iter__ starts at a position the constructor takes, which __len__ ignores.

Compares where `__iter__` starts what it walks with the constructor's parameters `__len__`
depends on.
Shown: invalid_determined_skip_batch_sampler, valid_determined_skip_batch_sampler_skip

## What it does
Reports a sampler whose constructor takes a position (a parameter stored as
`self.<attr>`, also as `p or 0`, with a name that has `consumed`, `start`, `offset`,
`skip`, `resume`, `cursor`, `yielded` or `processed` in it) where what `__iter__` walks
starts late, while nothing the class's `__len__` returns depends on it. The walk starts
late at:

- a slice `x[self.k:]`, `range(self.k, n)` or `islice(it, self.k, None)` in `__iter__`,
  or in what the iterable `__iter__` walks is built from (`__init__`, or a helper that
  builds `self.indices`, called from `__init__` or from `__iter__`);
- `for _ in range(self.k): next(it)` before `it` is walked;
- a counter set to `self.k` that a yielding `while c < n` (or `<=`) counts up;
- an `if` that skips a loop's first steps: `if i < self.k: continue` on its index (or a
  local counter it adds 1 to), `if i >= self.k: yield x`, `if self.k > 0: self.k -= 1;
  continue`.

Nothing but resets (`self.k = 0`, `self.k = None`) may set the attribute elsewhere: a
position a setter or `load_state_dict` moves is resume state, DPL116's. The
two rules read one list of positions (`core/offsets.py`) and never report one twice.

## Why is this bad
The user who builds `SkipSampler(batches, skip=2)` gets an epoch two batches short, and
`len()` still counts them: with 5 batches, `len()` is 5 and 3 are yielded. `len(DataLoader)`
is computed from it, so Lightning and learning-rate schedules plan batches that never come,
and a progress bar stops at 3/5.

A position that `__iter__` applies once and then resets (pytorch-ignite's
`ReproducibleBatchSampler`: `start_iteration` slices the first epoch's batches, then is
set to `None`) is reported too: the epoch it shortens is the first one, the one `len()` is
asked for before training starts; later epochs agree.

## Use instead
Take the position off in `__len__`, in the unit `__iter__` skips:
`return max(0, len(self.batch_sampler) - self.skip)`. For a skip applied once, subtract
it while it is pending (`max(0, n - (self.start_iteration or 0))`), so that `len()` is
right for the epoch that comes next.

## Fix safety
No automatic fix: the unit the position counts in (indices, batches, samples of a
sharded rank) and whether `__iter__` applies it every epoch or once are the author's
decision, so the rule cannot write the subtraction that is right.

## Known problems
A position held by a local that is not `self.<attr>` (`start = self.rank * self.per`),
one a name outside the list above holds, or one applied through another object
(`Inner(n, start=start)`) is not seen. A class whose `__len__` is inherited from a torch
sampler is left to DPL116: what that `__len__` counts is set in torch's `__init__`.
A position that also ends a slice from the top (`x[self.k:] + x[:self.k]`, a rotation)
or bounds the stop of the same walk (`x[self.k : self.k + n]`, a window) is taken to keep
the count.
"""

from __future__ import annotations

from .base import ClassRule, with_example


class ConstructorOffset(ClassRule):
    def check_class(self, ctx):
        for offset in ctx.offsets:
            if offset.param is None:
                continue
            # The input that shows it is the model's run of the class (base.with_example);
            # where the model cannot run it, the message names none rather than invent one.
            message = with_example(ctx, f"__iter__ starts at self.{offset.attr} but __len__ ignores it")
            yield self.manual(
                offset.node, message, f"subtract self.{offset.attr} in __len__, in the unit __iter__ skips"
            )
            return
