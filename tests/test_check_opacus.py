"""`dplen check` on the real opacus BatchSplittingSampler of 1.4.1 (int) and 1.6.0
(ceil), and on the same files after the codemod, with the optimizer supplied by a
registered factory: fixed-size batches judged exactly, Poisson batches by expectation."""

from __future__ import annotations

from typing import List

import pytest
import torch
from opacus.utils.uniform_sampler import UniformWithReplacementSampler
from opacus_versions import OPACUS_141_BMM, codemod_fixed, load_opacus_141, load_opacus_160, make_optimizer
from torch.utils.data import Sampler

from flake8_dplen.check import register
from flake8_dplen.check.report import finding
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class
from flake8_dplen.runtime import expected_poisson_batches

OPTIONS = Options(budget=2.0, seed=0)


pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def versions(opacus_141_dir, tmp_path_factory):
    m160 = load_opacus_160()
    return {
        "1.4.1": load_opacus_141(),
        "1.6.0": m160,
        "1.4.1 fixed": codemod_fixed(OPACUS_141_BMM, tmp_path_factory.mktemp("fixed141"), "check_fixed_141"),
        "1.6.0 fixed": codemod_fixed(m160.__file__, tmp_path_factory.mktemp("fixed160"), "check_fixed_160"),
    }


def register_fixed_size(cls):
    # The user's part: an optimizer. `sampler` and `max_batch_size` are still generated.
    def splitter(sampler: Sampler[List[int]], max_batch_size: int):
        return cls(sampler=sampler, max_batch_size=max_batch_size, optimizer=make_optimizer(1))

    register(cls, splitter)


def register_poisson(cls):
    def poisson_splitter(num_samples: int, sample_rate: float, max_batch_size: int):
        inner = UniformWithReplacementSampler(
            num_samples=num_samples, sample_rate=sample_rate, generator=torch.Generator()
        )
        return cls(sampler=inner, max_batch_size=max_batch_size, optimizer=make_optimizer(1))

    def expected(splitter) -> float:
        inner = splitter.sampler
        return expected_poisson_batches(
            inner.num_samples, inner.sample_rate, splitter.max_batch_size, len(inner)
        )

    register(cls, poisson_splitter, expected=expected, epochs=20)


@pytest.mark.parametrize("version", ["1.4.1", "1.6.0"])
def test_released_splitters_have_a_counterexample(versions, version):
    cls = versions[version].BatchSplittingSampler
    register_fixed_size(cls)
    result = check_class(cls, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    report = result.report
    # The shrunk arguments really disagree: rebuilt from the printed call, not trusted.
    rebuilt = result.call.build()
    assert len(rebuilt) == report.reported != report.yielded == sum(1 for _ in rebuilt)
    assert finding(result).startswith("splitter(sampler=BatchSampler(SequentialSampler(range(")


@pytest.mark.parametrize("version", ["1.4.1 fixed", "1.6.0 fixed"])
def test_codemod_fixed_splitters_have_none(versions, version):
    cls = versions[version].BatchSplittingSampler
    register_fixed_size(cls)
    result = check_class(cls, OPTIONS)
    assert result.status == OK, finding(result) if result.found else result
    assert result.examples >= 20


@pytest.mark.parametrize("version,status", [("1.6.0", COUNTEREXAMPLE), ("1.6.0 fixed", OK)])
def test_poisson_branch_is_judged_by_expectation(versions, version, status):
    cls = versions[version].BatchSplittingSampler
    register_poisson(cls)
    result = check_class(cls, Options(budget=3.0, seed=0, max_examples=60))
    assert result.random
    assert result.status == status, finding(result) if result.found else result
    if status == COUNTEREXAMPLE:
        report = result.report
        assert report.expected is not None and abs(report.reported - report.expected) > 1
        assert "batches on average over 20 seeded epochs" in finding(result)
