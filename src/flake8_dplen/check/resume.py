"""The resume scenario: a sampler stopped after k of the len() items of an epoch and
resumed through the state API it has, as a training loop resumes from a checkpoint.

The ways, found on a built sampler: a round trip of ``state_dict()`` taken after k items
into ``load_state_dict()`` of a new sampler (torchdata's stateful samplers); a state whose
key names a position (``{"epoch": 0, "start_index": 0}``) loaded with k there, as a loop
that computes the position from its step loads it (lerobot, convasr); a setter of a
resume position, ``set_start_iter(k)`` (``set_`` and one of :data:`POSITIONS`); a
``set_epoch`` that takes one, ``set_epoch(0, start_iter=k)``; an attribute a training loop
sets, ``sampler.start_iter = k`` (Megatron's batch sampler, gpt-neox), when the constructor
sets it to 0 without taking it; and, of any name, each position the analysis core reads
in the class's code (positions.py), through ``set_<name>(k)`` where the class has it, else
set as such an attribute. A position taken by the constructor is drawn with the
other arguments instead, and judged as any fresh sampler: a loop that builds a sampler
at a position asks its len() for the steps left (DPL112 reports a len() that ignores it).

The judge is :func:`~flake8_dplen.runtime.check_resumed`: the rest must be what len() says
after resuming (``Options.resumed_len`` REST, the default: len() is what __iter__ yields)
or, under Lightning's convention (EPOCH), also a len() that still says the whole epoch
when the rest is the items left of it: the ``full - k`` left after a state round trip
taken after k items, or, after a position, which may count other units (a loader's
iterations over an index sampler), a tail of the unresumed epoch.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, List, Tuple

from ..runtime.length import REST

if TYPE_CHECKING:
    from .arguments import Call

# Names of a resume position: in iterations or batches (start_iter), or in items.
POSITIONS = (
    "start_iter",
    "start_iteration",
    "start_index",
    "start_idx",
    "start_batch",
    "batch_idx",
    "consumed_samples",
)
# Attributes set by a training loop: only iteration counts. A `start_index` attribute is as
# often where a rank's shard starts, which no resume sets.
_ATTRIBUTES = ("start_iter", "start_iteration")
STATE, STATE_KEY, SETTER, SET_EPOCH, ATTRIBUTE = "state", "state_key", "setter", "set_epoch", "attribute"
# An attribute set as ATTRIBUTE is, of a name the analysis core read (positions.py), and
# only where the class advances it as items are taken (`progresses`): a cursor a loop
# saves and sets back. A leftover an epoch stores for the next (a wrap-around offset) is
# no resume position, and the epoch after it is judged as it happens.
CURSOR = "cursor"


@dataclass(frozen=True)
class Way:
    kind: str
    name: str = ""  # the setter, the keyword of set_epoch, or the attribute

    def resume(self, fresh: Callable[[], Any], k: int) -> Any:
        """A sampler resumed after ``k`` items; ``fresh()`` builds one as the search does."""
        if self.kind == STATE:
            first = fresh()
            items = iter(first)
            for _ in range(k):
                next(items)
            state = first.state_dict()
            sampler = fresh()
            sampler.load_state_dict(state)
            return sampler
        sampler = fresh()
        if self.kind == STATE_KEY:
            sampler.load_state_dict({**sampler.state_dict(), self.name: k})
        elif self.kind == SETTER:
            getattr(sampler, self.name)(k)
        elif self.kind == SET_EPOCH:
            sampler.set_epoch(0, **{self.name: k})
        else:
            setattr(sampler, self.name, k)
        return sampler

    def describe(self, k: int) -> str:
        if self.kind == STATE:
            return f"state_dict() after {k}, load_state_dict() on a new one"
        if self.kind == STATE_KEY:
            return f"load_state_dict() of its state_dict() with {self.name!r}: {k}"
        if self.kind == SETTER:
            return f"{self.name}({k})"
        if self.kind == SET_EPOCH:
            return f"set_epoch(0, {self.name}={k})"
        return f"{self.name} = {k}"

    def code(self, call: "Call", k: int, epoch: bool) -> List[str]:
        """Statements that build ``sampler`` from ``call`` resumed after ``k``; ``epoch``:
        the class has set_epoch, which the search calls with 0 before each run."""
        start = ["sampler.set_epoch(0)"] if epoch and self.kind != SET_EPOCH else []
        if self.kind == STATE:
            first = ["first.set_epoch(0)"] if epoch else []
            return [
                *call.statements("first"),
                *first,
                "items = iter(first)",
                f"for _ in range({k}):",
                "    next(items)",
                *call.statements("sampler"),
                *start,
                "sampler.load_state_dict(first.state_dict())",
            ]
        then = {
            STATE_KEY: f"sampler.load_state_dict({{**sampler.state_dict(), {self.name!r}: {k}}})",
            SETTER: f"sampler.{self.name}({k})",
            SET_EPOCH: f"sampler.set_epoch(0, {self.name}={k})",
            ATTRIBUTE: f"sampler.{self.name} = {k}",
            CURSOR: f"sampler.{self.name} = {k}",
        }[self.kind]
        return [*call.statements("sampler"), *start, then]


@dataclass(frozen=True)
class Resumed:
    """Where a counterexample was resumed: after ``k`` of ``full`` items, by ``way``;
    ``after``: it is the epoch after the resumed one that disagrees."""

    way: Way
    k: int
    full: int
    after: bool = False
    resumed_len: str = REST  # the convention judged by (runtime.check_resumed)

    @property
    def scenario(self) -> str:
        then = ", in the epoch after it" if self.after else ""
        return f", resumed after {self.k} of {self.full} ({self.way.describe(self.k)}){then}"


def ways(sampler: Any, passed: Iterable[str], read: Iterable[str] = ()) -> List[Way]:
    """The ways ``sampler`` can be resumed; ``passed``: its constructor's arguments;
    ``read``: the positions the analysis core read in its class's code (positions.py)."""
    found = []
    if callable(getattr(sampler, "state_dict", None)) and callable(getattr(sampler, "load_state_dict", None)):
        found.append(Way(STATE))
        found += [Way(STATE_KEY, name) for name in _state_positions(sampler)]
    found += [Way(SETTER, f"set_{name}") for name in POSITIONS if callable(getattr(sampler, f"set_{name}", None))]
    set_epoch = getattr(sampler, "set_epoch", None)
    if callable(set_epoch):
        try:
            params = inspect.signature(set_epoch).parameters
        except (TypeError, ValueError):
            params = {}
        found += [Way(SET_EPOCH, name) for name in POSITIONS if name in params]
    state = getattr(sampler, "__dict__", {})
    found += [
        Way(ATTRIBUTE, name)
        for name in _ATTRIBUTES
        if name not in passed and type(state.get(name)) is int and state[name] == 0
    ]
    for name in read:
        # Through the setter named for it where the class has one, else set as the loop
        # that resumes it sets it (`sampler._pos_start = k`), from the 0 __init__ left.
        setter = f"set_{name.lstrip('_')}"
        if callable(getattr(sampler, setter, None)):
            way = Way(SETTER, setter)
        elif name not in passed and type(state.get(name)) is int and state[name] == 0:
            way = Way(CURSOR, name)
        else:
            continue
        if way not in found:
            found.append(way)
    return found


def progresses(fresh: Callable[[], Any], name: str) -> bool:
    """Whether a sampler ``fresh()`` builds moves its attribute ``name`` between the first
    item taken and the second: a cursor of how far the epoch got."""
    sampler = fresh()
    items = iter(sampler)
    seen = []
    for _ in range(2):
        next(items)
        seen.append(getattr(sampler, name, None))
    return type(seen[0]) is int and type(seen[1]) is int and seen[0] != seen[1]


def _state_positions(sampler: Any) -> List[str]:
    """The keys of ``sampler.state_dict()`` that name a resume position and hold an int."""
    try:
        state = sampler.state_dict()
    except Exception:
        return []
    if not isinstance(state, dict):
        return []
    return [name for name in POSITIONS if type(state.get(name)) is int]


def points(full: int) -> Tuple[int, ...]:
    """Where to stop: after the first item, half-way, before the last."""
    return tuple(k for k in sorted({1, full // 2, full - 1}) if 1 <= k < full)
