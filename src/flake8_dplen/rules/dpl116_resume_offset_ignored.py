"""__iter__ starts at a resume position that __len__ ignores.

Compares the position attribute `__iter__` starts at with the values `__len__` depends on.
Shown: invalid_batch_sampler_resumed_batch_index, valid_position_subtracted_len

## What it does
Reports an `__iter__` that starts what it walks at a resume position
(`x[self.start_index:]`, `range(self.consumed_samples, n)`,
`islice(it, self.skip, None)`, `for _ in range(self.skip): next(it)`, a counter started
at it or the attribute itself counted up by `while self.i < n`, `if i < self.k: continue`
on a step counter of the yielding loop (its index, or `step += 1`), a skip counted down
(`if self.skip > 0: self.skip -= 1; continue`), or a slice of what
`__iter__` walks made in a helper, or in a generator method `__iter__` returns, its
parameter the attribute the call passes: `return self._epoch(start)` with
`for k in range(start, n)`), when nothing the `__len__` it has returns depends on
that attribute. A position is known by what sets it (a method the constructor does not
call stores a value read from its own arguments: `load_state_dict(state)` with
`self.counter = state["counter"]`, a setter) or by its name (`consumed`, `start`,
`offset`, `skip`, `resume`, `cursor`, `yielded` or `processed` in it, set somewhere to
something other than 0). A resume position is one a method other than `__init__` moves
(a setter, `load_state_dict`, `__iter__` itself), or any position under a `__len__`
inherited from torch. An `__iter__` that sets the position to 0 before it reads it
starts every run from the top. A position only the constructor sets (resets to 0 or `None` aside)
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
No automatic fix: the unit `__iter__` skips (items, batches, steps) is the user's to
state. Gating since 2026-12-07 (it was DPL203, a warning): a sampler's `len()` is what its
`__iter__` yields, and a resumed epoch yields the rest, which is also what `dplen check`
judges by default (`--resumed-len rest`). A trainer that restores its own counter and
wants `len()` to keep the whole epoch (Lightning's convention) ignores this rule
(`extend-ignore = DPL116`) and runs the check with `--resumed-len epoch`.

## Known problems
A position under another name that only the constructor or `__iter__` sets, or one held
by a local, is not seen. A position that
also ends a slice from the top (a rotation) or moves the stop with the start (a window)
is taken to keep the count. `dplen check` runs the resume the class offers (a
`state_dict()` round trip, its setter or its constructor argument) and says which count
the resumed epoch keeps.
"""

from __future__ import annotations

from .base import ClassRule


class OffsetIgnored(ClassRule):
    def check_class(self, ctx):
        # A position the constructor takes is DPL112's.
        for offset in ctx.offsets:
            if offset.param is None:
                attr = offset.attr
                # A counter of items under batches is short by fewer batches than k.
                fewer = "k fewer" if offset.exact else "fewer"
                message = f"__iter__ starts at self.{attr} but __len__ ignores it"
                message += f": resumed at k, {fewer} are yielded"
                yield self.manual(
                    offset.node, message, f"subtract self.{attr} in __len__, in the unit __iter__ skips"
                )
                return
