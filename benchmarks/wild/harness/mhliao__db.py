"""MhLiao/DB: scene text detection (differentiable binarisation). data/data_loader.py's
DataLoader gives, with --distributed, DistributedSampler(dataset, shuffle=..., num_replicas=
num_gpus) inside torch's BatchSampler (rank from torch.distributed); InfiniteDataLoader gives
InfiniteOrderedSampler(dataset, limit_size) and RandomSampleDataLoader
RandomSampleSampler(ConcatDataset(datasets), per-dataset weights, size) as `sampler=` (both
2**31 by default: a config sets a smaller limit for a finite run). SuccessiveRandomSampler's
__iter__ reads shuffle, total_size, num_samples and rank, which nothing sets."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="MhLiao/DB",
    source="github",
    ref="65ca77a0bcfbd7114b916cf8a1e9ca85114286ce",
    domain="OCR",
    absent=("imgaug", "concern"),  # the worker seeding, the Configurable loaders: to load only
    empty_init=("data",),  # the data processes (cv2, imgaug, shapely, pyclipper)
)

PATH = "data/data_loader.py"
_SIZES = (1, 15, 500, 1000)  # a single image up to TD500 (500) and IC15 (1000) training sets


class _Images:
    """A text-detection image set as the samplers read it: len()."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


@sampler(PROJECT, PATH, "SuccessiveRandomSampler")
def _(cls, module):
    for size in _SIZES:
        for epoch in (0, 1):

            def build(n=size, e=epoch):
                made = cls(_Images(n))
                made.set_epoch(e)
                return made

            yield Case(f"{size} images, epoch={epoch}", build)


@sampler(PROJECT, PATH, "DistributedSampler")
def _(cls, module):
    for size in _SIZES:
        for world in (1, 2, 4, 8):
            if world > size:
                continue  # it pads once by a copy of the head: its own assert refuses this
            for rank in range(world):
                for shuffle, epoch in ((True, 0), (True, 3), (False, 0)):

                    def build(n=size, w=world, r=rank, s=shuffle, e=epoch):
                        made = cls(_Images(n), num_replicas=w, rank=r, shuffle=s)
                        made.set_epoch(e)
                        return made

                    yield Case(
                        f"{size} images, world={world} rank={rank} shuffle={shuffle} epoch={epoch}", build
                    )


@sampler(PROJECT, PATH, "InfiniteOrderedSampler")
def _(cls, module):
    for size in _SIZES:
        for limit in (1, 64, 2500):
            yield Case(f"{size} images, limit_size={limit}", lambda n=size, lim=limit: cls(_Images(n), lim))


@sampler(PROJECT, PATH, "RandomSampleSampler")
def _(cls, module):
    for sizes, weights in (((1000,), (1.0,)), ((500, 1000), (0.5, 0.5)), ((15, 500), (0.2, 0.8))):
        total = sum(sizes)
        # RandomSampleDataLoader's probabilities: each dataset's weight spread over its items.
        probs = [w / n for n, w in zip(sizes, weights) for _ in range(n)]
        for draws in (16, 640, 5000):
            yield Case(
                f"datasets of {sizes} images, weights {weights}, size={draws}",
                lambda t=total, p=probs, d=draws: cls(_Images(t), p, d),
            )
        yield Case(
            f"datasets of {sizes} images, uniform, size=100",
            lambda t=total: cls(_Images(t), size=100),
        )
