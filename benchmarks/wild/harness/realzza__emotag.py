"""realzza/emoTag: speech emotion recognition on spectrogram frames.
dataloader/sampler.py: TruncateBatchSampler, batches of (index, n) with one random frame
count n from `trun_range` per batch; TruncateDataLoader builds it over a RandomSampler
(shuffle) or SequentialSampler, trun_range [200, 400] by default."""

import torch
from torch.utils.data import RandomSampler, SequentialSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="realzza/emoTag",
    source="github",
    ref="1cd6ab96b9e2c5ce3dc38e8e70f6fb6ed664c54f",
    domain="speech emotion recognition (random crop lengths per batch)",
)


class _Utterances(torch.utils.data.Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, item):
        index, frames = item
        return torch.zeros(frames, 40), index % 4


@sampler(PROJECT, "dataloader/sampler.py", "TruncateBatchSampler")
def _(cls, module):
    for n in (1, 9, 100, 333):
        for batch_size in (1, 4, 32):
            for drop_last in (False, True):
                for shuffle in (False, True):
                    for trun_range, step in (([200, 400], 1), ([100, 300], 50)):
                        yield Case(
                            f"n={n} batch_size={batch_size} drop_last={drop_last} shuffle={shuffle} "
                            f"trun_range={trun_range} step={step}",
                            lambda n=n, b=batch_size, d=drop_last, s=shuffle, t=trun_range, st=step: cls(
                                (RandomSampler if s else SequentialSampler)(_Utterances(n)), b, d, list(t), st
                            ),
                            repeat=2,
                        )
