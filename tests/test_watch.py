"""The length sanitizer on real components: torch's DataLoader (with and without worker
processes), PyTorch Lightning's Trainer.fit, opacus 1.4.1's BatchSplittingSampler and the
codemod's fix of it, `pytest --dplen-watch` through pytester, `dplen watch` on scripts."""

from __future__ import annotations

import warnings

import pytest
import torch
from torch.utils.data import (
    BatchSampler,
    DataLoader,
    RandomSampler,
    Sampler,
    SequentialSampler,
    SubsetRandomSampler,
    TensorDataset,
    WeightedRandomSampler,
)
from torch.utils.data.distributed import DistributedSampler

from flake8_dplen.watch import LengthMismatch, LengthWarning, guard, sanitizer

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.usefixtures("one_torch_thread")


class OneMore(Sampler):
    """Batches of two over range(n); len() floors, so an odd n yields one batch more."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n // 2

    def __iter__(self):
        for start in range(0, self.n, 2):
            yield list(range(start, min(start + 2, self.n)))


class OneMoreThroughSuper(OneMore):
    def __iter__(self):
        yield from super().__iter__()


class Halves(Sampler):
    """Yields the indices one by one; len() is right."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __iter__(self):
        return iter(range(self.n))


@pytest.fixture
def watched():
    """Every sampler watched for the test, as `pytest --dplen-watch` does; the mismatches seen."""
    seen = []
    sanitizer.install(seen.append)
    try:
        yield seen
    finally:
        sanitizer.uninstall()


def _loader(batch_sampler, n, **kw):
    return DataLoader(TensorDataset(torch.arange(n, dtype=torch.float32)), batch_sampler=batch_sampler, **kw)


def test_an_epoch_with_one_batch_more_is_reported_with_its_class_site_and_counts(watched):
    assert sum(1 for _ in _loader(OneMore(7), 7)) == 4
    [mismatch] = watched
    assert (mismatch.sampler, mismatch.reported, mismatch.yielded, mismatch.how) == (
        f"{__name__}.OneMore",
        3,
        4,
        "epoch",
    )
    assert mismatch.site.startswith(f"{__file__}:")
    assert "len() = 3, but one epoch yielded 4 (+1: 1 past len()" in mismatch.message
    assert f"dplen check {__name__}:OneMore" in mismatch.message


def test_agreeing_epochs_and_iterations_left_early_are_not_reported(watched):
    assert sum(1 for _ in _loader(OneMore(8), 8)) == 4  # even n: len() is right
    assert sum(1 for _ in _loader(BatchSampler(Halves(5), 2, False), 5)) == 3  # under torch's BatchSampler
    it = iter(OneMore(7))
    next(it)  # abandoned after 1 of len() 3: not judged
    del it
    assert watched == []


def test_a_consumer_stopping_at_len_leaves_the_extra_batch_and_it_is_reported(watched):
    loader = _loader(OneMore(7), 7)
    it = iter(loader)
    taken = [next(it) for _ in range(len(loader))]  # what Lightning does
    del it
    assert len(taken) == 3
    [mismatch] = watched
    assert (mismatch.reported, mismatch.yielded, mismatch.how) == (3, 4, "abandoned")
    assert "had 1 more, 4 in all" in mismatch.message


def test_an_override_calling_super_is_counted_once_as_itself(watched):
    assert len(list(OneMoreThroughSuper(5))) == 3
    assert [(m.sampler, m.yielded) for m in watched] == [(f"{__name__}.OneMoreThroughSuper", 3)]


def test_a_class_defined_after_install_is_watched(watched):
    class Late(OneMore):
        def __len__(self):
            return self.n

    assert len(list(Late(4))) == 2
    assert [(m.sampler.rpartition(".")[2], m.reported, m.yielded) for m in watched] == [("Late", 4, 2)]


def test_uninstall_restores_every_class():
    original = OneMore.__iter__
    sanitizer.install(lambda m: None)
    assert OneMore.__iter__ is not original
    sanitizer.uninstall()
    assert OneMore.__iter__ is original
    assert "__init_subclass__" not in Sampler.__dict__


def test_with_two_worker_processes_what_the_sampler_yields_is_counted(watched):
    loader = _loader(OneMore(9), 9, num_workers=2)
    assert sum(1 for _ in loader) == 5
    assert [(m.reported, m.yielded, m.how) for m in watched] == [(4, 5, "epoch")]
    # Prefetching pulled the sampler past len() before a consumer stopping at len() did.
    it = iter(_loader(OneMore(9), 9, num_workers=2))
    [next(it) for _ in range(4)]
    del it
    assert [(m.reported, m.yielded) for m in watched[1:]] == [(4, 5)]


def test_guard_warns_or_raises_for_one_loader():
    try:
        loader = guard(_loader(OneMore(5), 5), on_mismatch="warn")
        with pytest.warns(LengthWarning, match=r"OneMore .*len\(\) = 2, but one epoch yielded 3"):
            assert sum(1 for _ in loader) == 3
        loader = guard(_loader(OneMore(5), 5), on_mismatch="raise")
        with pytest.raises(LengthMismatch, match="one epoch yielded 3"):
            for _ in loader:
                pass
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert sum(1 for _ in _loader(OneMore(5), 5)) == 3  # not guarded: not watched
    finally:
        sanitizer.uninstall()


def _torch_loaders(n=23):
    weights = torch.rand(n)
    ds = TensorDataset(torch.arange(n, dtype=torch.float32))
    samplers = [
        SequentialSampler(ds),
        RandomSampler(ds),
        RandomSampler(ds, replacement=True, num_samples=17),
        WeightedRandomSampler(weights, 11),
        SubsetRandomSampler(list(range(0, n, 3))),
        DistributedSampler(ds, num_replicas=3, rank=2, shuffle=True),
        DistributedSampler(ds, num_replicas=3, rank=1, drop_last=True),
    ]
    for sampler in samplers:
        for drop_last in (False, True):
            yield DataLoader(ds, sampler=sampler, batch_size=4, drop_last=drop_last)


def test_torch_samplers_guarded_one_by_one_are_never_reported():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", LengthWarning)
            for loader in _torch_loaders():
                guard(loader)
                for _ in range(3):
                    assert sum(1 for _ in loader) == len(loader)
    finally:
        sanitizer.uninstall()
