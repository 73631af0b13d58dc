"""Generation read from how the class uses a parameter whose kind nothing else says
(reads.use_of, arguments._from_use): called, tested, counted with, iterated, a list of
samplers, compared with strings. Each kind has a right sampler the check passes and a
wrong one it finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from use_samplers import (
    Bounded,
    BoundedWrong,
    Buckets,
    BucketsWrong,
    Chained,
    ChainedWrong,
    Chunked,
    Cuts,
    ExactChunked,
    ExactCuts,
    ExactInterleaved,
    Flagged,
    FlaggedWrong,
    FromOptions,
    Grouped,
    Interleaved,
    Moded,
    ModedWrong,
    PerClass,
    PerClassWrong,
    PerLabel,
    PerLabelWrong,
    ShardChunked,
    Sized,
    SizedWrong,
    Stored,
)

from flake8_dplen.check.arguments import calls
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=2.0, seed=0)


@pytest.mark.parametrize("right, wrong", [
    (Sized, SizedWrong), (Flagged, FlaggedWrong), (PerClass, PerClassWrong),
    (Chained, ChainedWrong), (Moded, ModedWrong),
])
def test_a_parameter_is_built_from_its_use(right, wrong):
    result = check_class(right, OPTIONS)
    assert result.status == OK and result.examples > 20, (right, result.why)
    result = check_class(wrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE, (wrong, result.why)


# Each wrong class, found, and what its counterexample was drawn as (its test's name says why).
DRAWN = {
    "a_field_is_built_from_its_use": (FromOptions, "opt=SimpleNamespace(grain="),
    "a_parameter_is_built_from_its_use_in_a_helper": (Grouped, "per_group="),
}


@pytest.mark.parametrize("cls, drawn", list(DRAWN.values()), ids=list(DRAWN))
def test_a_wrong_class_is_found_built_from_its_use(cls, drawn):
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert drawn in result.call.code


def test_a_parameter_stored_and_read_nowhere_is_none():
    # Until s9-gen a tuple store counted as a read, and the class was "could not build".
    result = check_class(Stored, OPTIONS)
    assert result.status == OK and result.examples > 20, result.why
    drawn = []
    settings(max_examples=20, database=None, derandomize=True)(
        given(calls(Stored))(lambda call: drawn.append(call.code))
    )()
    assert drawn and all("thing=None" in code for code in drawn), drawn


def test_a_dict_is_built_from_its_keys_and_values():
    assert check_class(Buckets, OPTIONS).status == OK
    result = check_class(BucketsWrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert "buckets={0: [" in result.call.code


def test_an_array_is_built_from_its_numpy_use():
    result = check_class(PerLabel, OPTIONS)
    assert result.status == OK and result.examples > 20, result.why
    result = check_class(PerLabelWrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert "labels=np.array([" in result.call.code and "keep=np.array([" in result.call.code


def test_an_array_read_only_by_its_attributes_is_an_array():
    result = check_class(Bounded, OPTIONS)
    assert result.status == OK and result.examples > 20, result.why
    result = check_class(BoundedWrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result.why
    assert "bounds=np.array([" in result.call.code


def test_a_list_handed_to_torch_is_a_tensor():
    assert check_class(ExactChunked, OPTIONS).status == OK
    found = check_class(Chunked, OPTIONS)
    assert found.status == COUNTEREXAMPLE and "seqlens=torch.tensor([" in found.call.code
    # Used through another class of the module that the sampler builds with it.
    assert check_class(ShardChunked, OPTIONS).status == COUNTEREXAMPLE


def test_a_dict_read_by_constant_keys_has_those_keys():
    assert check_class(ExactInterleaved, OPTIONS).status == OK
    found = check_class(Interleaved, OPTIONS)
    assert found.status == COUNTEREXAMPLE and "feeds=[{'sampler': " in found.call.code


def test_a_value_whose_name_says_nothing_is_a_tensor_where_torch_is_asked():
    assert check_class(ExactCuts, OPTIONS).status == OK
    found = check_class(Cuts, OPTIONS)
    assert found.status == COUNTEREXAMPLE and "cuts=torch.tensor([" in found.call.code
