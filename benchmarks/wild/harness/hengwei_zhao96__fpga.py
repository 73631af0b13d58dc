"""Hengwei-Zhao96/FPGA: hyperspectral remote sensing image classification (fast patch-free
global learning). data/dataloader.py passes MinibatchSampler(dataset) as `sampler=` (batch
size 1) of a FullImageDataset: the whole padded scene with num_train_samples_per_class
labelled pixels a class drawn once, split into stratified minibatches of sub_minibatch pixels
a class; every epoch the sampler redraws the minibatches before shuffling their order. The
scenes (Pavia University, Salinas, GRSS 2013) are stand-ins of the same shape: an H x W x
bands cube and a label mask of 16 classes (0 unlabelled)."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Hengwei-Zhao96/FPGA",
    source="github",
    ref="fce4b68f66e6939583b5a67663f79c4d22241afc",
    domain="remote sensing (hyperspectral)",
)


def _scene(height, width, bands, seed):
    rng = np.random.RandomState(seed)
    image = rng.rand(height, width, bands).astype(np.float32)
    mask = rng.randint(0, 17, size=(height, width))
    return image, mask


@sampler(PROJECT, "data/base_data/base_sampler.py", "MinibatchSampler")
def _(cls, module):
    from data.base_data.base_dataset import FullImageDataset

    for height, width, bands in ((40, 36, 8), (96, 64, 4)):
        image, mask = _scene(height, width, bands, height)
        for per_class, minibatch in ((5, 1), (20, 10), (20, 7), (200, 10)):
            yield Case(
                f"{height}x{width}x{bands} scene, {per_class} labelled pixels a class, "
                f"sub_minibatch {minibatch}",
                lambda i=image, m=mask, p=per_class, b=minibatch: cls(
                    FullImageDataset(i, m, True, num_train_samples_per_class=p, sub_minibatch=b)
                ),
                repeat=3,
            )
        yield Case(
            f"{height}x{width}x{bands} scene, test split",
            lambda i=image, m=mask: cls(FullImageDataset(i, m, False)),
        )
