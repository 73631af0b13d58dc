"""edorado93/Writing-editing-Network: paper-abstract generation from titles (seq2seq with
writing/editing passes). network/seq2seq/distributed_sequential_sampler.py:
DistributedSequentialSampler, each rank a contiguous block of the (padded) dataset, in order;
main.py builds it over the training abstracts with the world of torch.distributed."""


import torch

from realcode.recipes import gloo
from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="edorado93/Writing-editing-Network",
    source="github",
    ref="9898666d5be2c0d2bd84903af3a0e6fa93823953",
    domain="NLP: seq2seq text generation (distributed sequential sampler)",
    root="network",
)


class _Abstracts(torch.utils.data.Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return [1] + [4 + i % 50] * (5 + i % 7), [1] + [9] * (20 + i % 30)


def _world_of_one():
    """main.py's process group (here gloo, one process), for the defaults from it."""
    gloo()


@sampler(PROJECT, "network/seq2seq/distributed_sequential_sampler.py", "DistributedSequentialSampler")
def _(cls, module):
    def defaults(n):
        _world_of_one()
        return cls(_Abstracts(n))

    for n in (1, 10, 97, 256):
        yield Case(f"n={n} world and rank from torch.distributed (1 process)", lambda n=n: defaults(n))
        for world in (2, 3, 4, 8):
            if world > n:
                continue  # its padding indices[:total_size - n] needs n >= the missing count
            for rank in range(world):
                yield Case(
                    f"n={n} num_replicas={world} rank={rank}",
                    lambda n=n, w=world, r=rank: cls(_Abstracts(n), num_replicas=w, rank=r),
                )
