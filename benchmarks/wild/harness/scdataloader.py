"""scdataloader (PyPI, jkobject/scDataLoader): single-cell data loading (scPRINT's loader).

datamodule.py: LabelWeightedSampler, the class-balanced sampler of its DataModule
(cell-type labels weighted by weight_scaler, num_samples cells an epoch, with or without
replacement) and RankShardSampler, contiguous shards per rank with a resume offset.
"""

import contextlib

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="scdataloader",
    source="pypi",
    ref="2.1.3",
    domain="biology (single-cell)",
    # lamindb, bionty, anndata...: the data module's storage layer, not read by the samplers
    absent=(
        "anndata",
        "biomart",
        "bionty",
        "django",
        "lamindb",
        "lamindb_setup",
        "lightning",
        "pandas",
        "psutil",
        "scanpy",
        "upath",
    ),
    empty_init=("scdataloader",),  # reads the installed version and imports the data module
)


def _labels(counts, seed=0):
    """Cell-type codes for one dataset: class k has counts[k] cells; the last code is the
    'unknown' class the sampler never draws (its weight is zeroed)."""
    rng = np.random.default_rng(seed)
    labels = np.concatenate([np.full(c, k) for k, c in enumerate(counts)])
    rng.shuffle(labels)
    return labels


# cell types: a few abundant ones, several rare ones (a handful of cells), then 'unknown'
ATLASES = {
    "balanced": [40, 40, 40, 10],
    "long tail": [300, 120, 25, 6, 2, 1, 30],
    "tiny": [3, 2, 1, 4],
}


def _weighted(cls, *args, **kwargs):
    # It calls super().__init__(None): the runner's child gives torch's Sampler the
    # __init__(self, data_source=None) of torch < 2.13 (wild/README.md).
    return cls(*args, **kwargs)


@sampler(PROJECT, "scdataloader/datamodule.py", "LabelWeightedSampler")
def _(cls, module):
    for name, counts in ATLASES.items():
        for num_samples in (10, 64, 500):
            for replacement in (True, False):
                for scaler in (10, 1000):
                    yield Case(
                        f"{name} cell types {counts} num_samples={num_samples} replacement={replacement} "
                        f"weight_scaler={scaler}",
                        lambda c=counts, k=num_samples, r=replacement, w=scaler: _weighted(
                            cls,
                            _labels(c),
                            k,
                            replacement=r,
                            weight_scaler=w,
                            n_workers=1,
                            chunk_size=100_000,
                        ),
                        epochs=20,
                    )


@contextlib.contextmanager
def _world(rank, world):
    import torch.distributed as dist

    saved = dist.is_initialized, dist.get_rank, dist.get_world_size
    dist.is_initialized, dist.get_rank, dist.get_world_size = (
        (lambda: True),
        (lambda *a: rank),
        (lambda *a: world),
    )
    try:
        yield
    finally:
        dist.is_initialized, dist.get_rank, dist.get_world_size = saved


def _shard(cls, n, start_at, rank, world):
    with _world(rank, world):
        return cls(n, start_at=start_at)


@sampler(PROJECT, "scdataloader/datamodule.py", "RankShardSampler")
def _(cls, module):
    for n in (8, 10, 64, 1000):
        for world in (1, 2, 3, 4):
            for start_at in (0, 4):
                for rank in range(world):
                    yield Case(
                        f"data_len={n} world={world} rank={rank} start_at={start_at}",
                        lambda n=n, s=start_at, r=rank, w=world: _shard(cls, n, s, r, w),
                    )
