"""What the search takes as a legitimate input (README, "what the search takes as
legitimate"): an input on which __iter__ runs on while it finishes on others is one the
class cannot take, and a sampler handed over to be wrapped has items. On main (857ad60)
both exact classes of legitimate_samplers.py were reported: Paired cut off on a group of
one, Zipped a counterexample with an empty spare sampler."""

from __future__ import annotations

import torch
from legitimate_samplers import (
    AsksTheWorld,
    EndlessLen,
    PaddedShareOfCount,
    Paired,
    PairedOneShort,
    Pieces,
    PiecesCountedAsItems,
    ShareOfRank,
    ShareOfRankPromisingOne,
    SlowToBuild,
    Spinning,
    StallsAtTheEnd,
    Trickling,
    UnpaddedShareOfCount,
    Zipped,
    ZippedDropsOne,
)

from flake8_dplen.check.report import finding
from flake8_dplen.check.search import (
    CANNOT_BUILD,
    COUNTEREXAMPLE,
    CUT_OFF,
    OK,
    TIMED_OUT,
    Options,
    check_class,
)

# A short time limit: each input that runs on costs all of it.
OPTIONS = Options(budget=2.0, seed=0, timeout=0.5)


def test_an_input_that_runs_on_while_others_finish_is_rejected():
    result = check_class(Paired, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0


def test_a_wrong_length_is_found_among_the_inputs_that_finish():
    Paired.stuck = 0
    result = check_class(PairedOneShort, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    assert result.report.reported != max(result.report.counts)
    # Shrinking heads for small inputs, where a label of one item is likely: it stops
    # running them after 3 (search.py _HANGS), else each would cost the time limit.
    assert Paired.stuck <= 3


def test_a_class_that_stalls_on_every_input_is_timed_out_not_found():
    # Before s15-search both were "cut off", a finding: two exact held-out classes that hang
    # on every input drawn were reported so. A stall is no length: the class is not judged.
    for stalling in (Spinning, StallsAtTheEnd):
        result = check_class(stalling, OPTIONS)
        assert result.status == TIMED_OUT and not result.found, result
        assert result.timed_out == OPTIONS.timeout
        assert "without running past len(): a stall" in result.why
    assert "0 yielded" in check_class(Spinning, OPTIONS).why


def test_an_endless_class_stopped_by_the_time_limit_is_still_cut_off():
    result = check_class(Trickling, OPTIONS)
    assert result.status == CUT_OFF and result.found, result
    assert result.batches > result.reported
    assert "it runs on past len" in finding(result)


def test_a_wrapped_sampler_is_never_empty():
    assert check_class(Zipped, OPTIONS).status == OK
    # A wrong wrapper is still found on wrapped samplers with items.
    assert check_class(ZippedDropsOne, OPTIONS).status == COUNTEREXAMPLE


def test_a_constructor_that_runs_on_is_not_built_and_a_len_that_runs_on_is_timed_out():
    result = check_class(SlowToBuild, OPTIONS)
    assert result.status == CANNOT_BUILD
    still = "building it was still running after 0.5 s, on every input tried; the first: SlowToBuild("
    assert result.why.startswith(still)
    result = check_class(EndlessLen, OPTIONS)
    assert result.status == TIMED_OUT and result.reported is None
    assert result.why.startswith("its len() was still running after 0.5 s")


def test_only_empty_batches_under_len_zero_is_no_counterexample():
    # On main (aa63a46) Pieces was a counterexample over range(0): len 0, one empty batch.
    assert check_class(Pieces, OPTIONS).status == OK
    assert check_class(PiecesCountedAsItems, OPTIONS).status == COUNTEREXAMPLE


def test_indices_yielded_from_no_data_are_no_counterexample():
    # Before s10-check, ShareOfRank was a counterexample over range(0): len 0, 1 item
    # (yolov5's SmartDistributedSampler, exact by running, was reported so).
    assert check_class(ShareOfRank, OPTIONS).status == OK
    assert check_class(ShareOfRankPromisingOne, OPTIONS).status == COUNTEREXAMPLE


def test_no_drawn_input_is_one_no_caller_passes():
    # Before s11-check's last fix, a world of 4 with a unit of 1 left the data's sizes
    # nothing to sample from: an internal error on every class asking torch.distributed.
    from hypothesis import given, settings

    from flake8_dplen.check.arguments import calls
    from flake8_dplen.check.legitimate import degenerate

    seen = set()

    @settings(max_examples=300, database=None, deadline=None)
    @given(calls(AsksTheWorld, distributed=True))
    def drawn(call):
        assert degenerate(call) == "", call.code
        seen.add(call.world[0])

    drawn()
    assert seen == {1, 2, 3, 4}


def test_what_no_caller_passes_and_what_one_does():
    from flake8_dplen.check.arguments import Call, Shown
    from flake8_dplen.check.legitimate import degenerate

    def call(world=None, **kwargs):
        args = tuple((k, Shown(lambda v=v: v, repr(v)), False) for k, v in kwargs.items())
        return Call(AsksTheWorld, args, world)

    assert degenerate(call(dataset=range(0), batch_size=1)) == "every dataset given is empty"
    assert degenerate(call(labels=[])).startswith("every dataset")
    assert degenerate(call(dataset=range(3), num_replicas=4)).startswith("a world of 4 processes over 3")
    assert degenerate(call((4, 3), dataset=range(3))).startswith("a world of 4")
    assert degenerate(call(dataset=range(3), batch_size=4)).startswith("a batch of 4 over 3 items")
    batches = torch.utils.data.BatchSampler(torch.utils.data.SequentialSampler(range(3)), 2, False)
    assert degenerate(call(sampler=batches, batch_size=4)).startswith("a batch of 4 over 3 items")
    # What real data has stays: a last rank with a short shard, a leftover, one group.
    assert degenerate(call((2, 1), dataset=range(3), batch_size=2)) == ""
    assert degenerate(call(labels=[0, 0, 0], micro_batch_size=3)) == ""
    assert degenerate(call(max_tokens=100, lengths=[50, 70])) == ""


def test_a_number_the_class_makes_its_indices_of_is_the_size_of_its_data():
    # Before s15-search, PaddedShareOfCount was a counterexample on N_total=1 over two
    # ranks: a world larger than the data, given as a count, was not seen as one.
    from flake8_dplen.check.legitimate import _counts_of_items

    assert _counts_of_items(PaddedShareOfCount) == {"N_total"}
    assert check_class(PaddedShareOfCount, OPTIONS).status == OK
    found = check_class(UnpaddedShareOfCount, OPTIONS)
    assert found.status == COUNTEREXAMPLE, found
    drawn = {name: shown.make() for name, shown, _ in found.call.args}
    assert drawn["N_total"] >= drawn["num_replicas"]
