"""neggles/neurosis: SDXL-style diffusion training with aspect-ratio buckets. Its data
modules (dataset/imagefolder/aspect.py, dataset/mongo/aspect.py) give
AspectDistributedSampler(dataset) as `batch_sampler=` (the mongo one keeps an
AspectBucketSampler(dataset) around too). Both take the dataset's get_batch_iterator():
one batch of `batch_size` images of one bucket per whole batch a bucket holds (buckets
smaller than a batch are left out), bucket order shuffled; the distributed one then
shards the list of batches like torch's DistributedSampler, set_epoch reshuffling it."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="neggles/neurosis",
    source="github",
    ref="c0cd9e0a9fa32a49afa11b35aea811058f774941",
    domain="generative models",
    root="src",
    absent=("pandas", "PIL", "torchvision"),  # aspect/base.py's dataset base: to load only
    empty_init=("neurosis",),  # version, einops, rich, pandas
)

PATH = "src/neurosis/dataset/aspect/sampler.py"


class _BucketedImages:
    """What the samplers read of ImageFolderDataset: batch_size, len() (its images) and
    get_batch_iterator(), the same schedule as the project's (whole batches a bucket,
    bucket order and in-bucket order shuffled)."""

    def __init__(self, sizes, batch_size):
        self.batch_size = batch_size
        self.buckets, start = [], 0
        for size in sizes:
            self.buckets.append(list(range(start, start + size)))
            start += size

    def __len__(self):
        return sum(len(bucket) for bucket in self.buckets)

    def get_batch_iterator(self):
        schedule = [b for b, bucket in enumerate(self.buckets) for _ in range(len(bucket) // self.batch_size)]
        np.random.shuffle(schedule)
        order = [np.random.permutation(bucket).tolist() for bucket in self.buckets]
        taken = [0] * len(self.buckets)

        def batch_iterator():
            for b in schedule:
                yield order[b][taken[b] : taken[b] + self.batch_size]
                taken[b] += self.batch_size

        return batch_iterator()


def _datasets():
    rng = random.Random(7)
    for buckets, images in ((1, 40), (5, 100), (31, 600)):
        sizes = [rng.randint(1, 2 * images // buckets) for _ in range(buckets)]
        for batch in (1, 4, 8):
            yield f"{buckets} buckets ({sum(sizes)} images), batch_size={batch}", sizes, batch


@sampler(PROJECT, PATH, "AspectBucketSampler")
def _(cls, module):
    for config, sizes, batch in _datasets():
        yield Case(config, lambda s=sizes, b=batch: cls(_BucketedImages(s, b)))


@sampler(PROJECT, PATH, "AspectDistributedSampler")
def _(cls, module):
    for config, sizes, batch in _datasets():
        for world in (1, 2, 3):
            for rank in range(world):
                for shuffle, drop_last in ((True, False), (False, False), (True, True)):
                    for epoch in (0, 3):

                        def build(s=sizes, b=batch, w=world, r=rank, sh=shuffle, d=drop_last, e=epoch):
                            made = cls(_BucketedImages(s, b), num_replicas=w, rank=r, shuffle=sh, drop_last=d)
                            made.set_epoch(e)
                            return made

                        yield Case(
                            f"{config}, world={world} rank={rank} shuffle={shuffle} drop_last={drop_last}"
                            f" epoch={epoch}",
                            build,
                        )
