"""bytedance/dplm: diffusion protein language models (DPLM, DPLM-2), ByProt code base.

src/byprot/datamodules/dataset/data_utils.py: MaxTokensBatchSampler (token-budget batches
built from a length-sorted heap buffer, once, shuffled by seed and epoch).
src/byprot/datamodules/dataset/uniref.py: the UniRef50 samplers (EvoDiff lineage): a
length-sorted distributed sampler (SortishSampler, which asks torch.distributed for the
world at construction) and a token-budget batch sampler over it (ApproxBatchSampler, its
batches built once at construction; more than one replica all-reduces on CUDA, so one here).
"""

import contextlib
import random

from torch.utils.data import SequentialSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="bytedance/dplm",
    source="github",
    ref="8b3425b7b7134aaf931baa5c53e0328da6a48a1f",
    domain="biology (protein language models)",
    root="src",
    stubs={
        # byprot.utils imports hydra, rich, its strategies and configs; uniref.py only takes
        # get_logger from it. The byprot package stand-in extends its __path__ to the tree.
        "byprot": "",
        "byprot.utils": "import logging\n\n\ndef get_logger(name=__name__):\n    return logging.getLogger(name)\n",
    },
    absent=("esm", "transformers"),  # alphabets and tokenizers, not read by the samplers
    empty_init=("byprot.datamodules",),  # imports omegaconf and every data module
)


def _lengths(n, seed=0):
    rng = random.Random(seed)
    return [rng.randint(30, 1024) for _ in range(n)]  # UniRef50 sequence lengths


class _Proteins:
    def __init__(self, n):
        self.lengths = _lengths(n)

    def __len__(self):
        return len(self.lengths)

    def __getitem__(self, i):
        return i


@sampler(PROJECT, "src/byprot/datamodules/dataset/data_utils.py", "MaxTokensBatchSampler")
def _(cls, module):
    for n in (1, 30, 300):
        for max_tokens in (2048, 6000):
            for sort in (False, True):
                for shuffle in (True, False):

                    def build(n=n, t=max_tokens, s=sort, sh=shuffle):
                        ds = _Proteins(n)
                        return cls(
                            ds,
                            batch_size=1,
                            max_tokens=t,
                            sort=s,
                            shuffle=sh,
                            sort_key=lambda i, L=ds.lengths: L[i],
                            buffer_size_multiplier=2,
                        )

                    yield Case(f"n={n} max_tokens={max_tokens} sort={sort} shuffle={shuffle}", build)


@contextlib.contextmanager
def _world(rank, world):
    import torch.distributed as dist

    saved = dist.get_rank, dist.get_world_size
    dist.get_rank, dist.get_world_size = (lambda *a: rank), (lambda *a: world)
    try:
        yield
    finally:
        dist.get_rank, dist.get_world_size = saved


def _sortish(cls, n, bucket, rank, world):
    with _world(rank, world):
        return cls(_lengths(n), bucket)


@sampler(PROJECT, "src/byprot/datamodules/dataset/uniref.py", "SortishSampler")
def _(cls, module):
    for n in (5, 37, 250):
        for bucket in (8, 64):
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    yield Case(
                        f"n={n} bucket_size={bucket} world={world} rank={rank}",
                        lambda n=n, b=bucket, r=rank, w=world: _sortish(cls, n, b, r, w),
                        repeat=2,
                    )


@sampler(PROJECT, "src/byprot/datamodules/dataset/uniref.py", "ApproxBatchSampler")
def _(cls, module):
    for n in (3, 40, 300):
        for max_tokens, max_batch in ((2048, 8), (6000, 32), (60000, 128)):
            for max_len in (512, 1024):
                yield Case(
                    f"SortishSampler n={n} max_tokens={max_tokens} max_batch={max_batch} max_len={max_len}",
                    lambda n=n, t=max_tokens, m=max_batch, L=max_len: cls(
                        _sortish(module.SortishSampler, n, 16, 0, 1), t, m, _lengths(n), max_len=L
                    ),
                )
