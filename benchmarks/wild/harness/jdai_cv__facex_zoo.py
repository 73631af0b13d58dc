"""JDAI-CV/FaceX-Zoo: face recognition toolbox and its additional modules. DSDG
(heterogeneous face recognition / anti-spoofing with generated data) passes
SeparateBatchSampler(real_data_idx, fake_data_idx, batch_size, ratio) as `batch_sampler=`:
each batch ratio real pairs (NIR/VIS, consecutive indices) and the rest generated ones; DMUE
(facial expression recognition) passes ImbalancedDatasetSampler(train_set) as `sampler=`,
which reads the data set's img_label_list."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="JDAI-CV/FaceX-Zoo",
    source="github",
    ref="16b793a7564a4b9308cf94e62bdb2ffacb3a725a",
    domain="face recognition",
    absent=("PIL", "torchvision", "pandas", "cv2", "imgaug"),
    empty_init=("addition_module.DMUE.datasets",),  # imports the loaders (lmdb, the augmentations)
)

PAIRS = ((2000, 10000), (500, 1000), (64, 5000))  # real images (NIR/VIS pairs), generated samples


def _separate(cls, module):
    for real, fake in PAIRS:
        real_idx = list(range(real))
        fake_idx = list(range(fake // 2))  # the data set lists generated pairs by their first index
        for batch, ratio in ((128, 0.5), (64, 0.5), (64, 0.25), (32, 0.75)):
            yield Case(
                f"{real} real, {fake} generated, batch {batch}, ratio {ratio}",
                lambda r=real_idx, f=fake_idx, b=batch, x=ratio: cls(r, f, batch_size=b, ratio=x),
            )


sampler(PROJECT, "addition_module/DSDG/data/recognition_dataset.py", "SeparateBatchSampler")(_separate)
sampler(PROJECT, "addition_module/DSDG/DUM/Load_OULUNPUcrop_train.py", "SeparateBatchSampler")(_separate)


class Expressions:
    """A facial expression training set as DMUE's data set exposes it."""

    def __init__(self, n, seed):
        rng = random.Random(seed)
        # RAF-DB-like imbalance over 7 expressions
        self.img_label_list = rng.choices(range(7), weights=[30, 5, 5, 40, 10, 5, 5], k=n)

    def __len__(self):
        return len(self.img_label_list)


@sampler(PROJECT, "addition_module/DMUE/datasets/sampler.py", "ImbalancedDatasetSampler")
def _(cls, module):
    for n in (7, 100, 12271):
        data = Expressions(n, n)
        yield Case(f"{n} images", lambda d=data: cls(d))
        yield Case(f"{n} images, num_samples 50", lambda d=data: cls(d, num_samples=50))
        yield Case(
            f"{n} images, the first half", lambda d=data, n=n: cls(d, indices=list(range(max(1, n // 2))))
        )
