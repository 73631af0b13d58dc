"""THUDM/CogKit: fine-tuning CogView / CogVideoX diffusion and GLM models.
src/cogkit/finetune/samplers/packing_sampler.py: NaivePackingSampler packs shuffled samples
first-fit into buckets of at most `packed_length` tokens (lengths as a list or a 1-d int
tensor, as its tests pass them); DistPackingSampler gives each rank an equal slice of the
buckets and requires torch.distributed to be initialised (the diffusion trainer passes
the training sequence length, world_size and global_rank)."""

import random

import torch

from realcode.recipes import gloo
from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="THUDM/CogKit",
    source="github",
    ref="16332858462ae19afc10f3b26364dc7faf314de5",
    domain="multimodal: diffusion / LLM fine-tuning (sequence packing)",
    root="src",
    # cogkit.finetune.utils imports checkpointing, trackers, attention kernels; the samplers
    # take only these two, as its dist.py defines them
    stubs={
        "cogkit.finetune.utils": (
            "import torch.distributed as dist\n\n\n"
            "def get_world_size():\n    return dist.get_world_size()\n\n\n"
            "def get_global_rank():\n    return dist.get_rank()\n"
        ),
    },
    # cogkit's and cogkit.finetune's __init__ import the inference API and every model (diffusers, ...)
    empty_init=("cogkit", "cogkit.finetune"),
)

PATH = "src/cogkit/finetune/samplers/packing_sampler.py"


def _lengths(n, packed, tensor, seed=0):
    rng = random.Random(seed)
    lengths = [rng.randint(1, max(1, packed // 4)) for _ in range(n)]
    return torch.tensor(lengths) if tensor else lengths


def _distributed():
    """A process group of one (gloo), as the trainer runs under torchrun."""
    gloo()


@sampler(PROJECT, PATH, "NaivePackingSampler")
def _(cls, module):
    for n in (1, 8, 100, 500):
        for packed in (16, 512, 2048):
            for shuffle in (True, False):
                for tensor in (True, False):
                    yield Case(
                        f"lengths={n} ({'tensor' if tensor else 'list'}) packed_length={packed} shuffle={shuffle}",
                        lambda n=n, p=packed, s=shuffle, t=tensor: cls(_lengths(n, p, t), p, shuffle=s),
                        repeat=3,
                    )


@sampler(PROJECT, PATH, "DistPackingSampler")
def _(cls, module):
    def build(n, packed, world, rank):
        _distributed()
        return cls(_lengths(n, packed, False), packed, shuffle=True, world_size=world, global_rank=rank)

    for n in (8, 100, 500):
        for packed in (16, 512, 2048):
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    yield Case(
                        f"lengths={n} packed_length={packed} world_size={world} global_rank={rank}",
                        lambda n=n, p=packed, w=world, r=rank: build(n, p, w, r),
                        repeat=3,
                    )
