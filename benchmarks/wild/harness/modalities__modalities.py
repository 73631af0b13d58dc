"""Modalities/modalities: an LLM / multimodal pre-training framework (config-driven, FSDP).
src/modalities/dataloader/samplers.py: ResumableDistributedSampler, torch's DistributedSampler
with `skip_num_global_samples` (the samples a warm-started run already consumed) taken off the
front of the (epoch-seeded) permutation before padding or dropping to the replicas."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Modalities/modalities",
    source="github",
    ref="bf0e6d32450d07fd2a5786c48603694e041f9c16",
    domain="LLM pre-training (resumable distributed sampler)",
    root="src",
)


class _Packed(torch.utils.data.Dataset):
    """A packed memmap dataset: fixed-length token blocks."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return {"input_ids": torch.arange(i, i + 8)}


@sampler(PROJECT, "src/modalities/dataloader/samplers.py", "ResumableDistributedSampler")
def _(cls, module):
    for n in (5, 64, 101):
        for world in (1, 2, 3, 4):
            for skip in sorted({0, 3, n // 2}):
                for shuffle in (False, True):
                    for drop_last in (False, True):
                        for rank in range(world):
                            yield Case(
                                f"n={n} num_replicas={world} rank={rank} skip_num_global_samples={skip} "
                                f"shuffle={shuffle} drop_last={drop_last} epoch=2",
                                lambda n=n, w=world, r=rank, k=skip, s=shuffle, d=drop_last: cls(
                                    _Packed(n), rank=r, num_replicas=w, epoch=2, shuffle=s, seed=7,
                                    drop_last=d, skip_num_global_samples=k,
                                ),
                            )
