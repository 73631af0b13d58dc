"""The resume scenario: a sampler stopped after k of its len() items and resumed through
the state API it has (a state_dict round trip, set_start_iter, set_epoch(epoch,
start_iter=...), a start_iter attribute), judged by check_resumed: the rest must be what
len() says after resuming (REST, the default), or, under Lightning's convention (EPOCH),
also a len() that still says the whole epoch while the items left are yielded. On main
(70c4010) every wrong class below that resumes by a method or an attribute was "ok": only
fresh epochs were run."""

from __future__ import annotations

import math

import pytest
from torch.utils.data import Sampler

from flake8_dplen.check.report import finding, pytest_test
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class
from flake8_dplen.runtime import EPOCH, assert_resumed, check_resumed

OPTIONS = Options(budget=3.0, seed=0)
LIGHTNING = Options(budget=3.0, seed=0, resumed_len=EPOCH)


class _Batches(Sampler):
    """Consecutive batches of `batch_size`, the last one short."""

    def __init__(self, dataset, batch_size: int):
        self.dataset, self.batch_size = dataset, batch_size

    def _all(self):
        n, b = len(self.dataset), self.batch_size
        return [list(range(i, min(i + b, n))) for i in range(0, n, b)]


class StatefulBatches(_Batches):
    """torchdata's convention: state_dict() holds the batches yielded so far, and len()
    stays the whole epoch after load_state_dict(): right under EPOCH only."""

    def __init__(self, dataset, batch_size: int):
        super().__init__(dataset, batch_size)
        self.yielded = 0
        self.start = 0

    def __iter__(self):
        self.yielded = self.start
        for batch in self._all()[self.start :]:
            self.yielded += 1
            yield batch
        self.start = 0

    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size)

    def state_dict(self):
        return {"yielded": self.yielded}

    def load_state_dict(self, state):
        self.start = state["yielded"]


class StatefulRecounted(StatefulBatches):
    """len() recomputed on the resumed object: the batches left."""

    def __len__(self):
        return super().__len__() - self.start


class StatefulSamplesWrong(StatefulBatches):
    """Saves the samples consumed, and loads them as batches: the resumed epoch skips
    batch_size times too many."""

    def state_dict(self):
        return {"samples": self.yielded * self.batch_size}

    def load_state_dict(self, state):
        self.start = state["samples"]


class StartIterAttribute(_Batches):
    """Megatron's batch sampler as gpt-neox and SwissArmyTransformer keep it: the training
    loop sets `start_iter` on resume, __iter__ skips that many batches once, len() stays
    the whole epoch: right under EPOCH only."""

    def __init__(self, dataset, batch_size: int):
        super().__init__(dataset, batch_size)
        self.start_iter = 0

    def __iter__(self):
        for i, batch in enumerate(self._all()):
            if i >= self.start_iter:
                yield batch
        self.start_iter = 0

    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size)


class StartIterSetterWrong(StartIterAttribute):
    """set_start_iter(k) counts k iterations in len(), but __iter__ skips k samples."""

    def set_start_iter(self, k):
        self.start_iter = k

    def __iter__(self):
        skip = self.start_iter
        n, b = len(self.dataset), self.batch_size
        return iter([list(range(i, min(i + b, n))) for i in range(skip, n, b)])

    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size) - self.start_iter


class EpochStartIter(Sampler):
    """LLaMA2-Accessory's finetuning sampler, reduced: set_epoch(epoch, start_iter) skips
    start_iter batches of indices, while len() stays the indices of the whole epoch. Right
    under EPOCH: its loop counts on from start_iter to len(data_loader), as Lightning counts
    on from the restored batch count; the position is in iterations, the indices skipped
    are start_iter * batch_size, and what is left is the tail of the epoch."""

    def __init__(self, dataset, batch_size: int):
        self.dataset, self.batch_size = dataset, batch_size
        self.epoch = self.start_iter = 0

    def set_epoch(self, epoch, start_iter=0):
        self.epoch, self.start_iter = epoch, start_iter

    def __iter__(self):
        return iter(range(len(self.dataset))[self.start_iter * self.batch_size :])

    def __len__(self):
        return len(self.dataset)


class EpochStartIndex(EpochStartIter):
    """The same resume in indices: right under EPOCH."""

    def set_epoch(self, epoch, start_index=0):
        self.epoch, self.start_iter = epoch, start_index

    def __iter__(self):
        return iter(range(len(self.dataset))[self.start_iter :])


class ConsumedSamples(Sampler):
    """Megatron's pretraining sampler, reduced: the constructor takes the samples consumed
    before a restart, and len() counts the micro-batches left."""

    def __init__(self, total_samples: int, consumed_samples: int, micro_batch_size: int):
        if total_samples <= 0 or consumed_samples >= total_samples:
            raise ValueError("no sample left")
        self.total, self.consumed, self.mbs = total_samples, consumed_samples, micro_batch_size

    def __iter__(self):
        batch = []
        for idx in range(self.consumed, self.total):
            batch.append(idx)
            if len(batch) == self.mbs:
                yield batch
                batch = []

    def __len__(self):
        return (self.total - self.consumed) // self.mbs


class ConsumedSamplesWrong(ConsumedSamples):
    """len() counts the whole run, in samples, as Megatron's does."""

    def __len__(self):
        return self.total // self.mbs


class LoopSetsStatePosition(Sampler):
    """Its state_dict() never moves while it iterates: a training loop computes the position
    from its step and loads it (`{"epoch": e, "start_index": k}`); len() stays the whole
    epoch: right under EPOCH only."""

    def __init__(self, dataset):
        self.n, self.epoch, self.start_index = len(dataset), 0, 0

    def state_dict(self):
        return {"epoch": self.epoch, "start_index": self.start_index}

    def load_state_dict(self, state):
        self.epoch, self.start_index = state["epoch"], state["start_index"]

    def __iter__(self):
        start, self.start_index = self.start_index, 0
        return iter(range(start, self.n))

    def __len__(self):
        return self.n


class LoopSetsStatePositionRecounted(LoopSetsStatePosition):
    """len() counts what is left after the position the loop loaded."""

    def __len__(self):
        return self.n - self.start_index


def _fails_when_pasted(result) -> None:
    namespace = {}
    exec(pytest_test(result), namespace)
    test = next(v for k, v in namespace.items() if k.startswith("test_"))
    with pytest.raises(AssertionError, match="resumed after|len\\(\\)"):
        test()


@pytest.mark.parametrize(
    "cls, how",
    [
        (StatefulSamplesWrong, "state_dict() after 1, load_state_dict() on a new one"),
        (StartIterSetterWrong, "set_start_iter(1)"),
    ],
)
@pytest.mark.parametrize("options", [OPTIONS, LIGHTNING], ids=["rest", "epoch"])
def test_a_wrong_resume_is_found_named_and_pasted(cls, how, options):
    result = check_class(cls, options)
    assert result.status == COUNTEREXAMPLE, result
    assert result.resumed is not None and result.resumed.k == 1
    assert f", resumed after 1 of {result.resumed.full} ({how}):" in finding(result)
    assert "assert_resumed(sampler, full=" in pytest_test(result)
    _fails_when_pasted(result)


def test_the_smallest_case_is_shown():
    result = check_class(StatefulSamplesWrong, LIGHTNING)
    assert finding(result) == (
        "StatefulSamplesWrong(dataset=range(3), batch_size=2), resumed after 1 of 2"
        " (state_dict() after 1, load_state_dict() on a new one): len 2, __iter__ yielded 0 batches"
    )
    assert "resumed_len='epoch'" in pytest_test(result)
    _fails_when_pasted(result)


# A len() recomputed on the resumed object is right under both conventions; the whole
# epoch in len() with only the rest yielded is right under Lightning's alone.
RECOUNTED = [StatefulRecounted, ConsumedSamples, LoopSetsStatePositionRecounted]
WHOLE_EPOCH = [StatefulBatches, StartIterAttribute, EpochStartIter, EpochStartIndex, LoopSetsStatePosition]


@pytest.mark.parametrize("cls", RECOUNTED + WHOLE_EPOCH)
def test_a_right_resume_passes_under_lightnings_convention(cls):
    assert check_class(cls, LIGHTNING).status == OK


@pytest.mark.parametrize("cls", RECOUNTED)
def test_a_recounted_len_passes_by_default(cls):
    assert check_class(cls, OPTIONS).status == OK


@pytest.mark.parametrize("cls", WHOLE_EPOCH)
def test_a_whole_epoch_len_after_a_resume_is_found_by_default(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE and result.resumed is not None, result
    assert result.report.reported == result.resumed.full > result.report.yielded
    assert "resumed_len" not in pytest_test(result)
    _fails_when_pasted(result)


def test_a_position_in_the_state_is_loaded_as_a_loop_loads_it():
    result = check_class(LoopSetsStatePosition, OPTIONS)
    assert "load_state_dict() of its state_dict() with 'start_index': 1" in finding(result)
    assert "sampler.load_state_dict({**sampler.state_dict(), 'start_index': 1})" in pytest_test(result)


def test_a_constructor_position_is_judged_as_a_fresh_sampler():
    # A training loop builds it with the position and asks its len() for the steps left.
    result = check_class(ConsumedSamplesWrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE and result.resumed is None
    assert "consumed_samples=" in finding(result)


def test_check_resumed_by_either_convention():
    whole = StatefulBatches(range(10), 3)  # 4 batches
    whole.load_state_dict({"yielded": 1})
    assert check_resumed(whole, full=4, consumed=1, resumed_len=EPOCH).ok
    whole.load_state_dict({"yielded": 1})
    report = check_resumed(whole, full=4, consumed=1)
    assert not report.ok and (report.reported, report.yielded) == (4, 3)
    recounted = StatefulRecounted(range(10), 3)
    recounted.load_state_dict({"yielded": 1})
    assert check_resumed(recounted, full=4, consumed=1).ok
    skipped = StatefulSamplesWrong(range(10), 3)
    skipped.load_state_dict({"samples": 2})  # two batches skipped, not one
    report = check_resumed(skipped, full=4, consumed=1, resumed_len=EPOCH)
    assert not report.ok and report.yielded == 2
    skipped.load_state_dict({"samples": 2})  # its iteration used the position up
    message = "resumed after 1 of 4 items: len\\(\\) = 4, iteration yielded 2"
    with pytest.raises(AssertionError, match=message):
        assert_resumed(skipped, full=4, consumed=1, resumed_len=EPOCH)
    with pytest.raises(ValueError, match="resumed_len must be"):
        check_resumed(skipped, full=4, consumed=1, resumed_len="whole")
