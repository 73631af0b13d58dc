"""OpenLMLab/collie: a library for collaborative LLM training (DeepSpeed/Megatron-style
parallelism, Hugging Face models). collie/data/batch_sampler.py: CollieBatchSampler, torch's
BatchSampler with a last-batch mode (normal: kept short; drop; fill: topped up from a new
pass of the sampler); CollieDataLoader builds it over its distributed sampler with the batch
size, 'drop' when drop_last, 'fill' under pipeline parallelism, 'normal' otherwise."""

import torch
from torch.utils.data import DistributedSampler, RandomSampler, SequentialSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="OpenLMLab/collie",
    source="github",
    ref="726ec80d263c1e1c56344dfde5b3c24897daa94d",
    domain="LLM training library (batch sampler with last-batch modes)",
    empty_init=("collie", "collie.data"),  # import the models, trainers and parallel environment
)


class _Dataset(torch.utils.data.Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def _base(kind, n, world, rank):
    if kind == "distributed":
        return DistributedSampler(_Dataset(n), num_replicas=world, rank=rank, shuffle=True, seed=1)
    return RandomSampler(_Dataset(n)) if kind == "random" else SequentialSampler(_Dataset(n))


@sampler(PROJECT, "collie/data/batch_sampler.py", "CollieBatchSampler")
def _(cls, module):
    for n in (1, 7, 64, 333):
        for batch_size in (1, 4, 32):
            for last_batch in ("normal", "drop", "fill"):
                for kind, world, rank in (
                    ("sequential", 1, 0),
                    ("random", 1, 0),
                    ("distributed", 2, 1),
                    ("distributed", 3, 0),
                ):

                    def build(n=n, b=batch_size, lb=last_batch, k=kind, w=world, r=rank):
                        s = cls(_base(k, n, w, r), b, lb)
                        if k == "distributed":
                            s.set_epoch(1)
                        return s

                    yield Case(
                        f"{kind} sampler over {n} (world {world} rank {rank}) batch_size={batch_size} "
                        f"last_batch={last_batch}",
                        build,
                        repeat=2,
                    )
