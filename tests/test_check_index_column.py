"""A dataset attribute read as a dict of the items' indices by key (reads.DataShape.indexes),
drawn by its name as one value per item: every set failed and the class was "could not
build" on main (349d3e4). It is now drawn as the Table's items grouped by drawn keys:
the wrong class is found, its exact twin stays clean."""

from __future__ import annotations

from index_column_samplers import CopiedIndex, CountsPerClass, ExactKPerLabel, KPerLabel
from printed import fails_alone

from flake8_dplen.check import reads
from flake8_dplen.check.reads import data_shape
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_column_read_as_a_dict_of_indices_is_an_index():
    assert data_shape(KPerLabel, "dataset").indexes == {"label_index"}


def test_the_index_splits_the_items_between_keys():
    from hypothesis import given

    from flake8_dplen.check.arguments import calls

    @given(calls(KPerLabel))
    def drawn(call):
        dataset = dict((name, shown.make()) for name, shown, _ in call.args)["dataset"]
        index = dataset.label_index
        assert sorted(i for idxs in index.values() for i in idxs) == list(range(len(dataset)))
        assert all(idxs for idxs in index.values())

    drawn()


def test_a_wrong_class_reading_an_index_of_its_data_is_found():
    result = check_class(KPerLabel, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


def test_its_exact_twin_is_built_and_clean():
    result = check_class(ExactKPerLabel, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0


def test_a_reading_of_ours_that_fails_leaves_the_class_as_without_it(monkeypatch):
    def broken(*args):
        raise RuntimeError("a reading of ours that fails on code it was not grown on")

    monkeypatch.setattr(reads, "_index_columns", broken)
    assert data_shape(KPerLabel, "dataset").indexes == set()
    assert check_class(KPerLabel, OPTIONS).status == CANNOT_BUILD


def test_a_copy_of_a_value_is_used_as_the_value():
    assert data_shape(CopiedIndex, "dataset").indexes == {"label_index"}


def test_values_never_seen_walked_are_no_index():
    assert data_shape(CountsPerClass, "dataset").indexes == set()
