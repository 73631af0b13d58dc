"""`dplen check`, with no factory, on samplers written in s13 before anyone read the
check's generator (tests/fixtures/check/fresh/, a package whose modules import helpers
and bases from a sibling): each class's truth is what running it on hand-made inputs gave
(fresh_truth_run.py -> fresh/truth.json, re-run here). Before s13-fresh's change 3 of the
35 were "could not build" (HparamsShuffleSampler, SortishBucketSampler,
SpeakerBalancedSampler) and one wrong class was judged ok (RandomIdentitySampler).

A known limit, asserted as such: the item of `for idx, utt in enumerate(utterances)` is not
read from the loop's body (`utt["speaker"]`: dicts). That reading built SpeakerBalancedSampler
but left a wrong class of the unread tuning projects (VAL), found before, "could not build";
it was taken out, and this class stays unbuilt until the search can fall back to the plainer
reading of its data."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import fresh_truth_run
import pytest
import quotient_uses
import shuffled_groups
from printed import fails_alone

from flake8_dplen.check.guards import guards
from flake8_dplen.check.reads import fields_read, use_of
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

TRUTH = json.loads((Path(fresh_truth_run.HERE) / "truth.json").read_text())
OPTIONS = Options(budget=2.0, seed=0)
UNBUILT = {"speech:SpeakerBalancedSampler"}  # the module's doc says why


def _class(key):
    module, name = key.split(":")
    return getattr(importlib.import_module(f"fresh.{module}"), name)


def test_truth_is_what_running_gives():
    ran = {
        fresh_truth_run.key_of(cls): fresh_truth_run.verdict(cases)
        for cls, cases in fresh_truth_run.CASES.items()
    }
    assert {key: v["truth"] for key, v in ran.items()} == {key: v["truth"] for key, v in TRUTH.items()}


@pytest.mark.parametrize("key", sorted(TRUTH))
def test_built_and_judged_without_a_factory(key):
    wrong = TRUTH[key]["truth"] == "wrong"
    result = check_class(_class(key), OPTIONS)
    if key in UNBUILT:
        assert result.status == CANNOT_BUILD, result
        return
    assert result.status == (COUNTEREXAMPLE if wrong else OK), result
    if wrong:
        fails_alone(result)


def test_a_field_handed_to_a_helper_of_a_sibling_module_is_used_as_it_uses_it():
    # split_every(..., self.window), split_every imported from fresh._common: a size.
    use = use_of(_class("configured:HparamsShuffleSampler"), "hparams.train.shuffle_window")
    assert use.numeric and not use.iterated


def test_a_sequence_protocol_method_is_no_setting():
    # sorted(..., key=self.sort_keys.__getitem__): sort_keys is indexed, not an options object.
    cls = _class("nlp:SortishBucketSampler")
    assert not fields_read(cls, "sort_keys").kind
    assert use_of(cls, "sort_keys").iterated


def test_a_kept_quotient_of_two_parameters_is_at_least_one():
    # self.num_pids_per_batch = batch_size // num_instances: a 0 loops for ever.
    (guard,) = guards(_class("reid:RandomIdentitySampler"))
    assert guard.holds({"batch_size": 4, "num_instances": 2})
    assert not guard.holds({"batch_size": 1, "num_instances": 2})


def test_a_kept_quotient_used_as_an_offset_may_be_zero():
    # self.start_batch = consumed_samples // batch_size: 0 when nothing was consumed yet.
    assert guards(quotient_uses.ResumeAtBatch) == []


def test_values_shuffled_in_place_are_lists_not_samplers():
    # Cycle(g) runs np.random.shuffle(self.values): each group is a list of indices.
    assert use_of(shuffled_groups.QuotaBatchSampler, "groups").items.picked
    assert check_class(shuffled_groups.QuotaBatchSampler, OPTIONS).status == OK
