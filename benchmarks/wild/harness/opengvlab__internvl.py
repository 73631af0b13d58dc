"""OpenGVLab/InternVL: multimodal (vision-language) training and evaluation. The length-
grouped sampler its trainer patch installs (internvl_chat/internvl/patch/
train_sampler_patch.py: world_size = processes x gradient accumulation), the samplers of its
classification pre-training (classification/dataset/samplers.py: an epoch-set random subset
sampler and a node-local distributed sampler), and the sharding sampler of its evaluation
and data pipeline scripts (InferenceSampler, one contiguous shard per rank, asking
torch.distributed)."""

from wild.entry import Case, Project, sampler

from ._g3_common import built_in, with_epoch

PROJECT = Project(
    name="OpenGVLab/InternVL",
    source="github",
    ref="2410d1dbf208f0e799459aff9376e5747dbf41a2",
    domain="multimodal",
    # the trainer patch imports transformers' Trainer helpers only to load.
    absent=("transformers",),
    # patch/__init__.py imports every model patch (flash-attn, liger, ...);
    # classification/dataset/__init__.py builds the image datasets (timm, mmcv, ...).
    empty_init=("internvl_chat.internvl.patch", "classification.dataset"),
)


def _lengths(n, seed):
    import random

    rng = random.Random(seed)
    # token counts of conversations, with and without image tokens (256 a tile)
    return [rng.randint(20, 600) + 256 * rng.choice((0, 1, 1, 6)) for _ in range(n)]


@sampler(PROJECT, "internvl_chat/internvl/patch/train_sampler_patch.py", "LengthGroupedSampler")
def _(cls, module):
    import torch

    for n in (5, 64, 203):
        for batch in (1, 4):
            for processes, accumulation in ((1, 1), (2, 4), (4, 2)):
                yield Case(
                    f"conversations={n} batch={batch} world_size={processes}x{accumulation}",
                    lambda n=n, b=batch, w=processes * accumulation: cls(
                        b, world_size=w, lengths=_lengths(n, n), generator=torch.Generator().manual_seed(1)
                    ),
                )


@sampler(PROJECT, "classification/dataset/samplers.py", "SubsetRandomSampler")
def _(cls, module):
    for n in (1, 10, 257):
        yield Case(f"indices={n} of a split", lambda n=n: with_epoch(cls(list(range(0, 2 * n, 2))), 3))


@sampler(PROJECT, "classification/dataset/samplers.py", "NodeDistributedSampler")
def _(cls, module):
    for n in (16, 100, 333):
        for size, local_size in ((1, 1), (2, 1), (2, 2), (4, 2), (4, 4)):
            for rank in range(size):
                yield Case(
                    f"images={n} world={size} rank={rank} local_size={local_size} local_rank={rank % local_size}",
                    lambda n=n, s=size, r=rank, ls=local_size: with_epoch(
                        cls(list(range(n)), num_replicas=s, rank=r, local_rank=r % ls, local_size=ls), 2
                    ),
                )


@sampler(PROJECT, "internvl_chat/tools/reasoning_data_pipeline/utils/utils.py", "InferenceSampler")
def _(cls, module):
    for n in (1, 7, 100):
        for size in (1, 2, 3, 4):
            for rank in range(size):
                yield Case(
                    f"items={n} world={size} rank={rank}",
                    lambda n=n, s=size, r=rank: built_in(s, r, lambda: cls(n)),
                )
