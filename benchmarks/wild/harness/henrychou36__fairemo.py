"""HenryChou36/FairEmo: speaker-fair speech emotion recognition (MSP-Podcast, HuBERT features).
utils/sampler.py: SplitDistSampler, an index sampler whose batches hold `split` speakers with
batch_size / split utterances each, shuffled per epoch (set_epoch); train.py builds it over
the MSP dataset's protected attribute (speaker ids of speakers with at least MIN_SAMPLE 32
utterances) with split 4, batch size 128 and seed 3600, under a DataLoader with drop_last."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="HenryChou36/FairEmo",
    source="github",
    ref="1183f235b0874dae2033ef52c5d72c123b48788a",
    domain="speech emotion recognition (speaker-balanced batches)",
)


def _speakers(n_speakers, low, high, seed=0):
    """getProtect(): one speaker id an utterance, each speaker with low..high utterances."""
    rng = random.Random(seed)
    ids = [s for s in range(n_speakers) for _ in range(rng.randint(low, high))]
    rng.shuffle(ids)
    return np.array(ids)


class _MSPDataset:
    def __init__(self, protect):
        self.protect = protect

    def __len__(self):
        return len(self.protect)


@sampler(PROJECT, "utils/sampler.py", "SplitDistSampler")
def _(cls, module):
    for n_speakers, low, high in ((4, 32, 40), (9, 32, 200), (60, 32, 400)):
        for split, batch_size in ((4, 128), (2, 64), (4, 32)):
            for epoch in (0, 1):

                def build(s=n_speakers, lo=low, hi=high, k=split, b=batch_size, e=epoch):
                    protect = _speakers(s, lo, hi)
                    sampler = cls(_MSPDataset(protect), protect, split=k, batch_size=b, seed=3600)
                    sampler.set_epoch(e)
                    return sampler

                yield Case(
                    f"speakers={n_speakers} with {low}..{high} utterances "
                    f"split={split} batch_size={batch_size} "
                    f"epoch={epoch}",
                    build,
                )
