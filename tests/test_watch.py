"""The length sanitizer on real components: torch's DataLoader (with and without worker
processes), PyTorch Lightning's Trainer.fit, opacus 1.4.1's BatchSplittingSampler and the
codemod's fix of it, `pytest --dplen-watch` through pytester, `dplen watch` on scripts."""

from __future__ import annotations

import sys
import warnings

import pytest
import torch
from opacus_versions import batch_splitter, load_opacus_141, poisson_splitter
from test_opacus_fixed import _fix
from test_opacus_runtime import _fit_counting_steps, lightning_quiet
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
from watch_samplers import Halves, OneMore, OneMoreThroughSuper

from flake8_dplen.watch import LengthMismatch, LengthWarning, guard, sanitizer

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def m141(opacus_141_dir):
    return load_opacus_141()


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
        "watch_samplers.OneMore",
        3,
        4,
        "epoch",
    )
    assert mismatch.site.startswith(f"{__file__}:")
    assert "len() = 3, but one epoch yielded 4 (+1: 1 past len()" in mismatch.message
    assert "dplen check watch_samplers:OneMore" in mismatch.message


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
    assert [(m.sampler, m.yielded) for m in watched] == [("watch_samplers.OneMoreThroughSuper", 3)]


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


# len() forgets the tail batch: the sampler both the pytest plugin and `dplen watch` catch.
FLOORS = """
class Floors(Sampler):
    def __init__(self, n, size):
        self.n, self.size = n, size

    def __len__(self):
        return self.n // self.size

    def __iter__(self):
        for start in range(0, self.n, self.size):
            yield list(range(start, min(start + self.size, self.n)))


"""

PROJECT_SAMPLERS = (
    """
from torch.utils.data import Sampler

"""
    + FLOORS
    + """class Ceils(Floors):
    def __len__(self):
        return -(-self.n // self.size)
"""
)

PROJECT_TESTS = """
import torch
from torch.utils.data import DataLoader, TensorDataset

from samplers import Ceils, Floors


def _epoch(sampler):
    return sum(1 for _ in DataLoader(TensorDataset(torch.zeros(10)), batch_sampler=sampler))


def test_wrong():
    assert _epoch(Floors(10, 4)) == 3


def test_right():
    assert _epoch(Ceils(10, 4)) == 3


def test_wrong_but_even():
    assert _epoch(Floors(8, 4)) == 2
"""


def test_pytest_dplen_watch_fails_the_test_that_iterated_a_wrong_sampler(pytester):
    pytester.makepyfile(samplers=PROJECT_SAMPLERS, test_project=PROJECT_TESTS)
    result = pytester.runpytest_subprocess("--dplen-watch", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*samplers.Floors (constructed at *test_project.py:12): len() = 2, but one epoch yielded 3 (+1*",
            "*FAILED test_project.py::test_wrong*",
        ]
    )
    assert "Ceils" not in result.stdout.str()
    # Without the option the same suite passes: nothing is watched.
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=3)


def _fit(batch_sampler, n, callbacks=()):
    """How many steps one Lightning epoch trained."""
    return len(_fit_counting_steps(batch_sampler, n, callbacks)[0])


@lightning_quiet
def test_lightning_fit_stops_at_len_and_the_lost_batch_is_reported(watched):
    assert _fit(OneMore(7), 7) == 3  # Lightning trained 3 batches; the 4th was never asked for
    sanitizer.finish()  # what pytest --dplen-watch does at the end of the test
    assert [(m.sampler, m.reported, m.yielded, m.how) for m in watched] == [
        ("watch_samplers.OneMore", 3, 4, "abandoned")
    ]


@lightning_quiet
def test_lightning_callback_raises_at_the_end_of_the_training_epoch():
    from flake8_dplen.watch.lightning import WatchCallback

    try:
        with pytest.raises(LengthMismatch, match=r"OneMore .*len\(\) = 3; the consumer stopped at len\(\)"):
            _fit(OneMore(7), 7, [WatchCallback()])
        assert _fit(OneMore(8), 8, [WatchCallback()]) == 4
    finally:
        sanitizer.uninstall()


@lightning_quiet
def test_opacus_141_batch_splitter_under_lightning_is_reported(watched, m141):
    assert len(_fit_counting_steps(batch_splitter(m141, 10, 3, 2))[0]) == 6
    sanitizer.finish()
    assert [(m.sampler, m.reported, m.yielded) for m in watched] == [
        ("opacus_1_4_1_batch_memory_manager.BatchSplittingSampler", 6, 7)
    ]


def test_opacus_141_batch_splitter_in_a_dataloader_is_reported_and_the_codemod_fix_is_not(
    watched, m141, tmp_path_factory
):
    for module in (m141, _fix("1.4.1", tmp_path_factory)):
        splitter = batch_splitter(module, 10, 3, 2)
        assert sum(1 for _ in _loader(splitter, 10)) == 7
    assert [(m.sampler, m.reported, m.yielded, m.how) for m in watched] == [
        ("opacus_1_4_1_batch_memory_manager.BatchSplittingSampler", 6, 7, "epoch")
    ]


def test_opacus_poisson_sampling_is_never_reported(watched, gloo_group, tmp_path_factory, monkeypatch):
    from opacus.utils.uniform_sampler import (
        DistributedUniformWithReplacementSampler,
        UniformWithReplacementSampler,
    )

    from flake8_dplen.check import registry
    from flake8_dplen.runtime import expected_poisson_batches

    n, q, m = 200, 0.1, 7
    generator = torch.Generator().manual_seed(0)
    samplers = [
        UniformWithReplacementSampler(num_samples=n, sample_rate=q, generator=generator),
        DistributedUniformWithReplacementSampler(total_size=n, sample_rate=q, generator=generator),
    ]
    for sampler in samplers:
        for _ in range(5):
            assert sum(1 for _ in _loader(sampler, n)) == len(sampler)
    # The codemod's splitter over Poisson sampling: its count is random, and registered so
    # it is judged on its mean against the exact expectation.
    fixed = _fix("1.4.1", tmp_path_factory)
    expected = lambda s: expected_poisson_batches(n, q, m, len(s.sampler))  # noqa: E731
    monkeypatch.setitem(
        registry._REGISTRY,
        registry.key(fixed.BatchSplittingSampler),
        registry.Registration(random=True, expected=expected),
    )
    splitter = poisson_splitter(fixed, n, q, m, generator)
    counts = {sum(1 for _ in _loader(splitter, n)) for _ in range(40)}
    assert len(counts) > 1  # the count did vary: the mean is what is judged
    assert watched == [] and sanitizer.report() == []


SCRIPT = (
    """
import os
import sys

import torch
from torch.utils.data import DataLoader, Sampler, TensorDataset

"""
    + FLOORS
    + """n, workers, status = (int(a) for a in sys.argv[1:4])
loader = DataLoader(TensorDataset(torch.zeros(n)), batch_sampler=Floors(n, 4), num_workers=workers)
print("batches", [sum(1 for _ in loader) for epoch in range(2)])
sys.stdout.flush()
os._exit(status) if "--hard" in sys.argv else sys.exit(status)
"""
)


def _dplen_watch(tmp_path, capfd, *args):
    from flake8_dplen.cli.check import dplen

    (tmp_path / "train.py").write_text(SCRIPT)
    status = dplen(["watch", *args[:-4], sys.executable, str(tmp_path / "train.py"), *args[-4:]])
    return status, capfd.readouterr()


@pytest.mark.parametrize("workers", [0, 2])
def test_dplen_watch_reports_a_script_and_exits_3(tmp_path, capfd, workers):
    status, out = _dplen_watch(tmp_path, capfd, "10", str(workers), "0", "-")
    assert status == 3
    assert "batches [3, 3]" in out.out
    assert "dplen watch: 2 sampler epoch(s) disagreed with len():" in out.err
    assert (
        f"__main__.Floors (constructed at {tmp_path}/train.py:22): len() = 2, but one epoch yielded 3"
        in out.err
    )
    assert f"dplen check {tmp_path}/train.py" in out.err and out.err.rstrip().endswith("[2 epochs]")


def test_dplen_watch_keeps_the_program_status_when_clean_or_warned_and_survives_os_exit(tmp_path, capfd):
    assert _dplen_watch(tmp_path, capfd, "8", "0", "5", "-")[0] == 5  # len() right: the program's status
    status, out = _dplen_watch(tmp_path, capfd, "--warn", "10", "0", "4", "--hard")
    assert status == 4  # --warn: reported, status kept; os._exit: the report survives
    assert "2 sampler epoch(s) disagreed" in out.err


def test_dplen_watch_cannot_run_a_missing_program(capfd):
    from flake8_dplen.cli.check import dplen

    assert dplen(["watch", "no-such-program-dplen"]) == 2
    assert capfd.readouterr().err.strip() == (
        "dplen watch: error: cannot run 'no-such-program-dplen': No such file or directory"
    )


DIST_SCRIPT = """
import os

import torch
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler


class Shard(DistributedSampler):
    def __len__(self):  # forgets the padding that gives every rank the same count
        return len(self.dataset) // self.num_replicas


ds = TensorDataset(torch.zeros(9))
sampler = Shard(ds, num_replicas=int(os.environ["WORLD_SIZE"]), rank=int(os.environ["RANK"]))
print(sum(1 for _ in DataLoader(ds, sampler=sampler)))
"""


def test_dplen_watch_under_torchrun_reports_each_rank(tmp_path, capfd):
    from flake8_dplen.cli.check import dplen

    (tmp_path / "dist.py").write_text(DIST_SCRIPT)
    run = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2"]
    assert dplen(["watch", *run, str(tmp_path / "dist.py")]) == 3
    err = capfd.readouterr().err
    for rank in (0, 1):
        assert f"[rank {rank}] __main__.Shard (constructed at {tmp_path}/dist.py:15): len() = 4, but" in err


class Coin(Sampler):
    """Each of n indices is drawn with probability 1/2, in batches of one: a random count
    with mean n / 2; ``length`` is what len() claims."""

    def __init__(self, n: int, length: int, generator) -> None:
        self.n, self.length, self.generator = n, length, generator

    def __len__(self) -> int:
        return self.length

    def __iter__(self):
        drawn = torch.rand(self.n, generator=self.generator) < 0.5
        return iter([[i] for i in drawn.nonzero().flatten().tolist()])


def test_a_random_count_is_judged_on_its_mean_at_the_end(watched, monkeypatch):
    from flake8_dplen.check import registry

    monkeypatch.setitem(registry._REGISTRY, registry.key(Coin), registry.Registration(random=True))
    generator = torch.Generator().manual_seed(0)
    honest, inflated = Coin(400, 200, generator), Coin(400, 230, generator)
    for _ in range(30):
        for sampler in (honest, inflated):
            sum(1 for _ in sampler)
    assert watched == []  # nothing judged epoch by epoch
    [mismatch] = sanitizer.report()
    assert (mismatch.sampler, mismatch.reported, mismatch.how) == (f"{__name__}.Coin", 230, "random")
    assert abs(mismatch.yielded - 200) < 10
    assert "on average over 30 epochs" in mismatch.message


def test_an_unmarked_count_seen_to_vary_is_judged_on_its_mean(watched):
    sampler = Coin(400, 200, torch.Generator().manual_seed(1))
    counts = [sum(1 for _ in sampler) for _ in range(30)]
    # The first epoch that missed len() was reported, before the count was seen to vary;
    # from then on the mean is judged, and it agrees.
    assert len(watched) == 1 and watched[0].yielded == counts[0] != 200
    assert sanitizer.report() == []


RANDOM_PROJECT = """
import torch
from torch.utils.data import Sampler

from flake8_dplen.check import random_sampler


@random_sampler
class Coin(Sampler):
    def __init__(self, length):
        self.length = length

    def __len__(self):
        return self.length

    def __iter__(self):
        return iter([[i] for i in (torch.rand(400) < 0.5).nonzero().flatten().tolist()])


def test_epochs():
    torch.manual_seed(0)
    sampler = Coin(230)
    for _ in range(30):
        sum(1 for _ in sampler)
"""


def test_pytest_dplen_watch_reports_a_biased_random_sampler_in_the_summary(pytester):
    pytester.makepyfile(test_random=RANDOM_PROJECT)
    result = pytester.runpytest_subprocess("--dplen-watch", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*dplen watch*",
            "*test_random.Coin (constructed at *test_random.py:21): len() = 230, but its epochs yielded*",
        ]
    )
