"""Hand-written recipes for classes of the grown corpus that the signature grid
(`realcode.probing`) cannot build, or builds without reaching the path of a DPL1 finding:
a distributed setting made by a method call, constructor checks the grid violates, a
dataset with attributes. Registered in `realcode.recipes.RECIPES` on import."""

from __future__ import annotations

import types
from pathlib import PurePosixPath

from .recipes import Case, recipe

SIZES = (1, 7, 10, 23)
# (num_replicas, rank, pad) of fastNLP's set_distributed.
SHARDS = ((1, 0, True), (3, 0, True), (3, 2, True), (3, 0, False), (3, 2, False))


def _sharded(sampler, replicas: int, rank: int, pad: bool):
    sampler.set_distributed(num_replicas=replicas, rank=rank, pad=pad)
    return sampler


def _megatron(m, loader, name: str):
    # Megatron's constraints: drop_last=False only with micro batch x data parallel == 1,
    # and a global batch that is a multiple of micro batch x data parallel.
    settings = [
        (1, 1, False, None),
        (1, 1, True, None),
        (1, 1, False, 1),
        (2, 1, True, None),
        (2, 1, True, 4),
        (1, 3, True, None),
        (1, 3, True, 3),
    ]
    for n in SIZES:
        for mbs, dp, drop_last, gbs in settings:
            for rank in range(dp):
                yield Case(
                    f"total={n} micro={mbs} dp={dp} rank={rank} drop_last={drop_last} global={gbs}",
                    lambda n=n, mbs=mbs, dp=dp, r=rank, d=drop_last, g=gbs: getattr(m, name)(
                        total_samples=n,
                        consumed_samples=0,
                        micro_batch_size=mbs,
                        data_parallel_rank=r,
                        data_parallel_size=dp,
                        drop_last=d,
                        global_batch_size=g,
                    ),
                )


MEGATRON = "nemo/collections/nlp/data/language_modeling/megatron/data_samplers.py"
for _name in ("MegatronPretrainingSampler", "MegatronPretrainingRandomSampler"):
    recipe("nemo_toolkit-1.23.0", MEGATRON, _name)(lambda m, loader, _name=_name: _megatron(m, loader, _name))


@recipe("fastnlp", "fastNLP/core/samplers/reproducible_sampler.py", "RandomSampler")
def _(m, loader):
    for n in SIZES:
        for replicas, rank, pad in SHARDS:
            yield Case(
                f"n={n} num_replicas={replicas} rank={rank} pad={pad}",
                lambda n=n, w=replicas, r=rank, p=pad: _sharded(m.RandomSampler(list(range(n))), w, r, p),
            )


def _sharded_batches(build):
    """Cases of `build(n, batch_size, drop_last)`, a fastNLP batch sampler, on every shard."""
    for n in SIZES:
        for b in (3, 4):
            for drop_last in (False, True):
                for replicas, rank, pad in SHARDS:
                    yield Case(
                        f"n={n} b={b} drop_last={drop_last} num_replicas={replicas} rank={rank} pad={pad}",
                        lambda n=n, b=b, d=drop_last, w=replicas, r=rank, p=pad: _sharded(
                            build(n, b, d), w, r, p
                        ),
                    )


@recipe("fastnlp", "fastNLP/core/samplers/reproducible_batch_sampler.py", "RandomBatchSampler")
def _(m, loader):
    yield from _sharded_batches(
        lambda n, b, d: m.RandomBatchSampler(list(range(n)), batch_size=b, shuffle=False, drop_last=d)
    )


@recipe("fastnlp", "fastNLP/core/samplers/reproducible_batch_sampler.py", "BucketedBatchSampler")
def _(m, loader):
    from .probing import lengths_of

    yield from _sharded_batches(
        lambda n, b, d: m.BucketedBatchSampler(
            list(range(n)), lengths_of(n), batch_size=b, num_batch_per_bucket=2, drop_last=d
        )
    )


@recipe("fastnlp", "fastNLP/core/samplers/mix_sampler.py", "PollingSampler")
def _(m, loader):
    for sizes in ((5, 3), (7, 7), (1, 10)):
        for b in (2, 3):
            for drop_last in (False, True):
                yield Case(
                    f"datasets of {sizes} b={b} drop_last={drop_last}",
                    lambda s=sizes, b=b, d=drop_last: m.PollingSampler(
                        {f"d{i}": list(range(k)) for i, k in enumerate(s)}, batch_size=b, drop_last=d
                    ),
                )


@recipe("terratorch", "terratorch/models/backbones/clay_v15/datamodule.py", "ClaySampler")
def _(m, loader):
    for counts in ((5, 3), (4, 4), (5, 1), (6, 2, 3)):
        chips = [
            PurePosixPath(f"/chips/p{i}/{k}.npz") for i, count in enumerate(counts) for k in range(count)
        ]
        platforms = [f"p{i}" for i in range(len(counts))]
        for b in (1, 2, 3):
            yield Case(
                f"chips per platform={counts} b={b}",
                lambda c=chips, p=platforms, b=b: m.ClaySampler(types.SimpleNamespace(chips_path=c), p, b),
            )
