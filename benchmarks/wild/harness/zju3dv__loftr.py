"""zju3dv/LoFTR: detector-free local feature matching (ScanNet, MegaDepth). The data module
(src/lightning/data.py) gives RandomConcatSampler(train_dataset, N_SAMPLES_PER_SUBSET (200),
SB_SUBSET_SAMPLE_REPLACEMENT (True), SB_SUBSET_SHUFFLE (True), SB_REPEAT (1), SEED (66)) as
`sampler=`, train_dataset a ConcatDataset of this rank's scenes: n_samples_per_subset pairs a
scene, with or without replacement, shuffled and repeated."""

import random

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="zju3dv/LoFTR",
    source="github",
    ref="df7ca80f917334b94cfbe32cc2901e09a80e70a8",
    domain="3D vision (feature matching)",
)


class _ScenePairs(torch.utils.data.Dataset):
    """One scene's image pairs (a ScanNet/MegaDepth scene dataset) as the sampler reads it."""

    def __init__(self, pairs):
        self.pairs = pairs

    def __len__(self):
        return self.pairs

    def __getitem__(self, index):
        return index


def _scenes(count, seed):
    rng = random.Random(seed)
    return torch.utils.data.ConcatDataset([_ScenePairs(rng.randint(20, 800)) for _ in range(count)])


@sampler(PROJECT, "src/datasets/sampler.py", "RandomConcatSampler")
def _(cls, module):
    for scenes in (1, 4, 37):
        data = _scenes(scenes, scenes)
        for per_subset in (200, 50):
            for replacement, shuffle, repeat in (
                (True, True, 1),
                (False, True, 1),
                (False, False, 2),
                (True, True, 3),
            ):
                yield Case(
                    f"{scenes} scenes ({len(data)} pairs), n_samples_per_subset={per_subset}"
                    f" subset_replacement={replacement} shuffle={shuffle} repeat={repeat}, two epochs",
                    lambda d=data, n=per_subset, r=replacement, s=shuffle, k=repeat: cls(d, n, r, s, k, 66),
                    repeat=2,
                )
