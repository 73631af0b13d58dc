"""DigitalLifeYZQiu/Large-Time-Series-Model: Timer, generative pre-trained transformers for
time series (a THUML codebase). utils/sampler.py: DynamicBatchSampler, consecutive batches
of the sizes given (cycled; a list of several must sum to the dataset's length);
data_provider/data_factory.py builds it over the T3O windows with [500] (train) or [600]
(test)."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="DigitalLifeYZQiu/Large-Time-Series-Model",
    source="github",
    ref="920084038738d2ade73a20ba4ebf3bebceaaf325",
    domain="time series: foundation model pre-training (sized batches)",
)


class _Windows(torch.utils.data.Dataset):
    """Sliding windows of a multivariate series: (seq_x, seq_y, marks)."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.zeros(96, 1), torch.zeros(96, 1), torch.zeros(96, 4), torch.zeros(96, 4)


@sampler(PROJECT, "utils/sampler.py", "DynamicBatchSampler")
def _(cls, module):
    for n in (1, 37, 500, 1234):
        for sizes in ([500], [600], [32], [1]):
            yield Case(f"n={n} batch_sizes={sizes}", lambda n=n, s=sizes: cls(_Windows(n), list(s)), repeat=2)
    # several sizes: they must add up to the dataset's length (its own assertion)
    for sizes in ([2, 3, 5], [7], [100, 1, 50, 49], [3, 3, 3, 1]):
        n = sum(sizes)
        yield Case(f"n={n} batch_sizes={sizes}", lambda n=n, s=sizes: cls(_Windows(n), list(s)), repeat=2)
