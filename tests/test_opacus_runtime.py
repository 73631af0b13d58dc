"""The runtime check on real opacus samplers (1.4.1 ``int`` and 1.6.0 ``ceil``).

Every "yielded" figure below is counted by iterating the real sampler; the numbers
written in the tests are what that iteration must reproduce.
"""

from __future__ import annotations

import math

import pytest
import torch
from opacus.utils.uniform_sampler import (
    DistributedUniformWithReplacementSampler,
    UniformWithReplacementSampler,
)
from opacus_versions import (
    batch_splitter,
    exact_split_len,
    load_opacus_141,
    load_opacus_160,
    make_optimizer,
    poisson_splitter,
)

from flake8_dplen.runtime import check_length, expected_poisson_batches

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def m141(opacus_141_dir):
    return load_opacus_141()


@pytest.fixture(scope="module")
def m160():
    return load_opacus_160()


# --- fixed-size batches ------------------------------------------------------------


def test_141_int_len_drops_the_tail_batch(m141):
    report = check_length(batch_splitter(m141, 10, 3, 2))
    assert (report.reported, report.yielded, report.ok) == (6, 7, False)
    assert report.extra_sizes == (1,)  # the tail sample 9, alone in batch #6
    assert "len() = 6, iteration yielded 7 batches (+1)" in report.message


@pytest.mark.parametrize(
    "n,b,m,reported,yielded",
    [
        (60000, 256, 100, 602, 703),  # ceil(235 * 2.56) ignores ceil per logical batch
        (100, 32, 64, 2, 4),  # ceil(4 * 0.5): half-size batches still cost one each
        (10, 4, 2, 6, 5),  # ceil(3 * 2): the tail of 2 needs one batch, not two
        (370, 58, 7, 59, 58),  # 7 * (58 / 7) == 58.00000000000001 in floats
    ],
)
def test_160_ceil_len_is_still_wrong(m160, n, b, m, reported, yielded):
    report = check_length(batch_splitter(m160, n, b, m))
    assert (report.reported, report.yielded, report.ok) == (reported, yielded, False)
    assert report.yielded == exact_split_len(n, b, m, drop_last=False)


def test_share_of_correct_lengths_on_a_grid(m141, m160):
    configs = [
        (n, b, m, drop_last)
        for n in (1, 2, 5, 10, 37, 64, 100, 257)
        for b in (1, 2, 3, 4, 8, 16, 32)
        for m in (1, 2, 3, 5, 8, 32)
        for drop_last in (False, True)
    ]
    optimizer = make_optimizer(1)
    right = {"1.4.1": 0, "1.6.0": 0}
    for n, b, m, drop_last in configs:
        for version, module in (("1.4.1", m141), ("1.6.0", m160)):
            report = check_length(batch_splitter(module, n, b, m, drop_last, optimizer))
            right[version] += report.ok
            # the closed form the fixed-sampler test relies on, against real iteration
            assert report.yielded == exact_split_len(n, b, m, drop_last), (n, b, m, drop_last)
        optimizer._step_skip_queue.clear()  # only grows when nobody calls step()
    shares = {v: right[v] / len(configs) for v in right}
    print(
        f"\nlen == yielded on {len(configs)} configs: "
        + ", ".join(f"opacus {v}: {s:.1%}" for v, s in shares.items())
    )
    assert len(configs) == 672
    assert 0 < shares["1.4.1"] < 1 and 0 < shares["1.6.0"] < 1


# --- Poisson batches -----------------------------------------------------------------


def test_poisson_60000_len_understates_mean(m141, m160):
    # opacus' DPDataLoader sets sample_rate = 1 / len(data_loader): 60000 samples at
    # batch_size 256 give 235 batches, so q = 1/235 and 235 steps (not 256/60000,
    # which would give 234 steps, len 936 and E = 1049.12).
    n, q, m, epochs = 60000, 1 / 235, 64, 40  # ~0.13 s per epoch: few epochs, CI time
    g = torch.Generator()
    sampler = poisson_splitter(m160, n, q, m, g)
    assert len(sampler.sampler) == 235
    assert (len(sampler), len(poisson_splitter(m141, n, q, m, g))) == (938, 937)
    expected = expected_poisson_batches(n, q, m, 235)
    assert expected == pytest.approx(1049.605, abs=1e-3)
    report = check_length(sampler, epochs=epochs, expected=expected, reseed=g.manual_seed)
    print("\n" + report.message)
    assert not report.ok
    assert abs(report.mean - expected) <= 3 * report.stderr
    assert report.mean - report.reported > 100


def test_poisson_many_epochs_mean_matches_expectation(m141, m160):
    # 6000 samples, batch_size 64 -> 94 logical batches, q = 1/94; physical size 16.
    n, q, m, epochs = 6000, 1 / 94, 16, 300
    g = torch.Generator()
    sampler = poisson_splitter(m160, n, q, m, g)
    expected = expected_poisson_batches(n, q, m, len(sampler.sampler))
    report = check_length(sampler, epochs=epochs, expected=expected, reseed=g.manual_seed)
    print(f"\n1.4.1 len {len(poisson_splitter(m141, n, q, m, g))}; 1.6.0: {report.message}")
    assert abs(report.mean - expected) <= 3 * report.stderr
    assert not report.ok  # ceil(94 * 63.8 / 16) = 375 vs E ~ 414
    assert report.reported == math.ceil(94 * (q * n / m))
    assert expected - report.reported > 30


def test_distributed_sampler_skips_empty_batches(gloo_group, m141, m160):
    n, q, epochs = 50, 0.02, 400  # P(empty logical batch) = 0.98**50 ~ 0.36
    g = torch.Generator()
    sampler = DistributedUniformWithReplacementSampler(total_size=n, sample_rate=q, generator=g)

    def reseed(epoch):
        g.manual_seed(epoch)
        sampler.set_epoch(epoch)

    steps = len(sampler)
    assert steps == 50
    # alone it yields one batch per non-empty draw: steps * (1 - (1-q)^n)
    expected = expected_poisson_batches(n, q, n, steps, empty_batch_counts=False)
    assert expected == pytest.approx(steps * (1 - (1 - q) ** n), rel=1e-14)
    report = check_length(sampler, epochs=epochs, expected=expected, reseed=reseed)
    print("\ndistributed sampler: " + report.message)
    assert not report.ok and report.reported > report.mean
    assert abs(report.mean - expected) <= 3 * report.stderr

    m = 2
    splitter = m160.BatchSplittingSampler(sampler=sampler, max_batch_size=m, optimizer=make_optimizer(1))
    split_expected = expected_poisson_batches(n, q, m, steps, empty_batch_counts=False)
    report = check_length(splitter, epochs=epochs, expected=split_expected, reseed=reseed)
    print("splitter over it (max_batch_size 2): " + report.message)
    assert (
        report.reported
        == 25
        == len(m141.BatchSplittingSampler(sampler=sampler, max_batch_size=m, optimizer=make_optimizer(1)))
    )
    assert not report.ok and report.mean > report.reported
    assert abs(report.mean - split_expected) <= 3 * report.stderr


# --- DPL201: int(1 / sample_rate) -----------------------------------------------------


@pytest.mark.parametrize("length", [10, 92, 93, 99, 100, 234])
def test_uniform_sampler_steps_from_inverse_rate(length):
    sampler = UniformWithReplacementSampler(
        num_samples=length, sample_rate=1 / length, generator=torch.Generator().manual_seed(0)
    )
    report = check_length(sampler)
    assert report.ok  # len() is what __iter__ yields...
    # ...but for some L the intended L steps per epoch come out as L - 1
    assert report.yielded == (length - 1 if length in (93, 99, 234) else length)


def test_share_of_lengths_losing_a_step():
    def share(upto):
        return sum(int(1 / (1 / L)) == L - 1 for L in range(1, upto + 1)) / upto

    # 7.83% holds over 1..10**6; over 1..10**4 the share is 6.68%.
    assert round(share(10_000) * 100, 2) == 6.68
    assert round(share(1_000_000) * 100, 2) == 7.83


# --- Lightning -------------------------------------------------------------------------


# Lightning's own deprecation noise from torch's pytree API, not ours.
lightning_quiet = pytest.mark.filterwarnings("ignore:`isinstance\\(treespec, LeafSpec\\)`")


def _fit_counting_steps(batch_sampler, n=None, callbacks=()):
    """One Lightning epoch over `n` rows (default: the size of opacus's splitter's inner
    sampler): the size of each batch it trained on, and the trainer."""
    import pytorch_lightning as pl
    from torch.utils.data import DataLoader, TensorDataset

    class Tiny(pl.LightningModule):
        def __init__(self):
            super().__init__()
            self.layer = torch.nn.Linear(1, 1)
            self.batch_sizes = []

        def training_step(self, batch, batch_idx):
            (x,) = batch
            self.batch_sizes.append(len(x))
            return self.layer(x).sum()

        def configure_optimizers(self):
            return torch.optim.SGD(self.parameters(), lr=0.01)

    model = Tiny()
    n = len(batch_sampler.sampler.sampler) if n is None else n
    loader = DataLoader(TensorDataset(torch.randn(n, 1)), batch_sampler=batch_sampler)
    trainer = pl.Trainer(
        max_epochs=1,
        accelerator="cpu",
        devices=1,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        callbacks=list(callbacks),
    )
    trainer.fit(model, loader)
    return model.batch_sizes, trainer


@lightning_quiet
def test_lightning_trains_only_len_batches(m141):
    # Lightning sets num_training_batches = len(DataLoader) = len(batch_sampler) and
    # ends the epoch once that many are done, without asking the iterator for more.
    sampler = batch_splitter(m141, 10, 3, 2)
    assert check_length(sampler).yielded == 7
    sampler.optimizer._step_skip_queue.clear()
    sizes, trainer = _fit_counting_steps(sampler)
    assert trainer.num_training_batches == 6
    assert sizes == [2, 1, 2, 1, 2, 1]  # the tail batch (sample 9) is never trained on
    # The 7th batch was not even fetched: its skip-step signal never reached opacus.
    assert sampler.optimizer._step_skip_queue == [True, False] * 3


@lightning_quiet
def test_lightning_survives_len_above_yield(m160):
    # 1.6.0 over-reports (len 6, yields 5): the loop just ends at StopIteration.
    sizes, _ = _fit_counting_steps(batch_splitter(m160, 10, 4, 2))
    assert sizes == [2, 2, 2, 2, 2]
