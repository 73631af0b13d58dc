"""One class, one hypothesis search: build samplers from generated arguments and judge
each with the runtime check; hypothesis shrinks the first disagreement it finds."""

from __future__ import annotations

import inspect
import random
import re
import sys
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, FrozenSet, Iterator, List, Optional, Tuple

from ..runtime.distributed import as_rank, group_exists, one_process_group
from ..runtime.length import EPOCH, REST, LengthReport, check_length, check_resumed
from ..runtime.limits import TimedOut, time_limit
from . import registry
from .arguments import Call, CannotBuild, Learned, calls, whole
from .callers import restricted_by_callers
from .epochs import counted_epochs, later_epochs
from .isolate import TIMED_OUT
from .legitimate import degenerate
from .pinned import pinned
from .positions import positions
from .prepared import setters
from .resume import CURSOR, STATE, Resumed, points, progresses, ways

# Statuses, in the order a summary lists them.
OK, COUNTEREXAMPLE, CUT_OFF, CANNOT_BUILD = "ok", "counterexample", "cut off", "could not build"
# Registered as not to be checked, with a reason (``register(cls, skip=...)``).
NOT_CHECKED = "not checked"
# TIMED_OUT (isolate.py's status of a class past its wall-clock limit) is also a class whose
# __iter__ or len() ran past the time limit on every input without running past len(): it
# stalls, and a stall shows no length, so the class could not be judged.
# How the samplers were built.
AUTOMATIC, REGISTERED = "automatically", "with a registered factory"
# A random count is judged at this many standard errors: the search judges up to
# max_examples samplers, and each judgement at 3 SE alone would be wrong 0.3% of the time.
RANDOM_Z = 4.0
# Epochs compared before a mismatching count is taken for a fixed one.
_VARIATION_EPOCHS = 5
# The search's budget and its shrinking cap are seconds of this process's CPU, not of the
# wall clock: on a machine busy with other work (CI runners, `-j` classes side by side) a
# wall-clock budget ran fewer examples, and the same class was found, ok or "could not
# build" depending on the load. Hangs are still cut by the wall clock (runtime's limit).
_cpu = time.process_time
# Inputs on which __iter__ may run past the time limit before the search stops judging:
# each costs the whole limit, and the class's wall-clock limit (60 s) must leave room.
_HANGS = 3
# Seconds that shrinking a found disagreement may take: drawing big nested lists
# (`color_pos`, a list of each identity's positions) made every shrink step slow, and the
# class ran past its wall-clock limit with a counterexample in hand. The smallest one seen
# by then is reported.
_SHRINKING = 10.0


@dataclass(frozen=True)
class Options:
    budget: float = 2.0  # seconds of search per class (shrinking a counterexample may add some)
    timeout: float = 5.0  # seconds one sampler may iterate (all its epochs) before it is cut off
    max_examples: int = 200
    seed: int = 0
    epochs: int = 20  # seeded epochs of a random sampler, unless its registration says
    resumed_len: str = REST  # what len() must say after a resume mid-epoch (runtime.check_resumed)


@dataclass
class Result:
    cls: type
    status: str
    how: str
    call: Optional[Call] = None
    report: Optional[LengthReport] = None
    random: bool = False
    timed_out: Optional[float] = None  # the limit, when the iteration was stopped by it
    reported: Optional[int] = None  # len() of the sampler whose iteration was stopped
    batches: Optional[int] = None  # batches that iteration had yielded when it was stopped
    why: str = ""  # what stopped the class from being built
    # of the counterexample: 1 is its second epoch (after set_epoch(1), if it has one); more, a
    # later epoch (after set_epoch(1), then set_epoch(epoch): epochs.later_epochs; without
    # set_epoch, the epoch + 1st iteration of the same object: epochs.counted_epochs)
    epoch: int = 0
    resumed: Optional[Resumed] = None  # of the counterexample: where and how it was resumed
    group: bool = False  # a process group of one existed: the pasted test makes one too
    examples: int = 0  # samplers built and judged
    seconds: float = 0.0
    seed: int = 0  # Options.seed: the pasted test of a random count seeds as the search did

    @property
    def found(self) -> bool:
        return self.status in (COUNTEREXAMPLE, CUT_OFF)


class _Invalid(Exception):
    """These arguments do not make a working sampler: the example is rejected."""

    def __init__(self, message: str, cause: BaseException) -> None:
        super().__init__(message)
        self.cause = cause


@dataclass(eq=False)
class _Disagreement(Exception):
    call: Call
    report: LengthReport
    random: bool
    epoch: int = 0  # the epoch judged: 1 is the same sampler again, after set_epoch(1); more: later
    resumed: Optional[Resumed] = None  # the scenario judged: resumed mid-epoch


@dataclass(eq=False)
class _TimedOutOn(BaseException):
    call: Call
    reported: Optional[int]  # None: building it or its len() was what ran on
    seconds: float
    built: bool = True  # False: building it was what ran on
    batches: Optional[int] = None  # batches the stopped epoch had yielded (None: not an epoch)

    @property
    def ran_past(self) -> bool:
        """Whether the stopped epoch had yielded more batches than len() says: an endless
        ``__iter__`` shown, where one stopped before len() only stalled."""
        return None not in (self.reported, self.batches) and self.batches > self.reported


class _ShrinkingOver(BaseException):
    """Shrinking ran past _SHRINKING: the search ends with the last disagreement seen
    (a BaseException, so that hypothesis does not take it for the test's own failure)."""


class _BudgetSpent(BaseException):
    """The budget ran out (or too many inputs hung) before any disagreement: the search
    ends there. Letting hypothesis draw its remaining examples only to pass them unjudged
    cost a third of an exact class's time (drawing is half of a search's)."""


@dataclass
class _State:
    start: Optional[float] = None  # when the first sampler was tried: the budget runs from it
    judged: int = 0
    # Samplers judged that had something to yield (len() or the epoch above 0).
    substantial: int = 0
    last_invalid: str = ""
    random_seen: bool = False
    wants_records: bool = False  # a generated range or torch sampler lacked what was asked of it
    learned: Learned = Learned()  # what the failures said the class needs (learn())
    tabled: bool = False  # a dataset was a Table shaped by the class's code
    failure: Optional[_Disagreement] = None
    found_at: float = 0.0  # when the first disagreement was seen (shrinking began)
    hangs: List[_TimedOutOn] = field(default_factory=list)  # inputs it ran on, first first
    later: Tuple[int, ...] = ()  # epochs judged after the second (epochs.later_epochs)


def _generators(obj: Any, depth: int = 3) -> Iterator[Any]:
    """torch.Generator objects held by a sampler or by the samplers it wraps."""
    import torch

    if depth == 0:
        return
    for value in getattr(obj, "__dict__", {}).values():
        if isinstance(value, torch.Generator):
            yield value
        elif isinstance(value, torch.utils.data.Sampler):
            yield from _generators(value, depth - 1)


def _seed_everything(value: int) -> None:
    import torch

    random.seed(value)
    # Not torch.manual_seed: with no accelerator initialised it queues a lazy seeding per
    # device, each with a formatted stack, on every call (a millisecond each, hundreds of
    # calls a class, and a queue that only grows).
    torch.default_generator.manual_seed(value)
    if torch.cuda.is_initialized():
        torch.cuda.manual_seed_all(value)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed(value)


def _reseeder(sampler: Any, seed: int) -> Callable[[int], None]:
    generators = list(_generators(sampler))
    set_epoch = getattr(sampler, "set_epoch", None)

    def reseed(epoch: int) -> None:
        value = seed * 7919 + epoch
        _seed_everything(value)
        for generator in generators:
            generator.manual_seed(value)
        if callable(set_epoch):
            set_epoch(epoch)

    return reseed


def _build(call: Call) -> Any:
    try:
        return call.build()
    except (RuntimeError, ValueError) as exc:
        # A distributed sampler that asks the process group for its world size and rank
        # gets a group of one, as in a single-process run.
        if "process group has not been initialized" not in str(exc):
            raise
    # Asked of torch itself, not of as_rank's answers: outside a scenario of ranks, or by
    # torch's own code (a DistributedSampler's base, a collective).
    one_process_group()
    return call.build()


def _judge(
    call: Call, reg: Optional[registry.Registration], options: Options, state: "_State"
) -> _Disagreement:
    """Build and judge one sampler; the returned value says how (``report.ok``)."""
    # Building is seeded too, so that hypothesis replays a failing example exactly.
    _seed_everything(options.seed * 7919)
    reported: Optional[int] = None
    built = False
    world = as_rank(*call.world) if call.world is not None else nullcontext()
    try:
        with time_limit(options.timeout), world:
            try:
                sampler = _build(call)
                built = True
                reported = len(sampler)
                expected = reg.expected(sampler) if reg is not None and reg.expected is not None else None
            except Exception as exc:
                raise _Invalid(f"{call.code}{call.prepared}: {type(exc).__name__}: {exc}", exc) from None
            return _judge_built(sampler, reported, expected, call, reg, options, state)
    except TimedOut as exc:
        raise _TimedOutOn(call, reported, exc.seconds, built, exc.batches) from None


def _judge_built(
    sampler: Any,
    reported: int,
    expected: Optional[float],
    call: Call,
    reg: Optional[registry.Registration],
    options: Options,
    state: "_State",
) -> _Disagreement:
    limit = batch_cap(reported)
    reseed = _reseeder(sampler, options.seed)
    epochs = reg.epochs if reg is not None and reg.random else options.epochs
    random_count = (reg is not None and reg.random) or state.random_seen
    steady = False  # the second epoch agreed too

    def judged_randomly() -> LengthReport:
        return check_length(sampler, epochs=epochs, expected=expected, reseed=reseed, z=RANDOM_Z, limit=limit)

    try:
        if random_count:
            report = judged_randomly()
        else:
            report = check_length(sampler, reseed=reseed, limit=limit)
            if not report.ok and not report.cut_off and _varies(call, options, limit, report.yielded):
                # A count that changes with the seed is random whatever the registration
                # says: judge its mean, for this sampler and every later one of the class
                # (else shrinking would hunt for arguments whose epochs happen to agree).
                state.random_seen = random_count = True
                report = judged_randomly()
            elif report.ok:
                # A DataLoader iterates the same sampler object every epoch: its second
                # epoch must agree with len() too, asked after set_epoch(1) where the class
                # has it (reseed calls it). State left by the first epoch (a wrap-around
                # offset, a consumed iterator) shows only there.
                reseed(1)
                again = check_length(sampler, limit=limit)
                if _fixed(again, call, options, limit, (1,)):
                    return _Disagreement(call, again, False, epoch=1)
                if not again.ok:
                    # A count that changes with the seed in the second epoch, the first
                    # agreeing: the first epoch replays the seed the sampler was built
                    # under, and a len() that runs __iter__ once in __init__ counts that
                    # very draw. Its len() is one draw, judged against the mean like any
                    # random count.
                    state.random_seen = random_count = True
                    report = judged_randomly()
                steady = again.ok
    except Exception as exc:
        shown = f"{call.code}{call.prepared}: iterating raised {type(exc).__name__}: {exc}"
        raise _Invalid(shown, exc) from None
    if steady:
        later = _later(sampler, call, options, limit, reseed, state.later)
        if later is not None:
            return later
    if report.ok and not random_count and expected is None:
        resumed = _resumed(sampler, call, options, limit, report.reported, steady)
        if resumed is not None:
            return resumed
    return _Disagreement(call, report, random_count)


def _resumed(
    sampler: Any, call: Call, options: Options, limit: int, full: int, steady: bool
) -> Optional[_Disagreement]:
    """The first disagreement of the sampler resumed mid-epoch by a way it has (resume.py),
    in the resumed epoch or, where the unresumed sampler's second epoch agreed
    (``steady``), in the epoch after it: a position never cleared shortens every later
    epoch. A way that raises on these arguments, or runs past the time limit, is not
    judged: the fresh epoch agreed, and a resume the class does not support is no length
    bug."""
    passed = {name for name, _, _ in call.args}

    def fresh() -> Any:
        # Built and seeded as the fresh sampler was, so that k of its items are k of those.
        _seed_everything(options.seed * 7919)
        built = _build(call)
        _reseeder(built, options.seed)(0)
        return built

    found = []
    for way in ways(sampler, passed, positions(type(sampler))):
        try:
            with time_limit(options.timeout):
                if way.kind != CURSOR or (full > 1 and progresses(fresh, way.name)):
                    found.append(way)
        except (Exception, TimedOut):
            continue
    convention = options.resumed_len
    epoch: Optional[list] = None
    if convention == EPOCH and any(way.kind != STATE for way in found):
        # A position (start_iter...) may count other units than the items: the rest it
        # leaves is judged as a tail of this epoch (check_resumed).
        try:
            with time_limit(options.timeout):
                epoch = list(islice(fresh(), limit + 1))
        except (Exception, TimedOut):
            return None
    for way in found:
        for k in points(full):
            try:
                with time_limit(options.timeout):
                    tail = None if way.kind == STATE else epoch
                    resumed = way.resume(fresh, k)
                    report = check_resumed(
                        resumed, full=full, consumed=k, limit=limit, epoch=tail, resumed_len=convention
                    )
            except (Exception, TimedOut):
                break
            if not report.ok:
                where = Resumed(way, k, full, resumed_len=convention)
                return _Disagreement(call, report, False, resumed=where)
            if not steady:
                continue
            try:
                with time_limit(options.timeout):
                    _reseeder(resumed, options.seed)(1)
                    after = check_length(resumed, limit=limit)
            except (Exception, TimedOut):
                break
            if not after.ok:
                return _Disagreement(
                    call, after, False, resumed=Resumed(way, k, full, after=True, resumed_len=convention)
                )
    return None


def _later(
    sampler: Any,
    call: Call,
    options: Options,
    limit: int,
    reseed: Callable[[int], None],
    epochs: Tuple[int, ...],
) -> Optional[_Disagreement]:
    """The first of the later ``epochs`` (epochs.later_epochs: past a switch of the class's
    schedule; epochs.counted_epochs: more iterations of a class that counts its own) whose
    count disagrees with len(), on the object that ran the first two and the epochs before
    it. An epoch the class cannot run (a schedule indexed past its end) is not judged: the
    first two agreed, and the input stays valid."""
    for judged, epoch in enumerate(epochs, 1):
        try:
            reseed(epoch)
            report = check_length(sampler, limit=limit)
        except Exception:
            return None
        if _fixed(report, call, options, limit, (1, *epochs[:judged])):
            return _Disagreement(call, report, False, epoch=epoch)
    return None


def _fixed(report: LengthReport, call: Call, options: Options, limit: int, ran: Tuple[int, ...]) -> bool:
    """Whether the last of the epochs ``ran`` after the first disagrees whatever the seed,
    or runs away."""
    if report.ok:
        return False
    return report.cut_off or not _epoch_varies(call, options, limit, ran, report.yielded)


def _epoch_varies(call: Call, options: Options, limit: int, ran: Tuple[int, ...], count: int) -> bool:
    """Whether the count of the last epoch of ``ran`` changes with the seed: fresh samplers
    from the same arguments, each run under another seed through the epochs the search ran
    (the first, then each of ``ran``: a class that counts its own epochs is at the same
    one only after as many iterations)."""
    for shift in range(1, _VARIATION_EPOCHS):
        _seed_everything((options.seed + shift) * 7919)
        fresh = _build(call)
        reseed = _reseeder(fresh, options.seed + shift)
        check_length(fresh, reseed=reseed, limit=limit)
        for then in ran:
            reseed(then)
            last = check_length(fresh, limit=limit)
        if last.yielded != count:
            return True
    return False


def batch_cap(reported: int) -> int:
    """Batches taken from one epoch at most: far past len(), and within what `islice`
    takes (a len() near sys.maxsize turned the cap into an error, and the class into
    "could not build")."""
    return min(10 * reported + 1000, sys.maxsize - 1)


def _varies(call: Call, options: Options, limit: int, first: int) -> bool:
    """Whether the count changes with the seed. Each epoch is a fresh sampler built from the
    same arguments: one object whose count changes from its first epoch to its second
    (a resume offset used once) is not random, it is wrong in its first epoch."""
    for epoch in range(1, _VARIATION_EPOCHS):
        _seed_everything(options.seed * 7919 + epoch)
        fresh = _build(call)
        reseed = _reseeder(fresh, options.seed)
        if check_length(fresh, reseed=lambda _, e=epoch: reseed(e), limit=limit).yielded != first:
            return True
    return False


def _strategy(
    cls: type, reg: Optional[registry.Registration], learned: Optional[Learned] = None, alone: bool = False
):
    target = reg.factory if reg is not None and reg.factory is not None else cls
    if reg is not None and reg.strategy is not None:
        return whole(target, reg.strategy)
    overrides = reg.args if reg is not None else None
    distributed = asks_distributed(cls) and not alone
    return calls(target, overrides, distributed=distributed, learned=learned or Learned())


# A question to torch.distributed, however the module is named where it is asked, or a
# read of what torchrun puts in the environment (`os.environ["WORLD_SIZE"]`).
_ASKS = re.compile(
    r"\b(?:get_world_size|get_rank|is_initialized)\s*\(" r"|[\"'](?:LOCAL_)?(?:WORLD_SIZE|RANK)[\"']"
)


def asks_distributed(cls: type) -> bool:
    """Whether the class, a base, or a function of their modules that they call by name
    (`get_dist_info()`) asks torch.distributed, or the environment torchrun sets, for the
    world size or the rank: the search then tries every rank of worlds of 1 to 4."""
    for klass in cls.__mro__:
        module = sys.modules.get(klass.__module__)
        if klass is object or module is None:
            continue
        source = _source(klass)
        helpers = [
            value
            for name, value in vars(module).items()
            if inspect.isfunction(value) and re.search(rf"\b{re.escape(name)}\s*\(", source)
        ]
        for code in [source, *map(_source, helpers)]:
            if _ASKS.search(code):
                return True
    return False


def _source(function: Any) -> str:
    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return ""


def _lacks_data(exc: BaseException, call: Call) -> bool:
    """Whether the sampler asked a generated range or a generated torch sampler for
    something it does not have: `dataset.get_data_info`, `sampler.dataset`; or asked a
    value of a Table or an item of a range for an attribute (`item.platform` of
    `dataset.items`, `dataset[i].label` read by a helper of another package) or a field
    (`dataset[i][1]`), which a field drawn by its name cannot have and a record answers.
    (A Table lacking an attribute gets it: learn().)"""
    # A generated range, given as it is or through the torch sampler that wraps it
    # (`sampler.data_source[idx]["mask"]` of a `RandomSampler(range(9))`).
    ranged = any(_RANGED.match(shown.code) for _, shown, _ in call.args)
    if isinstance(exc, TypeError):
        # A field of a Table drawn as a key or a size that the class iterates (a list of
        # channels per item): records, which a later round makes lists (learn()).
        return (ranged and "'int' object is not subscriptable" in str(exc)) or (
            _tabled(call) and "'int' object is not iterable" in str(exc)
        )
    if not isinstance(exc, AttributeError):
        return False
    obj = getattr(exc, "obj", None)
    if isinstance(obj, range) or type(obj).__module__.startswith("torch.utils.data"):
        return True
    return (_tabled(call) or ranged) and isinstance(obj, (int, float, str, tuple, dict, list))


_RANGED = re.compile(r"(?:\w+Sampler\()?range\(")


def _tabled(call: Call) -> bool:
    from .records import TABLE

    return any(TABLE in shown.imports for _, shown, _ in call.args)


# A list indexed by an array (numpy's message, and Python's), and a function of torch
# handed a list or an array: the class takes arrays, or tensors.
_WANTS_ARRAY = re.compile(
    r"only integer scalar arrays can be converted"
    r"|list indices must be integers or slices, not (?:numpy|Tensor|list)"
    r"|expected np\.ndarray \(got list\)"  # torch.from_numpy(weights)
    # A list in arithmetic (`rate * weights * n`), which scales an array element by element.
    r"|can't multiply sequence by non-int"
    r"|unsupported operand type\(s\) for [-+*/]+: '(?:list|int|float)' and 'list'"
    r"|unsupported operand type\(s\) for [-+*/]+: 'list' and '(?:int|float)'"
)
_WANTS_TENSOR = re.compile(
    r"must be Tensor, not (?:list|numpy)"
    r"|expected Tensor as element \d+ in argument \d+, but got (?:list|numpy)"
)
# A record iterated or measured (`for channel in item.channels`).
_RECORD_LIST = re.compile(r"'Record' object is not iterable|object of type 'Record' has no len\(\)")
# Rounds of the search after the first, each with what the earlier ones learned.
_ROUNDS = 3


def learn(exc: BaseException) -> Learned:
    """What a failure of the class on generated arguments says it needs: the lists it is
    given as arrays or tensors (it indexed one by an array, called an array's or a
    tensor's method on one, or handed one to torch), or an attribute of an options object
    or a Table that its code did not show (an AttributeError names it), or a key of a dict
    (a KeyError names it), or records that are lists (one was iterated)."""
    from types import SimpleNamespace

    from .records import NumberWanted, Table

    message = str(exc)
    if isinstance(exc, NumberWanted):
        # An attribute of the dataset itself (`dataset.num_buffers`), not a column's own.
        top = "." not in exc.column and "[" not in exc.column and exc.column.isidentifier()
        return Learned(numbers=frozenset({exc.column})) if top else Learned()
    if isinstance(exc, AttributeError):
        obj, name = getattr(exc, "obj", None), getattr(exc, "name", None) or ""
        if isinstance(obj, (SimpleNamespace, Table)) and name.isidentifier() and not name.startswith("__"):
            return Learned(attributes=frozenset({name}))
        return Learned(arrays=_array_kind(obj, name))
    if isinstance(exc, KeyError) and len(exc.args) == 1 and isinstance(exc.args[0], str):
        key = exc.args[0]
        named = key.isidentifier() and not key.startswith("__")
        return Learned(keys=frozenset({key})) if named else Learned()
    if isinstance(exc, TypeError) and _RECORD_LIST.search(message):
        return Learned(records=True, lists=True)
    if isinstance(exc, TypeError) and _WANTS_TENSOR.search(message):
        return Learned(arrays="torch")
    if isinstance(exc, (TypeError, IndexError)) and _WANTS_ARRAY.search(message):
        return Learned(arrays="numpy")
    return Learned()


def _unset(exc: BaseException, cls: type) -> FrozenSet[str]:
    """The attribute a sampler of ``cls`` lacked (`'Cls' object has no attribute 'x'`)
    where a method of the class sets it (prepared.py): a method its callers call before
    iterating, which the next round calls too."""
    obj, name = getattr(exc, "obj", None), getattr(exc, "name", None) or ""
    if not isinstance(exc, AttributeError) or not isinstance(obj, cls) or not name.isidentifier():
        return frozenset()
    return frozenset({name}) if setters(cls, name) else frozenset()


def _array_kind(obj: Any, name: str) -> str:
    """The array kind that has the method a list (or a numpy array) lacked: "" if none."""
    import numpy as np
    import torch

    if not isinstance(obj, (list, np.ndarray)) or not name:
        return ""
    if isinstance(obj, list) and hasattr(np.ndarray, name):
        return "numpy"
    return "torch" if hasattr(torch.Tensor, name) and not hasattr(np.ndarray, name) else ""


def check_class(cls: type, options: Options = Options()) -> Result:
    """Search for arguments on which ``len()`` of ``cls`` disagrees with its ``__iter__``.
    When the class's failures on generated arguments say what it needs (learn(); or the
    generated ranges lack an accessor it reads its data through: then on
    :class:`~.records.Records` datasets), the search runs again with that, each round with
    the same budget, up to _ROUNDS more rounds."""
    reg = registry.lookup(cls)
    how = REGISTERED if reg is not None and reg.builds else AUTOMATIC
    if reg is not None and reg.skip:
        return Result(cls, NOT_CHECKED, how, why=reg.skip)
    began = time.monotonic()
    try:
        learned = Learned()
        result, found, hangs = _search(cls, reg, _strategy(cls, reg), options, how)
        for rounds in range(1, _ROUNDS + 1):
            more = learned | found
            # A user's strategy of whole argument sets has no arguments of ours to change.
            if result.found or more == learned or (reg is not None and reg.strategy is not None):
                break
            if rounds * options.budget + hangs * options.timeout > _ROUNDS * options.budget + options.timeout:
                # Rounds whose inputs ran past their time limits (each hung input costs
                # the whole limit) leave no room for more within the class's wall-clock
                # limit (60 s): ProteinGym's BatchSampler, whose loop never ends on an
                # item above its token budget, ran past it in its fourth round. Counted,
                # not timed: on a busy machine the rounds' time says nothing of the class,
                # and diffusers' BucketBatchSampler, built in its third round, was "could
                # not build" under load.
                break
            learned = more
            again, found, more_hangs = _search(cls, reg, _strategy(cls, reg, learned), options, how)
            hangs += more_hangs
            if again.found or again.status == OK or result.status == CANNOT_BUILD:
                again.examples += result.examples
                result = again
        if result.status == CANNOT_BUILD and restricted_by_callers(cls):
            # The call sites' kind of sampler is what the project passes, not all it may:
            # when nothing of it built, the class is drawn over samplers of any kind
            # rather than left unchecked.
            wider = _strategy(cls, reg, learned | Learned(any_sampler=True))
            again, _, _ = _search(cls, reg, wider, options, how)
            if again.status != CANNOT_BUILD:
                again.examples += result.examples
                result = again
        if result.status == CANNOT_BUILD and asks_distributed(cls):
            # Every argument set failed while torch.distributed answered for a group: a
            # class made for a process alone (`assert not dist.is_initialized()`, a rank
            # it reads only when initialised) is drawn as a single process runs it.
            again, _, _ = _search(cls, reg, _strategy(cls, reg, learned, alone=True), options, how)
            if again.status != CANNOT_BUILD:
                again.examples += result.examples
                result = again
    except CannotBuild as exc:
        why = str(exc)
        if exc.missing:
            # The one line that supplies it (a plain value or a hypothesis strategy).
            why += (
                f"; register it: `flake8_dplen.check.register({registry.key(cls)!r},"
                f" args={{{exc.missing!r}: VALUE}})`"
            )
        return Result(cls, CANNOT_BUILD, how, why=why)
    result.seconds = time.monotonic() - began
    result.seed = options.seed
    result.group = result.found and group_exists()
    return result


def _search(
    cls: type, reg: Optional[registry.Registration], strategy: Any, options: Options, how: str
) -> "tuple[Result, Learned, int]":
    from hypothesis import HealthCheck, Phase, Verbosity, given, reject, seed, settings

    state = _State(later=later_epochs(cls) if callable(getattr(cls, "set_epoch", None)) else counted_epochs(cls))

    @seed(options.seed)
    @settings(
        max_examples=options.max_examples,
        deadline=None,
        database=None,
        derandomize=False,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        verbosity=Verbosity.quiet,
    )
    @given(strategy)
    def probe(call: Call) -> None:
        # Past the budget the remaining examples pass unjudged; once a disagreement is
        # found every example runs, or shrinking would see it vanish.
        spent = 0.0 if state.start is None else _cpu() - state.start
        if state.failure is not None and _cpu() - state.found_at > _SHRINKING:
            raise _ShrinkingOver()
        hung = len(state.hangs) >= _HANGS
        if state.failure is None and (spent > options.budget or hung):
            raise _BudgetSpent()
        if any(_same(hang.call, call) for hang in state.hangs):
            # Drawn again (the smallest data, `labels=[0]`, is drawn often): it would run
            # on again, and count as another input the class cannot take.
            reject()
        if hung:
            # Shrinking a disagreement into inputs that run on would spend the limit on
            # every try: no more are run, and the last disagreement seen is reported.
            reject()
        tried = _cpu()
        try:
            verdict = _judge(call, reg, options, state)
        except _TimedOutOn as hang:
            # An input on which __iter__ runs on while others finish is one the class
            # cannot take (TripletSampler draws a positive until it differs from the
            # anchor: a class of one item never ends); it is rejected, and its time is
            # not taken from the budget. A class that runs on whatever it is given is
            # reported with its first such input (below).
            state.hangs.append(hang)
            if state.start is not None:
                state.start += _cpu() - tried
            reject()
        except _Invalid as exc:
            state.last_invalid = str(exc)
            state.wants_records = state.wants_records or _lacks_data(exc.cause, call)
            state.learned = state.learned | learn(exc.cause) | Learned(unset=_unset(exc.cause, cls))
            coded = pinned(exc.cause, call.target, (name for name, _, _ in call.args))
            state.learned = state.learned | Learned(coded=coded)
            state.tabled = state.tabled or _tabled(call)
            reject()
        finally:
            # The budget runs from the end of the first try: drawing and building the first
            # sampler pays for the imports (opacus' optimizer, built by its registered
            # strategy), which took the whole budget and left the class "could not build".
            if state.start is None:
                state.start = _cpu()
        state.judged += 1
        # Arguments no caller passes (legitimate.py) are judged but never reported, and
        # check nothing; those of a user's own strategy are the user's to choose.
        legitimate = not _only_empty_batches(verdict.report) and (
            (reg is not None and reg.strategy is not None) or not degenerate(call)
        )
        if legitimate and (verdict.report.reported or any(verdict.report.counts)):
            state.substantial += 1
        if legitimate and not verdict.report.ok:
            state.found_at = state.found_at or _cpu()
            state.failure = verdict
            raise verdict

    result = Result(cls, OK, how)
    try:
        with _without_broken_modules():
            probe()
    except _Disagreement as found:
        result = _found(result, found)
    except _ShrinkingOver:
        result = _found(result, state.failure)
    except _BudgetSpent:
        pass
    except Exception as exc:
        from hypothesis.errors import Flaky, Unsatisfiable

        if state.failure is not None:  # hypothesis could not replay it (a flaky sampler): keep the last seen
            result = _found(result, state.failure)
        elif isinstance(exc, Unsatisfiable):
            result = Result(cls, CANNOT_BUILD, how, why=_invalid_why(state))
        elif isinstance(exc, Flaky):
            # One class hypothesis cannot replay (its construction or iteration behaves
            # differently the second time) must not end the run.
            why = "the same arguments did not give the same outcome twice: register a factory"
            result = Result(cls, CANNOT_BUILD, how, why=why)
        else:
            raise
    built = [hang for hang in state.hangs if hang.built]
    # Of the inputs it ran on, those on which it ran past len() before the limit (and that a
    # caller passes) show an endless __iter__; the others only that it stalls.
    endless = [hang for hang in built if hang.ran_past and not degenerate(hang.call)]
    if endless and state.judged == 0 and not result.found:
        hang = endless[0]
        result = Result(
            cls, CUT_OFF, how, hang.call, timed_out=hang.seconds, reported=hang.reported, batches=hang.batches
        )
    elif built and state.judged == 0 and not result.found:
        hang = built[0]
        yielded = "" if hang.batches is None else f", {hang.batches} yielded"
        what = "its len()" if hang.reported is None else f"__iter__ (len {hang.reported}{yielded})"
        why = (
            f"{what} was still running after {hang.seconds:g} s, on every input tried, without running"
            " past len(): a stall, not a length, so it could not be judged; the first:"
            f" {hang.call.code}{hang.call.prepared}"
        )
        result = Result(
            cls, TIMED_OUT, how, hang.call, timed_out=hang.seconds, reported=hang.reported, why=why
        )
    elif state.hangs and state.judged == 0 and not result.found:
        # A constructor that runs on says nothing of len(): the class was not built.
        hang = state.hangs[0]
        why = (
            f"building it was still running after {hang.seconds:g} s, on every input tried; the first:"
            f" {hang.call.code}{hang.call.prepared}"
        )
        result = Result(cls, CANNOT_BUILD, how, why=why)
    elif result.status == OK and state.judged == 0:
        result = Result(cls, CANNOT_BUILD, how, why=_invalid_why(state))
    elif result.status == OK and state.substantial == 0 and state.last_invalid:
        # Built only over no data (an empty dataset), every other argument set failing:
        # nothing was checked, and a later round may learn what the others needed.
        why = "only samplers with nothing to yield, or on inputs no caller passes, were built; " + _invalid_why(state)
        result = Result(cls, CANNOT_BUILD, how, why=why)
    result.examples = state.judged
    result.random = result.random or state.random_seen or (reg is not None and reg.random)
    # A Table that no sampler was built from is no better than records: the shape read
    # from the code can be wrong (a flag read as one value per item), and records answer
    # whatever is asked.
    # A Table that lacked an attribute, or whose columns were of another array kind than
    # the class needs, gets it in the next round before records replace it.
    learned_more = state.learned.attributes or state.learned.arrays
    tabled = state.tabled and result.status == CANNOT_BUILD and not learned_more
    records = state.wants_records or tabled
    # A random count judged ok on small data may be a len() off its mean by less than
    # the allowance there: a later round draws bigger data (Learned.spread).
    spread = result.status == OK and result.random and reg is None
    return result, state.learned | Learned(records=records, spread=spread), len(state.hangs)


@contextmanager
def _without_broken_modules() -> Iterator[None]:
    """Takes out of ``sys.modules``, for the search, the modules whose ``__file__`` cannot
    be read: lazy modules whose import fails on first touch (speechbrain's redirects of
    deprecated modules). Hypothesis reads ``__file__`` of every newly loaded module to
    collect constants, and that error, raised in the middle of drawing arguments once a
    sampler has loaded one more module, ends the search as flaky."""
    broken = {}
    for name, module in list(sys.modules.items()):
        try:
            getattr(module, "__file__", None)
        except Exception:
            broken[name] = sys.modules.pop(name)
    try:
        yield
    finally:
        for name, module in broken.items():
            sys.modules.setdefault(name, module)


def _only_empty_batches(report: LengthReport) -> bool:
    """len() 0 beside batches with nothing in them (`torch.split` of no indices gives one
    empty piece): a DataLoader fails on the first such batch, so there is no epoch length
    to lie about, and only a sampler over no data gives it. It is no counterexample."""
    return report.reported == 0 and bool(report.sizes) and all(size == 0 for size in report.sizes)


def _same(one: Call, other: Call) -> bool:
    """Whether two calls build the same sampler in the same scenario."""
    return (one.code, one.prepared, one.world) == (other.code, other.prepared, other.world)


def _found(result: Result, found: _Disagreement) -> Result:
    status = CUT_OFF if found.report.cut_off else COUNTEREXAMPLE
    return Result(
        result.cls,
        status,
        result.how,
        found.call,
        found.report,
        found.random,
        epoch=found.epoch,
        resumed=found.resumed,
    )


def _invalid_why(state: _State) -> str:
    last = state.last_invalid or "no sampler came out of the generated arguments"
    return f"every generated argument set failed, the last: {last}"
