"""ContextualAI/gritlm: generative representational instruction tuning (one LLM for embedding
and generation). gritlm/training/data.py: CustomRandomSampler, a dataclass RandomSampler
over several embedding datasets concatenated, whose batches of total_batch_size come from
one dataset where they can, the leftovers merged into mixed batches (an incomplete last one
dropped), all batches shuffled; run.py sets it as the trainer's train sampler when there is
more than one embedding dataset, with total_batch_size = per-device batch x gradient
accumulation x world size, ds_lens the datasets' lengths and _num_samples their sum."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ContextualAI/gritlm",
    source="github",
    ref="971068105a8508bca421841c59fddba7f6596402",
    domain="LLM fine-tuning for embeddings (same-dataset batch sampler)",
    absent=("datasets", "transformers"),  # the dataset and collator of the same module
    empty_init=("gritlm",),  # imports the model (transformers)
)


class _CustomDataset(torch.utils.data.Dataset):
    """CustomDataset in embedding mode: the embedding datasets concatenated."""

    def __init__(self, total):
        self.total_len = total

    def __len__(self):
        return self.total_len


DS_LENS = {
    "two datasets 100, 150": [100, 150],
    "MEDI-like 3 of 1000, 257, 50": [1000, 257, 50],
    "E5-like 7 datasets": [4096, 2048, 1000, 333, 129, 64, 7],
    "divisible 64, 128": [64, 128],
}


@sampler(PROJECT, "gritlm/training/data.py", "CustomRandomSampler")
def _(cls, module):
    for label, lens in DS_LENS.items():
        for per_device, accumulation, world in ((8, 1, 1), (4, 2, 4), (32, 1, 8), (2, 1, 3)):
            total = per_device * accumulation * world
            yield Case(
                f"{label} total_batch_size={total} "
                f"(per device {per_device} x gas {accumulation} x world {world})",
                lambda ls=lens, t=total: cls(
                    total_batch_size=t, ds_lens=ls, _num_samples=sum(ls), data_source=_CustomDataset(sum(ls))
                ),
                repeat=2,
            )
