"""The opacus 1.0-1.4.1 BatchSplittingSampler pattern, reduced: a logical batch sampler is
split into physical batches of at most `max_batch_size`, and __len__ rounds the aggregate
ratio down with int(), so the last physical batch is not counted."""

import math
from typing import List

import numpy as np
from torch.utils.data import BatchSampler, Sampler


class SplitSampler(Sampler[List[int]]):
    def __init__(self, *, sampler: BatchSampler, max_batch_size: int):
        self.sampler = sampler
        self.max_batch_size = max_batch_size

    def __iter__(self):
        for batch in self.sampler:
            pieces = np.array_split(batch, math.ceil(len(batch) / self.max_batch_size))
            for piece in pieces:
                yield piece.tolist()

    def __len__(self):
        if isinstance(self.sampler, BatchSampler):
            return int(len(self.sampler) * (self.sampler.batch_size / self.max_batch_size))
        return len(self.sampler)
