"""lucasdelimanogueira/PyNorch: a deep-learning library written from scratch (C/CUDA
tensors, PyTorch-like API). norch/utils/data/distributed.py: DistributedSampler, each rank
every num_replicas-th index of the dataset padded from its start; the README and
examples/train_multigpu.py build it over a dataset with the world size and rank, its
tests with 8 replicas over MNIST."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="lucasdelimanogueira/PyNorch",
    source="github",
    ref="862917432f2f1ff42e166ad6c42bcdf55104af73",
    domain="general training library: from-scratch framework (distributed sampler)",
    # norch's __init__s load its compiled tensor library; the sampler needs numpy only
    empty_init=("norch", "norch.utils", "norch.utils.data"),
)


class _Digits:
    """A map-style dataset as its MNIST split: (image, label) pairs."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return [[0.0] * 28] * 28, i % 10


@sampler(PROJECT, "norch/utils/data/distributed.py", "DistributedSampler")
def _(cls, module):
    for n in (1, 9, 100, 1000):
        for world in (1, 2, 3, 8):
            if world > n:
                continue  # it pads with indices[:pad % n] and asserts the total: a world above n fails its check
            for rank in range(world):
                yield Case(
                    f"n={n} num_replicas={world} rank={rank}",
                    lambda n=n, w=world, r=rank: cls(dataset=_Digits(n), num_replicas=w, rank=r),
                )
