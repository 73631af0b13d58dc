"""The wild corpus's split is a pure function of the project's name, fixed before tuning."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from wild.split import HELDOUT_FRACTION, MOVED_TO_TUNING, hashed_heldout, part, project_key  # noqa: E402


def test_project_key_normalises_github_and_pypi_names():
    assert project_key("Facebookresearch/Detectron2") == "facebookresearch/detectron2"
    assert project_key("Pytorch_Metric.Learning") == "pytorch-metric-learning"


def test_the_split_depends_on_the_name_only_and_is_about_half():
    names = [f"owner{i}/repo{i}" for i in range(2000)]
    first = [part(n) for n in names]
    assert first == [part(n.upper()) for n in names]
    share = first.count("heldout") / len(first)
    assert abs(share - HELDOUT_FRACTION) < 0.05


def test_a_moved_project_counts_as_tuning():
    held = next(f"o/r{i}" for i in range(100) if hashed_heldout(f"o/r{i}"))
    MOVED_TO_TUNING[held] = "test"
    try:
        assert part(held) == "tuning"
    finally:
        del MOVED_TO_TUNING[held]
