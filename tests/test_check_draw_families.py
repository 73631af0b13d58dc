"""The ground truth of the samplers of tests/fixtures/check/draw_families.py (what
test_check_example_families.py holds `dplen check` to), and what the records give them.
Before the changes these tests came with, both wrong ones were ok: DomainDrawWrong (its
first epoch replays the draw len() counted, and a second epoch that disagreed with a
count that changes with the seed was let pass) and TaskBatchesWrong (the records' CRC32
gave every label's name the same task under every seed)."""

from __future__ import annotations

import random

import draw_families as F

from flake8_dplen.check.records import Records, Table


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
