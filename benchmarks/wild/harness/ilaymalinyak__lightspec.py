"""IlayMalinyak/LightSpec: multimodal self-supervised learning on stellar light curves and
spectra (Kepler / LAMOST). dataset/sampler.py: BalancedDistributedSampler (class-balanced
per-rank indices, finetune_nss.py), DistributedUniqueLightCurveSampler (batches of distinct
light curves, KID from the dataset's dataframe), DistinctParameterSampler (one batch of
stars with close Teff / M / logg), DistributedBalancedSampler (contiguous per-rank blocks)
and UniqueIDDistributedSampler (one spectrum per KID, what create_unique_loader uses). The
datasets pair a light curve and a spectrum with an `info` dict and keep the catalogue in a
dataframe `df` (KID per row)."""

import random

import torch

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="IlayMalinyak/LightSpec",
    source="github",
    ref="aa6f319014ec0f6c51a3770891954679e771b368",
    domain="multimodal time series: stellar light curves and spectra",
    absent=("tqdm", "matplotlib"),  # imported at the top of dataset/sampler.py, for progress and plots
)

PATH = "dataset/sampler.py"


class _Rows:
    """The `iloc` of the catalogue dataframe: row i as a mapping of its columns."""

    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, i):
        return self.rows[i]


class _Catalogue:
    def __init__(self, rows):
        self.iloc = _Rows(rows)


class _LightSpec(torch.utils.data.Dataset):
    """A light-curve / spectrum dataset: `df` with a KID per row (a star observed one to
    four times), items (light, spectra, _, light_target, spectra_target, info)."""

    def __init__(self, n, seed=0, most=4):
        rng = random.Random(seed)
        rows, kid = [], 757076
        while len(rows) < n:
            for _ in range(rng.randint(1, most)):
                rows.append({"KID": kid, "Teff": rng.uniform(4000, 7000), "M": rng.uniform(0.5, 2.0),
                             "logg": rng.uniform(3.5, 5.0)})
            kid += rng.randint(1, 50)
        self.rows = rows[:n]
        self.df = _Catalogue(self.rows)

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        info = self.rows[i]
        return torch.zeros(1, 64), torch.zeros(1, 32), None, torch.zeros(1, 64), torch.zeros(1, 32), info


def _labels(n, positive, seed=0):
    rng = random.Random(seed)
    return [1 if rng.random() < positive else 0 for _ in range(n)]


def _epoch(sampler, epoch):
    sampler.set_epoch(epoch)
    return sampler


def _ranks(worlds=(1, 2, 3, 4)):
    return [(world, rank) for world in worlds for rank in range(world)]


@sampler(PROJECT, PATH, "BalancedDistributedSampler")
def _(cls, module):
    for n, positive in ((20, 0.5), (100, 0.1), (333, 0.3)):
        for world, rank in _ranks():
            for shuffle in (True, False):
                for ratio in (1.0, 0.5, 0.0):
                    yield Case(
                        f"n={n} positive={positive} num_replicas={world} rank={rank} shuffle={shuffle} "
                        f"balanced_ratio={ratio} set_epoch(1)",
                        lambda n=n, p=positive, w=world, r=rank, s=shuffle, b=ratio: _epoch(
                            cls(_LightSpec(n), _labels(n, p), num_replicas=w, rank=r, shuffle=s, balanced_ratio=b), 1
                        ),
                    )


@sampler(PROJECT, PATH, "DistributedUniqueLightCurveSampler")
def _(cls, module):
    # One spectrum a star: with a star seen twice its __iter__ never ends once every light
    # curve is used (its `while len(batch_indices) < batch_size` has nothing left to add).
    for n in (16, 100, 300):
        for batch_size in (1, 4, 16):
            for world, rank in _ranks((1, 2, 4)):
                yield Case(
                    f"n={n} (one spectrum a star) batch_size={batch_size} num_replicas={world} rank={rank}",
                    lambda n=n, b=batch_size, w=world, r=rank: cls(_LightSpec(n, most=1), b, num_replicas=w, rank=r),
                )


not_run(PROJECT, PATH, "DistinctParameterSampler",
        "its __init__ unpacks `_, _, _, _, info, _ = dataset[idx]` (info fifth) while every dataset of the "
        "project returns info sixth, so no dataset of the project builds it")


@sampler(PROJECT, PATH, "DistributedBalancedSampler")
def _(cls, module):
    for n in (7, 64, 101):
        for world, rank in _ranks():
            for shuffle in (True, False):
                for drop_last in (False, True):
                    yield Case(
                        f"n={n} num_replicas={world} rank={rank} shuffle={shuffle} drop_last={drop_last} set_epoch(2)",
                        lambda n=n, w=world, r=rank, s=shuffle, d=drop_last: _epoch(
                            cls(_LightSpec(n), num_replicas=w, rank=r, shuffle=s, seed=3, drop_last=d), 2
                        ),
                    )


@sampler(PROJECT, PATH, "UniqueIDDistributedSampler")
def _(cls, module):
    for n in (7, 64, 101):
        for world, rank in _ranks():
            for shuffle in (True, False):
                for drop_last in (False, True):
                    yield Case(
                        f"n={n} num_replicas={world} rank={rank} shuffle={shuffle} drop_last={drop_last} set_epoch(1)",
                        lambda n=n, w=world, r=rank, s=shuffle, d=drop_last: _epoch(
                            cls(_LightSpec(n), num_replicas=w, rank=r, shuffle=s, seed=0, drop_last=d), 1
                        ),
                    )
