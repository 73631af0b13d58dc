"""xomicsdatascience/machine-translation: a German-English transformer (Lightning).
src/machine_translation/data/LengthBatchSampler.py: batches of its sampler's indices sorted
by token count, shuffled when the sampler is a RandomSampler; the data module wraps a
RandomSampler (train) or SequentialSampler (val/test) over LineIndexDataset and passes the
dataset, whose `lengths` are the token counts of its line pairs."""

import torch
from torch.utils.data import DistributedSampler, RandomSampler, SequentialSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="xomicsdatascience/machine-translation",
    source="github",
    ref="80efa0f5cc3dbe2118a5820b42f2022bc8e936e6",
    domain="NLP: machine translation (length-sorted batches)",
    root="src",
    # both __init__s import the Lightning data module and model; the sampler needs neither.
    empty_init=("machine_translation", "machine_translation.data"),
)


class _LinePairs(torch.utils.data.Dataset):
    """LineIndexDataset as the sampler reads it: `lengths` of every line pair, and a length
    capped at num_training_samples."""

    def __init__(self, n, num_training_samples=None):
        self.lengths = [3 + (i * 29) % 97 for i in range(n)]
        self.num_training_samples = num_training_samples

    def __len__(self):
        if self.num_training_samples is None:
            return len(self.lengths)
        return min(len(self.lengths), self.num_training_samples)

    def __getitem__(self, i):
        return torch.zeros(self.lengths[i]), torch.zeros(self.lengths[i])


@sampler(PROJECT, "src/machine_translation/data/LengthBatchSampler.py", "LengthBatchSampler")
def _(cls, module):
    for n, cap in ((1, None), (10, None), (257, None), (257, 100)):
        for batch_size in (1, 4, 32):
            for drop_last in (False, True):
                label = f"n={n} num_training_samples={cap} batch_size={batch_size} drop_last={drop_last}"
                for kind, make in (("RandomSampler", RandomSampler), ("SequentialSampler", SequentialSampler)):
                    yield Case(
                        f"{kind} {label}",
                        lambda n=n, c=cap, b=batch_size, d=drop_last, make=make: cls(
                            make(_LinePairs(n, c)), batch_size=b, drop_last=d, dataset=_LinePairs(n, c)
                        ),
                        repeat=2,
                    )
                for world in (2, 3):
                    for rank in range(world):
                        yield Case(
                            f"DistributedSampler replicas={world} rank={rank} {label}",
                            lambda n=n, c=cap, b=batch_size, d=drop_last, w=world, r=rank: cls(
                                DistributedSampler(_LinePairs(n, c), num_replicas=w, rank=r),
                                batch_size=b, drop_last=d, dataset=_LinePairs(n, c),
                            ),
                        )
