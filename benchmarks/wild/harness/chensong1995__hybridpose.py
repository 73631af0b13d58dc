"""chensong1995/HybridPose: 6D object pose estimation (LINEMOD). src/train_core.py gives
ImageSizeBatchSampler(RandomSampler(train_set), batch_size) as `batch_sampler=`: batches
of (index, height, width), a random image size drawn for each batch."""

import torch.utils.data as tud

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="chensong1995/HybridPose",
    source="github",
    ref="e9a4bb6115a9d3609cdf9b48691528aea3e17f20",
    domain="6D pose estimation",
    empty_init=("lib",),
)


@sampler(PROJECT, "lib/datasets/sampler.py", "ImageSizeBatchSampler")
def _(cls, module):
    for n in (1, 10, 1214, 3000):  # a LINEMOD object's training images, with synthetic ones
        for batch in (1, 4, 10, 32):
            for drop_last in (False, True):
                yield Case(
                    f"n={n} batch_size={batch} drop_last={drop_last}",
                    lambda n=n, b=batch, d=drop_last: cls(tud.RandomSampler(range(n)), b, drop_last=d),
                )
