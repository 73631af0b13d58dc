"""DPL112 and DPL116 read one list of late starts (core/offsets.py): a position is the
constructor's (gating) or resume state (a warning), never both, and the first-epoch skip
that DPL112 reports is short in that epoch only."""

import itertools

import pytest
from rule_cases import case, cases

from flake8_dplen.engine import analyze_source


def _codes(source):
    _, located = analyze_source(source)
    return {item.finding.code for item in located} & {"DPL112", "DPL116"}


@pytest.mark.parametrize(
    "code, source",
    [(code, example.source) for code in ("DPL112", "DPL116") for example in cases(code, "invalid")],
)
def test_a_late_start_is_reported_by_one_of_the_two_rules(code, source):
    assert _codes(source) == {code}


def test_a_setter_makes_the_constructors_position_resume_state():
    source = case("DPL112", "invalid_islice_skip_return_itertools_islice").source
    assert "class IsliceSkip" in source
    moved = source.replace(
        "    def __iter__(self):",
        "    def set_skip(self, skip):\n        self.skip = skip\n\n    def __iter__(self):",
    )
    assert _codes(source) == {"DPL112"} and _codes(moved) == {"DPL116"}


def test_a_torch_len_leaves_the_constructors_position_to_the_warning():
    source = """
from torch.utils.data import SequentialSampler


class Late(SequentialSampler):
    def __init__(self, data_source, skip=0):
        super().__init__(data_source)
        self.skip = skip

    def __iter__(self):
        yield from range(self.skip, len(self.data_source))
"""
    assert _codes(source) == {"DPL116"}


def test_the_skip_applied_once_is_short_in_the_first_epoch_only():
    # pytorch-ignite's shape: DPL112 reports it for the first epoch, the one len() is asked for.
    source = case("DPL112", "invalid_pytorch_ignite_reproducible_batch_sampler").source
    namespace = {}
    exec(compile(source, "example", "exec"), namespace)
    assert "DPL112" in _codes(source)
    sampler = namespace["ReplayBatches"](10, 2, start_iteration=2)
    first, second = (sum(1 for _ in itertools.islice(sampler, 100)) for _ in range(2))
    assert (len(sampler), first, second) == (5, 3, 5)
