"""Precision of the rules on the shape of __iter__, asserted by running their examples:
every INVALID class, built for real, has some input where len() and the items __iter__
yields differ; every VALID one agrees on all inputs tried, or says it has no length, or
documents a nominal epoch."""

import inspect
import itertools
import random
import re
from types import SimpleNamespace

import pytest
import torch
from rule_cases import cases
from torch.utils.data import BatchSampler, SequentialSampler

from flake8_dplen.engine import analyze_source
from flake8_dplen.rules import RULES
from flake8_dplen.rules.dpl106_endless_iter import NOMINAL

CAP = 500  # more items than any finite example yields on the grid: past it, iteration is endless
GRID = [(n, bs) for n in (1, 2, 5, 10, 11) for bs in (1, 2, 3, 4)]


# How to build an example class from (n, bs) when its constructor is not `Cls(n, bs)`.
def _data(cls, n, bs):
    return cls(range(n))


def _data_bs(cls, n, bs):
    return cls(range(n), bs)


def _batch_sampler(cls, n, bs):
    return cls(SequentialSampler(range(n)), bs, False)


def _by_parity(value):
    """Build with a sampler of n indices and per-index data that puts the odd and the
    even indices in two groups (`value(i % 2)` for index i): group ids, ratios, sizes."""
    return lambda cls, n, bs: cls(SequentialSampler(range(n)), [value(i % 2) for i in range(n)], bs)


def _kw(**kwargs):
    return lambda cls, n, bs: cls(n, bs, **kwargs)


def _then(method, *args):
    """Build with (n, bs), then move the sampler on: a resumed epoch."""

    def build(cls, n, bs):
        sampler = cls(n, bs)
        getattr(sampler, method)(*args)
        return sampler

    return build


BUILD = {
    **dict.fromkeys(
        ["ForeverRandom", "SeededRandom", "Reversed", "Logged", "Tagged", "Stratified", "ShuffledSequence"],
        _data,
    ),
    **dict.fromkeys(
        [
            "RandomBatches",
            "PermutedBatches",
            "BatchedRandom",
            "GreedyBatches",
            "RangeBatches",
            "DistributedBatches",
            "Mixed",
            "ShuffledIndices",
            "SizedBatches",
            "NegFloor",
            "ExtendedRandom",
            "AppendPadded",
            "DoublePass",
            "RepeatedAugment",
            "ToppedUp",
            "Tally",
            "Mapped",
            "TwoEpochs",
            "LengthSortedBatches",
            "LengthSortedCounted",
            "ShuffledByBlock",
            "BucketByLength",
        ],
        _data_bs,
    ),
    **dict.fromkeys(
        ["SortedBatches", "Counted", "FlatBatchSampler", "IndexPerStep", "ParityBatchSampler"], _batch_sampler
    ),
    **dict.fromkeys(["MergedLeftovers", "OneKeyFlushed"], _batch_sampler),
    "LabelBatches": lambda cls, n, bs: cls([(i, i % 2) for i in range(n)], bs),
    **dict.fromkeys(
        ["GroupedBatchSampler", "GroupedBatches", "FullGroupBatches", "GroupsToppedUp"], _by_parity(int)
    ),
    "AspectFullOnly": _by_parity(lambda odd: 2.0 if odd else 0.5),
    "AspectRatioBatchSampler": _by_parity(lambda odd: 2.0 if odd else 0.5),
    # A dataset whose aspect_ratios put the odd and the even indices in two groups.
    **dict.fromkeys(
        ["AspectBatches", "AspectBatchesCounted"],
        lambda cls, n, bs: cls(
            SequentialSampler(range(n)), SimpleNamespace(aspect_ratios=[2.0 * (i % 2) + 0.5 for i in range(n)]), bs
        ),
    ),
    "WideTallBatchSampler": _by_parity(lambda odd: (2, 1) if odd else (1, 2)),
    "ReverseDistributed": lambda cls, n, bs: cls(range(n), num_replicas=2, rank=0),
    # DPL113: DistributedSampler subclasses take (dataset, batch_size, **kwargs); two replicas.
    **dict.fromkeys(
        [
            "LoopToBatch",
            "Wrapped",
            "FullBatchesOnly",
            "TwoSeeds",
            "MaybePadded",
            "EitherOrder",
            "PadWithLen",
            "Backwards",
            "Checked",
            "PadThenCut",
        ],
        lambda cls, n, bs: cls(range(n), bs, num_replicas=2, rank=0),
    ),
    "ThenSorted": lambda cls, n, bs: cls(list(range(n)), bs),
    **dict.fromkeys(
        ["ByLabel", "PerLabelBatches", "PerLabelBatchesCounted"], lambda cls, n, bs: cls([i % 3 for i in range(n)], bs)
    ),
    "GroupLists": lambda cls, n, bs: cls([[2 * i, 2 * i + 1] for i in range(n)]),
    # DPL116: every example is built with its resume position past the start.
    **dict.fromkeys(["StartIter", "Resumable"], _then("set_start_iter", 1)),
    "Consumed": _then("set_consumed_samples", 1),
    "Pretraining": _kw(consumed_samples=1),
    **dict.fromkeys(["ViaProperty", "Skipping"], _kw(skip=1)),
    "Stateful": _then("load_state_dict", {"offset": 1}),
    "Yielded": _then("load_state_dict", {"yielded": 1}),
    "Cursor": _then("advance", 1),
    "BatchResume": _then("resume_at", 1),
    "SkipState": _then("load_state_dict", {"start_batch": 1}),
    "FaultTolerant": _then("load_state_dict", {"counter": 1}),
    "ResumedIndex": _then("load_state_dict", {"current_index": 1}),
    "ItemsUnderBatches": _then("load_state_dict", {"consumed": 1}),
    "StartsOver": _then("load_state_dict", {"index": 1}),
    "ArangeResumed": _then("load_state_dict", {"start_index": 0}),
    "ArangeWindow": _then("load_state_dict", {"start": 3}),
    "EpochFrom": _then("load_state_dict", {"start_index": 1}),
    "FromTopAlways": _then("load_state_dict", {"cursor": 2}),
    "WindowFrom": _then("load_state_dict", {"start": 2}),
    "SkipsSteps": _then("set_start_iter", 1),
    "LateContinue": _then("set_start_iter", 2),
    "ShardOfRank": _then("set_rank", 1),
    "CountedDown": _then("load_state_dict", {"to_skip": 1}),
    "StepCounter": _then("set_resume", 1),
    "CountedDownCounted": _then("load_state_dict", {"to_skip": 2}),
    **dict.fromkeys(
        ["SkipGuarded", "SkipGuardedCounted"],
        lambda cls, n, bs: cls(BatchSampler(SequentialSampler(range(n)), bs, False), 1),
    ),
    "EpochCursor": _then("set_epoch", 0, 2),
    "Continued": _then("mark", 1),
    # Two replicas over range(n), its position's setter moved to 1 after the build.
    "ResumableShard": lambda cls, n, bs: setattr(shard := cls(range(n), 2, 0), "start", 1) or shard,
    "SameSlice": _kw(start_index=1),
    "ResumedRandom": lambda cls, n, bs: cls(range(n), resume_index=1),
    **dict.fromkeys(
        ["LocalStart", "LocalStartCounted"],
        lambda cls, n, bs: (s := cls(range(n))).load_state_dict({"position": 1}) or s,
    ),
    "Strided": _kw(start_rank=1),
    "Window": _kw(start=1),
    "Chunk": _kw(rank=1),
    # DPL112: every example is built with its constructor's position past the start.
    **dict.fromkeys(
        ["SkipCounted", "SkipBatches", "SkipRecords", "IsliceSkip"],
        _kw(skip=2),
    ),
    **dict.fromkeys(["SeedOnly", "FastForward"], _kw(start_epoch=2)),
    **dict.fromkeys(["Derived", "MeasuredSlice", "RangedIndices"], _kw(start_index=2)),
    **dict.fromkeys(["Rotated", "FixedWindow"], _kw(start=2)),
    **dict.fromkeys(["WrappedAround", "PerBatchOffset", "SlicedAtInit"], _kw(offset=2)),
    **dict.fromkeys(
        ["ResumeOnce", "CountedIterations", "IterationCounter", "OnceSkipped"], _kw(start_iter=2)
    ),
    "StartRankShard": _kw(start_rank=2),
    "ReplayBatches": _kw(start_iteration=2),
    "FromIndex": lambda cls, n, bs: cls(range(n), bs, start_index=2),
    "BatchOffset": _kw(start_batch=1),
    "ConsumedBatches": _kw(consumed_samples=2),
    # DPL114: two replicas, rank 0.
    **dict.fromkeys(
        [
            "RoundsCounted",
            "RangeShare",
            "EveryItemLogged",
            "FlushedEvery",
            "PaddedShare",
            "MarkedShare",
            "Masked",
            "ShareAtInit",
            "SingleProcess",
            "ShareProperty",
            "IterableShards",
            "LoopShards",
            "RankFirst",
            "GeneratorShards",
            "LocalStride",
            "DefaultedReplicas",
            "EveryKth",
            "FromOne",
            "SubclassShards",
        ],
        lambda cls, n, bs: cls(list(range(n)), 2, 0),
    ),
    "DealtBatches": lambda cls, n, bs: cls(BatchSampler(SequentialSampler(range(n)), bs, False), 2, 0),
    "MergedGroups": lambda cls, n, bs: cls(list(range(n)), bs),
    "FilteredStepped": lambda cls, n, bs: cls([1] * n, bs),
    **dict.fromkeys(["FullOnlyPerLabel", "FullOnlyPerLabelCounted"], lambda cls, n, bs: cls([i % 2 for i in range(n)], bs)),
    **dict.fromkeys(
        ["PairsOfGroups", "PairsOfGroupsCounted"],
        lambda cls, n, bs: cls({"a": list(range(0, n, 2)), "b": list(range(1, n, 2))}, bs),
    ),
    **dict.fromkeys(["SortedFlush", "SortedFlushCounted"], lambda cls, n, bs: cls([i % 2 for i in range(n)], bs)),
    "MergedGroupsCounted": lambda cls, n, bs: cls(list(range(n)), bs),
    "Pieces": lambda cls, n, bs: cls(BatchSampler(SequentialSampler(range(n)), bs, drop_last=True), 2),
    "SubsetBatches": lambda cls, n, bs: cls(list(range(n)), bs),
    "WeightedBatches": lambda cls, n, bs: cls([1.0] * n, n, bs),
    "FixedBatches": lambda cls, n, bs: cls(n, 3, bs),
}

# DPL115's cases take sequences and flags as the model types them, not (n, bs): they are
# built and run with the very inputs the model tries by tests/test_count_model.py.
SHAPE_RULES = [rule for rule in RULES if not rule.kinds and rule.code != "DPL115"]


def _sampler_class(source):
    namespace = {"__name__": "example"}
    exec(compile(source, "example", "exec"), namespace)
    own = [v for v in namespace.values() if isinstance(v, type) and v.__module__ == namespace.get("__name__")]
    return own[-1]


def _builds(cls):
    """How to build the class: its BUILD entry, or `Cls(n, bs)`, once per value of a
    drop_last flag its constructor takes."""
    if cls.__name__ in BUILD:
        return [BUILD[cls.__name__]]
    flags = [p for p in inspect.signature(cls.__init__).parameters if "drop_last" in p]
    if not flags:
        return [lambda c, n, bs: c(n, bs)]
    return [lambda c, n, bs, value=value: c(n, bs, **{flags[0]: value}) for value in (False, True)]


def measure(source, n, bs):
    """[(len() or the name of the exception it raises, items yielded or None when
    endless)], one per way to build it. len() is asked first, before any iteration, as
    DataLoader and Lightning ask it."""
    cls = _sampler_class(source)
    return [_measure(lambda build=build: build(cls, n, bs)) for build in _builds(cls)]


def _measure(make):
    torch.manual_seed(0)
    random.seed(0)
    sampler = make()
    try:
        length = len(sampler)
    except Exception as exc:
        length = type(exc).__name__
    count = sum(1 for _ in itertools.islice(iter(sampler), CAP))
    return length, (None if count == CAP else count)


def _examples(kind):
    for rule in SHAPE_RULES:
        for example in cases(rule.code, kind):
            yield pytest.param(example.source, id=f"{rule.code}-{example.name}")


@pytest.mark.parametrize("source", list(_examples("invalid")))
def test_invalid_example_really_disagrees_for_some_input(source):
    measured = [pair for n, bs in GRID for pair in measure(source, n, bs)]
    assert any(length != count for length, count in measured), measured


@pytest.mark.parametrize("source", list(_examples("valid")))
def test_valid_example_agrees_or_says_why_not(source):
    for n, bs in GRID:
        for length, count in measure(source, n, bs):
            if length == "TypeError":
                continue  # says it has no length: nothing to disagree with
            if count is None and NOMINAL.search(source):
                continue  # an endless stream documented as a nominal epoch
            assert length == count, (n, bs, length, count)


def test_each_built_class_name_belongs_to_one_example():
    # BUILD is keyed by class name: two examples sharing one would be built alike, and one
    # of them wrongly (a merge of two rules once did that silently).
    owners = {}
    for kind in ("valid", "invalid"):
        for param in _examples(kind):
            name = _sampler_class(param.values[0]).__name__
            if name in BUILD:
                owners.setdefault(name, []).append(param.id)
    assert {name: ids for name, ids in owners.items() if len(ids) > 1} == {}


def test_the_harness_tells_endless_from_finite():
    endless = "class S:\n    def __init__(self, n, bs): self.n = n\n    def __iter__(self):\n        while True: yield 0\n    def __len__(self): return self.n\n"
    assert measure(endless, 3, 1) == [(3, None)]
    assert measure(endless.replace("while True: yield 0", "yield from range(self.n)"), 3, 1) == [(3, 3)]


# A message's concrete input (DPL113 replays __iter__ on 10 items, 2 replicas, batch size 4).
_CLAIM = re.compile(r"e\.g\. 10 \w+(?:, 2 replicas)?(?:, batch 4)?: len\(\) (\d+), (\d+) yielded")


def test_the_counts_a_message_names_are_what_running_gives():
    claims = [
        (example.source, claim)
        for rule in SHAPE_RULES
        for example in cases(rule.code, "invalid")
        for item in analyze_source(example.source)[1]
        for claim in _CLAIM.findall(item.finding.message)
    ]
    assert len(claims) >= 3
    for source, (length, yielded) in claims:
        assert measure(source, 10, 4) == [(int(length), int(yielded))], source


@pytest.mark.parametrize("source", list(_examples("valid")))
def test_no_gating_finding_on_a_valid_example(source):
    # A valid example of one rule agrees with itself by running (the test above): a
    # gating finding of any rule on it is a false one.
    _, located = analyze_source(source)
    gating = {rule.code for rule in RULES if rule.gating}
    assert [item.finding.code for item in located if item.finding.code in gating] == []
