"""`dplen check` on the samplers of tests/draw_families.py, with no factory: ok on every
correct one, a counterexample on every wrong one, and the test it prints fails alone.
Before the changes these tests came with, both wrong ones were ok: DomainDrawWrong (its
first epoch replays the draw len() counted, and a second epoch that disagreed with a
count that changes with the seed was let pass) and TaskBatchesWrong (the records' CRC32
gave every label's name the same task under every seed)."""

from __future__ import annotations

import random

import draw_families as F
import pytest

from flake8_dplen.check.records import Records, Table
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=2.0, seed=0)


@pytest.mark.parametrize("cls", F.EXACT, ids=lambda c: c.__name__)
def test_a_correct_sampler_is_ok(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == OK, result


@pytest.mark.parametrize("cls", F.WRONG, ids=lambda c: c.__name__)
def test_a_wrong_sampler_is_found_and_its_pasted_test_fails(cls):
    from flake8_dplen.check.report import pytest_test

    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    namespace: dict = {}
    exec(pytest_test(result), namespace)
    test = next(v for k, v in namespace.items() if k.startswith("test_"))
    with pytest.raises(AssertionError):
        test()


def test_ground_truth_of_a_drawn_count():
    # Over many seeds, len() of a fresh sampler (one draw) and the mean count of its
    # epochs part: len() is not the count; the exact twin's count never moves.
    lens, counts = [], []
    for seed in range(200):
        random.seed(seed)
        sampler = F.DomainDrawWrong(range(40), 2)
        lens.append(len(sampler))
        counts.append(sum(1 for _ in sampler))
    assert len(set(lens)) > 3 and len(set(counts)) > 3
    random.seed(0)
    exact = F.DomainDrawExact(range(41), 3)
    assert {len(exact)} == {sum(1 for _ in exact) for _ in range(20)} == {14}


def test_ground_truth_of_tasks_read_through_a_lookup():
    names = ["a/x", "b/y"]
    meta = type("Meta", (), {"names": names})()
    # Task a has 4 items, task b 1: batches of 3 leave a partial batch in each.
    table = Table(5, items=[{"label": label} for label in (0, 0, 0, 0, 1)], columns={"meta": meta})
    assert (len(F.TaskBatchesWrong(table, 3)), sum(1 for _ in F.TaskBatchesWrong(table, 3))) == (2, 3)
    assert len(F.TaskBatchesExact(table, 3)) == 3


def test_records_read_through_a_lookup_split_the_data_under_some_seed():
    # The same part of two labels' names: equal under one seed, unequal under another
    # (a linear hash made them equal, or unequal, under every seed alike).
    def parts(seed):
        data = Records(2, seed)
        return [int(data.meta.names[label].split("/")[0]) for label in (0, 1)]

    outcomes = {len(set(parts(seed))) for seed in range(8)}
    assert outcomes == {1, 2}
