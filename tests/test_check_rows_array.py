"""A value the constructor keeps as an array (`np.asarray(labels)`, `torch.as_tensor`, `list`)
is read through that copy (reads.stored_as), and a 2-D index of it (`labels[:, 0]`,
`targets[i, 1]`) reads a field of each item's row; "too many indices for array" pins the
parameter (pinned.py), so a later round draws rows. On main (63c89c8) every set was a list
of plain keys and each class here was "could not build"."""

from __future__ import annotations

import pytest
from rows_array_samplers import ByCoarseLabel, ExactByCoarseLabel, ExactFineLabelsOnly, FineLabelsOnly
from twins import built_and_clean, found_and_replayed

from flake8_dplen.check.reads import data_shape


def test_a_2d_index_of_a_kept_copy_reads_a_field():
    assert data_shape(ByCoarseLabel, "labels").fields == {0: ""}
    assert set(data_shape(FineLabelsOnly, "targets").fields) == {0, 1}


@pytest.mark.parametrize("cls", [ByCoarseLabel, FineLabelsOnly])
def test_a_wrong_class_over_rows_is_found(cls):
    found_and_replayed(cls)


@pytest.mark.parametrize("cls", [ExactByCoarseLabel, ExactFineLabelsOnly])
def test_its_exact_twin_is_built_and_clean(cls):
    built_and_clean(cls)
