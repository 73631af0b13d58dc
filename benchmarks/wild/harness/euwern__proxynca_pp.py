"""euwern/proxynca_pp: deep metric learning (ProxyNCA++) on CUB, Cars, SOP, In-Shop. train.py
gives RandomBatchSampler(tr_dataset.ys, sz_batch, True, num_class_per_batch, num_gradcum) or,
when the config's is_random_sampler is False (the configs' choice),
BalancedBatchSampler(torch.Tensor(tr_dataset.ys), num_class_per_batch,
sz_batch // num_class_per_batch) as `batch_sampler=` (sz_batch 32, 8 classes a batch,
num_gradcum 1). ys are the training classes' labels, 0..C-1 (CUB: 100 classes of ~60
images; Cars: 98 of ~82)."""

import random

import torch

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="euwern/proxynca_pp",
    source="github",
    ref="217233d29a89a89766658396a598b896d17a5814",
    domain="metric learning",
    absent=("torchvision", "PIL"),  # the transforms of dataset/utils.py: to load only
    empty_init=("dataset",),  # the hdf5 datasets (h5py), the rlimit change
)

PATH = "dataset/utils.py"


def _ys(classes, low, high, seed):
    rng = random.Random(seed)
    return [c for c in range(classes) for _ in range(rng.randint(low, high))]


def _sets():
    yield "CUB-like: 100 classes, 41-60 images", _ys(100, 41, 60, 1)
    yield "Cars-like: 98 classes, 60-100 images", _ys(98, 60, 100, 2)
    yield "SOP-like: 300 classes, 2-12 images", _ys(300, 2, 12, 3)
    yield "a small set: 10 classes x 64 images", _ys(10, 64, 64, 4)


@sampler(PROJECT, PATH, "RandomBatchSampler")
def _(cls, module):
    for name, ys in _sets():
        for batch, per_batch, gradcum in ((32, 8, 1), (32, 4, 2), (64, 16, 1)):
            for drop_last in (True, False):
                yield Case(
                    f"{name} ({len(ys)} images), sz_batch={batch} drop_last={drop_last}"
                    f" num_class_per_batch={per_batch} num_gradcum={gradcum}",
                    lambda y=ys, b=batch, d=drop_last, p=per_batch, g=gradcum: cls(y, b, d, p, g),
                )


@sampler(PROJECT, PATH, "BalancedBatchSampler")
def _(cls, module):
    for name, ys in _sets():
        for batch, per_batch in ((32, 8), (32, 4), (64, 16)):
            if per_batch > len(set(ys)):
                continue  # more classes a batch than the set has: np.random.choice refuses
            yield Case(
                f"{name} ({len(ys)} images), sz_batch={batch} num_class_per_batch={per_batch}, two epochs",
                lambda y=ys, b=batch, p=per_batch: cls(torch.Tensor(y), p, b // p),
                repeat=2,
            )


not_run(
    PROJECT,
    PATH,
    "BatchSampler",
    "its __init__ calls dataset.pop_class_list() and resel_random_classes(), which no dataset"
    " of the project defines (train.py never builds it): no legitimate dataset to pass",
)
