"""adambielski/siamese-triplet: metric learning (online triplet / contrastive pairs).
BalancedBatchSampler(labels, n_classes, n_samples) is the `batch_sampler=` of the online
pair and triplet loaders (README, Experiments notebook: the MNIST / FashionMNIST
train_labels tensor, 10 classes x 25 samples)."""

import torch

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import class_labels

PROJECT = Project(
    name="adambielski/siamese-triplet",
    source="github",
    ref="0c719f9e8f59fa386e8c59d10b2ddde9fac46276",
    domain="metric learning",
    absent=("PIL",),
)


@sampler(PROJECT, "datasets.py", "BalancedBatchSampler")
def _(cls, module):
    for n in (250, 600, 1000, 2017):
        # MNIST-like: 10 classes of about equal size, in random order
        g = torch.Generator().manual_seed(n)
        labels = torch.randint(0, 10, (n,), generator=g)
        for n_classes, n_samples in ((10, 25), (5, 10), (3, 4)):
            yield Case(
                f"{n} labels (10 classes), {n_classes} classes x {n_samples} samples",
                lambda l=labels, c=n_classes, s=n_samples: cls(l, c, s),
            )
    labels = torch.tensor(class_labels(40, seed=1, low=2, high=20))
    yield Case(f"{len(labels)} labels (40 classes of 2-20)", lambda l=labels: cls(l, 8, 4))
