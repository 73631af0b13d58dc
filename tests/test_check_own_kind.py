"""Constructors that check their dataset is of a dataset class of their own project, one
the check cannot make (its constructor reads files): every generated dataset failed that
check, and the class was "could not build" (issue 19) on main (349d3e4). The generated
dataset now poses as that class (posing.py): the wrong class is found, its pasted test
fails alone, its exact twin stays clean; a sampler is never posed as another kind, and a
disguise of ours that fails leaves the search as it was without it."""

from __future__ import annotations

import pytest
from own_kind_samplers import EveryOther, ExactEveryOther, PairStore, PositivesFirst, Unwrapped
from printed import fails_alone
from torch.utils.data import Dataset, RandomSampler, Sampler

from flake8_dplen.check import arguments
from flake8_dplen.check.posing import posing_as, required_kind
from flake8_dplen.check.records import Records, Table
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_posing_dataset_answers_isinstance_and_behaves_as_the_table_it_is():
    table = Table(3, columns={"labels": [0, 1, 1]})
    posed = posing_as(PairStore, table)
    assert isinstance(posed, PairStore) and isinstance(posed, Table)
    assert len(posed) == 3 and list(posed) == [0, 1, 2] and posed.labels == [0, 1, 1]
    # The store's own methods are not the table's: its constructor never ran.
    assert not hasattr(posed, "pairs")
    assert list(posing_as(PairStore, range(4))) == [0, 1, 2, 3]
    records = posing_as(Dataset, Records(2, seed=1))
    assert isinstance(records, Dataset) and records[1] == Records(2, seed=1)[1]
    # Already of the kind: itself.
    assert posing_as(Table, table) is table


def test_only_a_dataset_class_is_posed_for():
    assert required_kind(PairStore) is PairStore and required_kind(Dataset) is Dataset
    assert required_kind(Sampler) is None and required_kind(RandomSampler) is None
    assert required_kind(list) is None and required_kind("PairStore") is None


def test_a_wrong_class_that_requires_its_own_dataset_class_is_found():
    result = check_class(EveryOther, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    assert "posing_as(PairStore, " in result.call.code
    fails_alone(result)


@pytest.mark.parametrize("cls", [ExactEveryOther, PositivesFirst])
def test_an_exact_class_that_requires_its_own_dataset_class_is_built_and_clean(cls):
    result = check_class(cls, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0


def test_a_sampler_is_not_posed_as_another_kind():
    result = check_class(Unwrapped, OPTIONS)
    assert result.status == OK, result
    assert "posing_as" not in repr([shown.code for _, shown, _ in (result.call.args if result.call else ())])


def test_a_disguise_that_fails_leaves_the_class_as_without_it(monkeypatch):
    def broken(*args):
        raise RuntimeError("a disguise of ours that fails on code it was not grown on")

    monkeypatch.setattr(arguments, "posing_as", broken)
    result = check_class(EveryOther, OPTIONS)
    assert result.status == CANNOT_BUILD, result
    assert "should be a PairStore" in result.why
