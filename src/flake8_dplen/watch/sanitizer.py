"""The length sanitizer: count what every watched sampler's iterator yields and compare
it, when the epoch ends, with the ``len()`` read when the iterator was created.

``install()`` wraps ``__iter__`` and ``__init__`` (to note where each sampler is built)
of every ``torch.utils.data.Sampler`` subclass, those defined later included, and
restores them on ``uninstall()``. The ``__iter__`` wrapper reads ``len()`` and returns
the sampler's own iterator inside ``chain(compress(it, count(1)), _End(...))``: the count runs in C
(``compress`` pulls one ``count`` value per item and passes the item through), and Python
code runs once per epoch, when ``_End`` is reached (the epoch ended) or freed before
that (the consumer abandoned it).

Imports torch only inside ``install()``; the judge of random counts is the runtime's.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import warnings
import weakref
from dataclasses import dataclass
from itertools import chain, compress, count, islice
from typing import Any, Callable, Dict, List, Optional, Tuple

from ..runtime import judge_counts

__all__ = [
    "Mismatch",
    "LengthMismatch",
    "LengthWarning",
    "install",
    "installed",
    "uninstall",
    "guard",
    "finish",
    "report",
    "running",
    "scope",
    "watch",
]

# A random count is judged at session end, on its mean: z as in `dplen check`, whose
# many judgements per run made 3 SE too loose; a session judges many groups too.
RANDOM_Z = 4.0


def _cap(reported: int) -> int:
    """Items an abandoned epoch is finished up to (the batch cap of `dplen check`), so
    that an endless ``__iter__`` cannot hang the finish."""
    return 10 * reported + 1000


@dataclass(frozen=True)
class Mismatch:
    """One epoch (or, for a random sampler, the epochs observed) whose count is not ``len()``."""

    sampler: str  # module.Qualname
    site: str  # file:line where it was constructed, or "?"
    reported: int
    yielded: float  # the count, or the mean count of a random sampler
    how: str  # "epoch", "abandoned", "cut off" or "random"
    detail: str = ""  # the mean's spread, for "random"
    rank: Optional[str] = None
    test: Optional[str] = None
    source: Optional[str] = None  # the file that defines the class

    @property
    def message(self) -> str:
        where = f"{self.sampler} (constructed at {self.site})"
        n, y = self.reported, self.yielded
        if self.how == "random":
            what = f"len() = {n}, but its epochs yielded {self.detail}"
        elif self.how == "cut off":
            what = f"len() = {n}, but the epoch ran on past {int(y)} items and was not finished: endless?"
        elif self.how == "abandoned":
            what = (
                f"len() = {n}; the consumer stopped at len() (as PyTorch Lightning does) but the"
                f" sampler had {int(y) - n} more, {int(y)} in all: the lost ones are never used"
            )
        else:
            diff = int(y) - n
            tail = (
                "past len(), lost to loops that stop at len()" if diff > 0 else "promised by len() never came"
            )
            what = f"len() = {n}, but one epoch yielded {int(y)} ({diff:+d}: {abs(diff)} {tail})"
        module, _, name = self.sampler.rpartition(".")
        # A script's classes live in __main__, which `dplen check` cannot import by that name.
        target = f"{module}:{name}" if module != "__main__" else (self.source or "SCRIPT.py")
        hint = (
            f"find the cause with `dplen check {target}` and `flake8 --select=DPL`"
            f" on {self.source or 'its file'} (rule pages: docs/rules/)"
        )
        rank = f"[rank {self.rank}] " if self.rank is not None else ""
        return f"{rank}{where}: {what}; {hint}"

    def to_dict(self) -> Dict[str, Any]:
        return dict(self.__dict__)


class LengthMismatch(AssertionError):
    """Raised at the end of an epoch of a sampler guarded with ``on_mismatch="raise"``."""


class LengthWarning(UserWarning):
    """Warned for a sampler guarded with ``on_mismatch="warn"`` (and by ``dplen watch --warn``)."""


Sink = Callable[[Mismatch], None]


class _Group:
    """Running sums of the epochs of the samplers built at one place with one ``len()``."""

    __slots__ = ("epochs", "total", "total_sq", "low", "high", "random", "expected", "key", "source")

    def __init__(
        self, key: Tuple[str, str, int], random: bool, expected: Optional[float], source: Optional[str]
    ):
        self.epochs = self.total = self.total_sq = 0
        self.low = self.high = None
        self.key, self.random, self.expected, self.source = key, random, expected, source

    def add(self, n: int) -> None:
        self.epochs += 1
        self.total += n
        self.total_sq += n * n
        self.low = n if self.low is None else min(self.low, n)
        self.high = n if self.high is None else max(self.high, n)


class _State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.installed = False
        self.sink: Optional[Sink] = None  # watching every sampler (pytest --dplen-watch, dplen watch)
        self.scoped: Optional[Sink] = None  # watching every sampler for a while (a Lightning fit)
        self.guarded: Dict[int, Tuple[weakref.ref, Sink]] = {}
        self.sites: Dict[int, Tuple[weakref.ref, str]] = {}
        self.groups: Dict[Tuple[str, str, int], _Group] = {}
        self.live: "weakref.WeakSet[_End]" = weakref.WeakSet()
        self.trusted: Dict[type, bool] = {}
        self.wrapped: List[Tuple[type, str, Any]] = []
        self.sampler_class: Optional[type] = None
        self.test: Optional[str] = None  # the test running now, under pytest


_state = _State()


def _forget_in_child() -> None:
    # A forked DataLoader worker inherits the parent's epochs; they are the parent's to report.
    _state.lock = threading.RLock()
    _state.groups.clear()
    _state.live = weakref.WeakSet()


os.register_at_fork(after_in_child=_forget_in_child)


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _trusted(cls: type) -> bool:
    """torch's own samplers agree with their len() (tests/test_watch.py checks them through
    guard); not counting them keeps RandomSampler's per-index cost out of every epoch, and
    keeps a user's wrong sampler under torch's BatchSampler reported once, as itself."""
    known = _state.trusted.get(cls)
    if known is None:
        owners = [
            next((k for k in cls.__mro__ if name in k.__dict__), object) for name in ("__iter__", "__len__")
        ]
        known = _state.trusted[cls] = all(k.__module__.split(".")[0] == "torch" for k in owners)
    return known


def _source(cls: type) -> Optional[str]:
    return getattr(sys.modules.get(cls.__module__), "__file__", None)


def _rank() -> Optional[str]:
    return os.environ.get("RANK")


def _sink_of(sampler: Any) -> Optional[Sink]:
    entry = _state.guarded.get(id(sampler))
    if entry is not None and entry[0]() is sampler:
        return entry[1]
    sink = _state.scoped or _state.sink
    if sink is not None and not _trusted(type(sampler)):
        return sink
    return None


def _site(sampler: Any) -> str:
    entry = _state.sites.get(id(sampler))
    return entry[1] if entry is not None and entry[0]() is sampler else "?"


def _remember(table: Dict[int, Tuple[weakref.ref, Any]], obj: Any, value: Any) -> None:
    key = id(obj)
    try:
        ref = weakref.ref(obj, lambda _, key=key: table.pop(key, None))
    except TypeError:  # __slots__ without __weakref__: nothing to remember it by safely
        return
    table[key] = (ref, value)


def _taken(counter: count) -> int:
    # compress() pulls count(1) once per item passed, so its next value is items + 1.
    return int(repr(counter)[6:-1]) - 1


class _End:
    """The last link of a watched iterator: reached when the epoch ends, freed (or
    finished by :func:`finish`) when the consumer abandons it."""

    __slots__ = ("sampler", "it", "counter", "reported", "sink", "test", "done", "__weakref__")

    def __init__(self, sampler: Any, it: Any, counter: count, reported: int, sink: Sink) -> None:
        self.sampler, self.it, self.counter, self.reported, self.sink = sampler, it, counter, reported, sink
        self.test = _state.test
        self.done = False

    def __iter__(self) -> "_End":
        return self

    def __next__(self) -> Any:
        if not self.done:
            self.done = True
            self._epoch(_taken(self.counter), "epoch")
        raise StopIteration

    def abandon(self) -> None:
        """Judge an epoch the consumer left: only when it took at least len() items, by
        counting what the sampler still had (indices only: no data is loaded)."""
        if self.done:
            return
        self.done = True
        taken = _taken(self.counter)
        if taken < self.reported:
            return
        cap = _cap(self.reported)
        try:
            rest = sum(1 for _ in islice(self.it, max(cap - taken, 0) + 1))
        except Exception:  # the sampler's own failure is its consumer's to see, not ours
            return
        total = taken + rest
        if total > cap:
            self._emit("cut off", total)
        elif total != self.reported:
            self._epoch(total, "abandoned")

    def __del__(self) -> None:
        try:
            self.abandon()
        except Exception:  # never raise from a finalizer; a report lost beats a crash here
            pass

    def _emit(self, how: str, n: int) -> None:
        cls = type(self.sampler)
        source = _source(cls)
        site = _site(self.sampler)
        self.sink(Mismatch(_name(cls), site, self.reported, n, how, "", _rank(), self.test, source))

    def _epoch(self, n: int, how: str) -> None:
        cls = type(self.sampler)
        key = (_name(cls), _site(self.sampler), self.reported)
        with _state.lock:
            group = _state.groups.get(key)
            if group is None:
                random, expected = _registered(cls, self.sampler)
                group = _state.groups[key] = _Group(key, random, expected, _source(cls))
            group.add(n)
            if group.low != group.high:
                # A count that changes between epochs is random: judged on its mean at the end.
                group.random = True
            fixed_mismatch = not group.random and n != self.reported
        if fixed_mismatch:
            self._emit(how, n)


def _registered(cls: type, sampler: Any) -> Tuple[bool, Optional[float]]:
    """Whether `dplen check`'s registry marks the class random, and its expectation."""
    from ..check.registry import lookup

    reg = lookup(cls)
    if reg is None or not reg.random:
        return False, None
    try:
        return True, (reg.expected(sampler) if reg.expected is not None else None)
    except Exception:
        return True, None


def _watch(sampler: Any, original: Callable[[Any], Any]) -> Any:
    """The sampler's own iterator, counted when the sampler is watched."""
    sink = _sink_of(sampler)
    if sink is None:
        return original(sampler)
    try:
        reported = len(sampler)
    except Exception:  # no len() (or a failing one) to hold the iteration to
        return original(sampler)
    it = original(sampler)
    if not hasattr(it, "__next__"):  # not an iterator: iter() will tell its consumer so
        return it
    counter = count(1)
    end = _End(sampler, it, counter, reported, sink)
    _state.live.add(end)
    return chain(compress(it, counter), end)


def _wrap(cls: type) -> None:
    for name, watch in (("__iter__", _watch), ("__init__", _construct)):
        original = cls.__dict__.get(name)
        if original is None or getattr(original, "__dplen_original__", None) is not None:
            continue
        wrapper = _wrapper(name, original, watch)
        setattr(cls, name, wrapper)
        _state.wrapped.append((cls, name, original))


def _wrapper(name: str, original: Callable[..., Any], watch: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(self, /, *args, **kwargs):  # positional-only: a keyword may be called `self`
        if getattr(type(self), name) is not wrapper:
            # Reached through super() from an override: the override's wrapper watches.
            return original(self, *args, **kwargs)
        return watch(self, original, *args, **kwargs)

    wrapper.__dplen_original__ = wrapper.__wrapped__ = original
    for attribute in ("__name__", "__qualname__", "__doc__", "__module__"):
        setattr(wrapper, attribute, getattr(original, attribute, None))
    return wrapper


def _construct(sampler: Any, original: Callable[..., Any], /, *args: Any, **kwargs: Any) -> None:
    # Called by type.__call__ (C), so the frame above is the one that wrote `Sampler(...)`.
    if not _trusted(type(sampler)):
        caller = sys._getframe(2)
        _remember(_state.sites, sampler, f"{caller.f_code.co_filename}:{caller.f_lineno}")
    original(sampler, *args, **kwargs)


def _subclasses(cls: type) -> List[type]:
    found, todo = [], [cls]
    while todo:
        for sub in type.__subclasses__(todo.pop()):
            if sub not in found:
                found.append(sub)
                todo.append(sub)
    return found


def _on_subclass(cls, **kwargs):
    super(_state.sampler_class, cls).__init_subclass__(**kwargs)
    _wrap(cls)


def installed() -> bool:
    return _state.installed


def install(sink: Optional[Sink] = None, sampler_class: Optional[type] = None) -> None:
    """Wrap every Sampler class's ``__iter__`` and ``__init__`` (idempotent). With ``sink``, watch every
    sampler that is not torch's own and pass each mismatch to it; without, watch only
    the samplers given to :func:`guard`. ``sampler_class`` is torch's ``Sampler``, for a
    caller that has it before ``torch.utils.data`` has finished importing."""
    if sampler_class is None:
        from torch.utils.data import Sampler
    else:
        Sampler = sampler_class

    with _state.lock:
        if sink is not None:
            _state.sink = sink
        if _state.installed:
            return
        if "__init_subclass__" in Sampler.__dict__:
            raise RuntimeError("torch's Sampler defines __init_subclass__; the sanitizer would replace it")
        _state.sampler_class = Sampler
        Sampler.__init_subclass__ = classmethod(_on_subclass)
        for cls in _subclasses(Sampler):
            _wrap(cls)
        _state.installed = True


def uninstall() -> None:
    """Restore every class and forget the watched epochs (for a test run in-process)."""
    with _state.lock:
        if not _state.installed:
            return
        for cls, name, original in reversed(_state.wrapped):
            setattr(cls, name, original)
        del _state.sampler_class.__init_subclass__
        _state.__init__()


def guard(obj: Any, on_mismatch: str = "warn") -> Any:
    """Watch one sampler, or the index sampler of one ``DataLoader``, and return it.

    Each epoch whose count differs from ``len()`` warns (:class:`LengthWarning`) or, with
    ``on_mismatch="raise"``, raises :class:`LengthMismatch` where the epoch ends; an
    abandoned epoch is judged when it is freed or :func:`finish`-ed, and can only warn
    there (raising from a finalizer reaches nobody)."""
    if on_mismatch not in ("warn", "raise"):
        raise ValueError(f"on_mismatch must be 'warn' or 'raise', got {on_mismatch!r}")
    return watch(obj, _raise if on_mismatch == "raise" else _warn, sys._getframe(1))


def watch(obj: Any, sink: Sink, caller: Any = None) -> Any:
    """:func:`guard` with any sink: each mismatch of ``obj`` (a sampler or a loader) is
    passed to ``sink``; ``caller`` is the frame named as the site of a torch sampler."""
    install()
    caller = caller or sys._getframe(1)
    for sampler in _samplers_of(obj):
        if _site(sampler) == "?":
            _remember(_state.sites, sampler, f"{caller.f_code.co_filename}:{caller.f_lineno} (guarded)")
        _remember(_state.guarded, sampler, sink)
    return obj


def _samplers_of(obj: Any) -> List[Any]:
    """A loader's batch sampler and sampler; torch's own among them only when all are:
    torch's BatchSampler over a wrong sampler is wrong too, and one report is enough."""
    from torch.utils.data import DataLoader

    if not isinstance(obj, DataLoader):
        return [obj]
    samplers = [s for s in (obj.batch_sampler, obj.sampler) if s is not None]
    own = [s for s in samplers if not _trusted(type(s))]
    return own or samplers


def _warn(mismatch: Mismatch) -> None:
    warnings.warn(LengthWarning(mismatch.message), stacklevel=2)


def _raise(mismatch: Mismatch) -> None:
    if mismatch.how == "abandoned" or mismatch.how == "cut off":
        _warn(mismatch)
    else:
        raise LengthMismatch(mismatch.message)


def scope(sink: Optional[Sink]) -> None:
    """Until ``scope(None)``, pass the mismatches of every sampler that is not torch's own to
    ``sink`` (before the session-wide sink of :func:`install`)."""
    install()
    _state.scoped = sink


def running(test: Optional[str]) -> None:
    """Name the test that the epochs starting from now belong to (None: no test)."""
    _state.test = test


def finish(test: Optional[str] = None) -> None:
    """Judge now the live epochs that the consumer has left (of one test, or all): at the end
    of a test, of a training epoch, of the program."""

    def left() -> List[_End]:
        return [end for end in list(_state.live) if not end.done and (test is None or end.test == test)]

    if left():
        # Iterators left in reference cycles (a trainer's fetcher) are freed, and judged, by gc.
        gc.collect()
    for end in left():
        end.abandon()


def report() -> List[Mismatch]:
    """Judge the random samplers on the mean of the epochs observed (each group of at least
    two epochs) and return their mismatches."""
    found = []
    with _state.lock:
        groups = list(_state.groups.values())
    for group in groups:
        if not group.random or group.epochs < 2:
            continue
        sampler, site, reported = group.key
        ok, mean, stderr = judge_counts(
            reported, group.epochs, group.total, group.total_sq, expected=group.expected, z=RANDOM_Z
        )
        if not ok:
            against = f", expected {group.expected:.2f}" if group.expected is not None else ""
            detail = (
                f"{mean:.2f} ± {stderr:.2f} on average over {group.epochs} epochs"
                f" (range {group.low}..{group.high}{against})"
            )
            found.append(
                Mismatch(sampler, site, reported, mean, "random", detail, _rank(), source=group.source)
            )
    return found
