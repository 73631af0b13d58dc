"""suruoxi/DistanceWeightedSampling: deep metric learning ("Sampling Matters in Deep
Embedding Learning", margin loss). train.py passes BalancedBatchSampler(ImageFolder train
set, batch_size, batch_k, length=batch_num) as `batch_sampler=` (CUB-200: 100 training
classes, batch 70, K 5, batch_num 5000, breaking out of the loop at batch_num). The sampler
reads an ImageFolder's `imgs` (or an MNIST's train_labels) by exact type."""

import random

from wild.entry import Case, Project, sampler

_DATASETS = """\
class MNIST:
    def __init__(self, train_labels):
        self.train_labels = train_labels

    def __len__(self):
        return len(self.train_labels)


class ImageFolder:
    def __init__(self, imgs):
        self.imgs = imgs

    def __len__(self):
        return len(self.imgs)
"""

PROJECT = Project(
    name="suruoxi/DistanceWeightedSampling",
    source="github",
    ref="ea8561ad0e6d6e728e3ec121fd8cf500c52f83f8",
    domain="metric learning",
    # The sampler checks `type(dataset) is torchvision.datasets.ImageFolder`: a stand-in
    # package with the two classes it names, built with the attributes it reads.
    stubs={"torchvision": "from . import datasets\n", "torchvision.datasets": _DATASETS},
)


def _folder(module, classes, per_class, seed):
    rng = random.Random(seed)
    imgs = []
    for label in range(classes):
        imgs += [(f"{label:03d}/{i}.jpg", label) for i in range(rng.randint(*per_class))]
    return module.torchvision.datasets.ImageFolder(imgs)


@sampler(PROJECT, "sampler.py", "BalancedBatchSampler")
def _(cls, module):
    # CUB-200 training half (100 classes of ~60) and a small folder
    for classes, per_class in ((100, (41, 60)), (12, (5, 9))):
        data = _folder(module, classes, per_class, classes)
        for batch, k in ((70, 5), (40, 4), (20, 5)):
            if batch // k >= classes:
                continue  # train.py asserts batch_size // batch_k < classes
            for length in (1, 50, 500):
                yield Case(
                    f"{classes} classes, batch {batch}, K {k}, length {length}",
                    lambda d=data, b=batch, k=k, n=length: cls(d, b, k, length=n),
                )
    # length=None (the default): len() counts K-subsets of the largest and smallest class
    data = _folder(module, 6, (5, 7), 6)
    yield Case("6 classes of 5-7 images, batch 4, K 2, length None", lambda: cls(data, 4, 2))
    labels = [i % 10 for i in range(200)]
    mnist = module.torchvision.datasets.MNIST(__import__("torch").tensor(labels))
    yield Case("MNIST-like 10 labels x 20, batch 8, K 4, length 100", lambda: cls(mnist, 8, 4, length=100))
