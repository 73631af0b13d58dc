"""ftramer/Handcrafted-DP: differentially private learning on handcrafted (ScatterNet)
features. data.py: get_scattered_loader(..., sample_batches=True) gives
PoissonSampler(len(scatters), loader.batch_size) as `batch_sampler=` (ceil(n / batch)
draws, each index in with probability batch / n), and tiny_images.py gives
SemiSupervisedSampler(data_size, ceil(50000 / mini_batch_size), mini_batch_size) for the
CIFAR-10 + Tiny Images training set. PoissonSampler indexes with `np.bool`, the alias of the
NumPy the project was written for (removed in NumPy 1.24): the cases give it back."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ftramer/Handcrafted-DP",
    source="github",
    ref="6568e8f74d93b5e39c5e7a612962ddf34acaa22c",
    domain="differential privacy",
    absent=("torchvision", "kymatio"),  # the datasets and the scattering transform
)


def _old_numpy():
    if "bool" not in np.__dict__:
        np.bool = bool


@sampler(PROJECT, "data.py", "PoissonSampler")
def _(cls, module):
    _old_numpy()
    for n, batch in ((50000, 512), (60000, 1024), (1000, 64), (100, 1), (30, 8)):
        yield Case(f"n={n} batch_size={batch}", lambda n=n, b=batch: cls(n, b))


@sampler(PROJECT, "data.py", "SemiSupervisedSampler")
def _(cls, module):
    for data_size in (10000, 50000, 500000):
        for batch in (256, 512, 1024, 100000):
            num_batches = -(-50000 // batch)
            yield Case(
                f"data_size={data_size} mini_batch_size={batch} ({num_batches} batches)",
                lambda d=data_size, k=num_batches, b=batch: cls(d, k, b),
            )
