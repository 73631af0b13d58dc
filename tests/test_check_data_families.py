"""The ground truth of the samplers of tests/fixtures/check/data_families.py (what
test_check_example_families.py holds `dplen check` to), and the scenarios it relies on.
Before the changes these tests came with, these wrong ones were ok: StatefulBatchesWrong
(len() was read after the resumed epoch, once the class had cleared its position),
OnePerImageWrong (`image_id` was drawn as a unique file name), HardAfterWarmupWrong (no
epoch past the schedule's switch was run), EnvShardWrong (the world read from the
environment was not searched), ConcatPartsWrong (`cumulative_sizes` was drawn as one size
per item), ModuleLimitWrong (a limit under a module's name was not read) and
StickyStartWrong (the epoch after a resume was not judged). The ground truth of each
family is run below on the data that shows it."""

from __future__ import annotations

import data_families as F
import pytest
from printed import printed_test

from flake8_dplen.check.records import Table
from flake8_dplen.check.search import Options, check_class
from flake8_dplen.runtime import EPOCH, check_length, check_resumed

OPTIONS = Options(budget=2.0, seed=0)


def _count(sampler) -> int:
    return sum(1 for _ in sampler)


def test_ground_truth_on_the_data_that_shows_it():
    # Two annotations of one image: one group.
    two = Table(2, items=[{"image_id": 7}, {"image_id": 7}])
    assert (len(F.OnePerImageExact(two)), _count(F.OnePerImageExact(two))) == (1, 1)
    assert (len(F.OnePerImageWrong(two)), _count(F.OnePerImageWrong(two))) == (2, 1)
    # An identity with fewer images than K.
    small = [("a.jpg", 0, 0), ("b.jpg", 1, 0), ("c.jpg", 1, 1)]
    assert check_length(F.IdentityTuplesExact(small, num_instances=2)).ok
    assert not check_length(F.IdentityTuplesWrong(small, num_instances=2)).ok
    # Three buckets with a tail each.
    assert check_length(F.GroupIdsBatchExact([0, 1, 2], 2, drop_last=False)).ok
    assert not check_length(F.GroupIdsBatchWrong([0, 1, 2], 2, drop_last=False)).ok
    # Two parts of a ConcatDataset, a tail each (the exact class is drawn running totals
    # that end at len(dataset): before, the column was drawn as sizes, [2, 1], and the
    # exact class got a counterexample no ConcatDataset gives).
    from torch.utils.data import ConcatDataset

    parts = ConcatDataset([range(3), range(3)])
    assert check_length(F.ConcatPartsExact(parts, batch_size=2)).ok
    assert not check_length(F.ConcatPartsWrong(parts, batch_size=2)).ok
    # Items of which no two fit the budget.
    assert check_length(F.TokenBudgetExact([40, 40, 40])).ok
    assert not check_length(F.TokenBudgetWrong([40, 40, 40])).ok


def _resumed(cls, k):
    first = cls(range(4), batch_size=2)
    items = iter(first)
    for _ in range(k):
        next(items)
    sampler = cls(range(4), batch_size=2)
    sampler.load_state_dict(first.state_dict())
    return sampler


def test_len_of_a_resumed_sampler_is_read_before_its_rest():
    # The class clears its position at the end of the epoch: len() read afterwards said
    # the whole epoch (2) and passed; the loop reads 0 before, and gets 1 batch.
    report = check_resumed(_resumed(F.StatefulBatchesWrong, 1), full=2, consumed=1)
    assert (report.ok, report.reported, report.yielded) == (False, 0, 1)
    assert check_resumed(_resumed(F.StatefulBatchesExact, 1), full=2, consumed=1, resumed_len=EPOCH).ok


def test_a_later_epoch_past_the_schedule_written_in_the_code():
    from flake8_dplen.check.epochs import later_epochs
    from flake8_dplen.check.report import finding, pytest_test

    class Warmup(F.HardAfterWarmupExact):
        def __init__(self, labels, warmup_epochs=3):
            super().__init__(labels)

    assert later_epochs(F.HardAfterWarmupWrong) == (6,)
    assert later_epochs(Warmup) == (4, 6)
    result = check_class(F.HardAfterWarmupWrong, OPTIONS)
    assert result.epoch == 6 and "in a later epoch (after set_epoch(6))" in finding(result)
    code = pytest_test(result)
    for cls, fails in ((F.HardAfterWarmupWrong, True), (F.HardAfterWarmupExact, False)):
        test = printed_test(code.replace("HardAfterWarmupWrong", cls.__name__))
        if fails:
            with pytest.raises(AssertionError):
                test()
        else:
            test()


def test_the_length_of_the_run_is_no_switch():
    from flake8_dplen.check.epochs import later_epochs

    class Paced(F.HardAfterWarmupExact):
        # How long the run is says nothing of where a schedule switches, and no loop runs
        # past it: only warmup_epochs (and the 5 of its base's comparison) give an epoch.
        def __init__(self, labels, total_epochs=10, max_epoch=20, epochs=30, warmup_epochs=2):
            super().__init__(labels)

    assert later_epochs(Paced) == (3, 6)
