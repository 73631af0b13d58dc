"""facebookresearch/AudioMAE: masked autoencoders for audio spectrograms (AudioSet
pre-training and fine-tuning). dataset.py: DistributedSamplerWrapper, a sampler's draws
(re-seeded per epoch) dealt over the ranks as torch's DistributedSampler deals a dataset,
and DistributedWeightedSampler, each rank's share of an epoch-seeded permutation redrawn by
the per-clip weights. main_finetune_as.py builds, with --weight_sampler, either
DistributedSamplerWrapper(WeightedRandomSampler(weights, epoch_len, replacement),
range(epoch_len), num_tasks, global_rank) (--distributed_wrapper; epoch_len 200000 by
default, 21000 for AS-20K) or DistributedWeightedSampler(dataset_train, weights, num_tasks,
global_rank, replacement); --replacement defaults to False."""

import numpy as np
import torch
from torch.utils.data import WeightedRandomSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/AudioMAE",
    source="github",
    ref="bd60e29651285f80d32a6405082835ad26e6f19f",
    domain="audio: AudioSet fine-tuning (weighted distributed samplers)",
    absent=("torchaudio",),  # the AudioSet dataset's loading in the same module
)


def _weights(n, seed=0):
    """The weight csv: per-clip weights from label frequencies (all positive)."""
    return np.random.default_rng(seed).uniform(0.05, 3.0, n)


class _AudiosetDataset(torch.utils.data.Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


@sampler(PROJECT, "dataset.py", "DistributedSamplerWrapper")
def _(cls, module):
    for clips, epoch_len in ((21000, 21000), (5000, 2000), (300, 299)):  # no more draws than clips
        for world in (1, 2, 3, 8):
            for rank in sorted({0, world - 1}):
                for replacement in (False, True):
                    for epoch in (0, 1):

                        def build(c=clips, n=epoch_len, w=world, r=rank, rep=replacement, e=epoch):
                            s = cls(
                                sampler=WeightedRandomSampler(_weights(c), num_samples=n, replacement=rep),
                                dataset=range(n),
                                num_replicas=w,
                                rank=r,
                            )
                            s.set_epoch(e)
                            return s

                        yield Case(
                            f"weights of {clips} clips epoch_len={epoch_len} replacement={replacement} "
                            f"num_replicas={world} rank={rank} epoch={epoch}",
                            build,
                        )


@sampler(PROJECT, "dataset.py", "DistributedWeightedSampler")
def _(cls, module):
    for clips in (7, 300, 20550):
        for world in (1, 2, 3, 8):
            for rank in sorted({0, world - 1}):
                for replacement in (False, True):
                    for epoch in (0, 1):

                        def build(c=clips, w=world, r=rank, rep=replacement, e=epoch):
                            s = cls(_AudiosetDataset(c), _weights(c), num_replicas=w, rank=r, replacement=rep)
                            s.set_epoch(e)
                            return s

                        yield Case(
                            f"clips={clips} num_replicas={world} rank={rank} "
                            f"replacement={replacement} epoch={epoch}",
                            build,
                        )
