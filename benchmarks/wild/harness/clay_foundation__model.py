"""Clay-foundation/model: a foundation model for Earth observation (remote sensing).
claymodel/datamodule.py's ClayDataModule gives ClayDistributedSampler(dataset, platforms,
batch_size) as `batch_sampler=` of its train and validation loaders (batch_size 10 by
default, seven platforms; Lightning sets the epoch); ClaySampler(dataset, platforms,
batch_size) is its single-process variant. Both batch the chips one platform a batch; a
chip's platform is the name of its folder (dataset.chips_path: Paths to .npz chips)."""

import random
from pathlib import Path

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Clay-foundation/model",
    source="github",
    ref="a5790cef6265c479c7d35bd00b92934462811f61",
    domain="remote sensing",
    # the data module's Lightning, yaml/box metadata, einops collate, sklearn split, transforms
    absent=("lightning", "yaml", "box", "einops", "sklearn", "torchvision"),
    empty_init=("claymodel",),  # the fine-tuning data modules it imports
)

PATH = "claymodel/datamodule.py"
PLATFORMS = ["landsat-c2l1", "landsat-c2l2-sr", "linz", "modis", "naip", "sentinel-1-rtc", "sentinel-2-l2a"]


class _Chips:
    """An EODataset as the samplers read it: chips_path, data/<platform>/<chip>.npz."""

    def __init__(self, platforms, low, high, seed):
        rng = random.Random(seed)
        self.chips_path = [
            Path("data", platform, f"chip_{platform}_{i:05d}.npz")
            for platform in platforms
            for i in range(rng.randint(low, high))
        ]
        rng.shuffle(self.chips_path)

    def __len__(self):
        return len(self.chips_path)


def _sets():
    yield "7 platforms, 20-200 chips each", PLATFORMS, _Chips(PLATFORMS, 20, 200, 1)
    yield "2 platforms, 5-40 chips each", PLATFORMS[-2:], _Chips(PLATFORMS[-2:], 5, 40, 2)
    yield "sentinel-2 only, 333 chips", PLATFORMS[-1:], _Chips(PLATFORMS[-1:], 333, 333, 3)


@sampler(PROJECT, PATH, "ClaySampler")
def _(cls, module):
    for name, platforms, data in _sets():
        for batch in (10, 4, 32):
            yield Case(
                f"{name} ({len(data)} chips), batch_size={batch}",
                lambda d=data, p=platforms, b=batch: cls(d, p, b),
            )


@sampler(PROJECT, PATH, "ClayDistributedSampler")
def _(cls, module):
    for name, platforms, data in _sets():
        for batch in (10, 4):
            for world in (1, 2, 4):
                for rank in range(world):
                    for epoch in (0, 1):

                        def build(d=data, p=platforms, b=batch, w=world, r=rank, e=epoch):
                            made = cls(d, p, b, num_replicas=w, rank=r, shuffle=True)
                            made.set_epoch(e)
                            return made

                        yield Case(
                            f"{name} ({len(data)} chips), batch_size={batch}"
                            f" world={world} rank={rank} epoch={epoch}",
                            build,
                        )
