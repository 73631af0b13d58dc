"""Megvii-BaseDetection/YOLOX: object detection. exp/yolox_base.py's get_data_loader gives
YoloBatchSampler(sampler=InfiniteSampler(len(dataset), seed=...), batch_size=...,
drop_last=False, mosaic=...) as `batch_sampler=` (endless: training is iteration-based).
YoloBatchSampler is run here over torch's RandomSampler (dataloading.DataLoader's default):
over InfiniteSampler its len() is torch's BatchSampler arithmetic on the inner len(), whose
mismatch is InfiniteSampler's own row. InfiniteSampler takes rank and world_size when
torch.distributed is not initialised."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Megvii-BaseDetection/YOLOX",
    source="github",
    ref="6ddff4824372906469a7fae2dc3206c7aa4bbaee",
    domain="detection",
    empty_init=("yolox.data",),  # augmentations (cv2), the datasets (pycocotools)
)

PATH = "yolox/data/samplers.py"
_SIZES = (7, 64, 118)  # images: a tiny custom set up to a COCO-like slice


@sampler(PROJECT, PATH, "InfiniteSampler")
def _(cls, module):
    for size in _SIZES:
        for shuffle in (True, False):
            for world in (1, 2, 4):
                for rank in range(world):
                    yield Case(
                        f"{size} images, shuffle={shuffle} world={world} rank={rank}",
                        lambda n=size, s=shuffle, w=world, r=rank: cls(
                            n, shuffle=s, seed=0, rank=r, world_size=w
                        ),
                    )


@sampler(PROJECT, PATH, "YoloBatchSampler")
def _(cls, module):
    for size in _SIZES:
        for batch in (1, 8, 16):
            for drop_last in (False, True):
                for mosaic in (True, False):
                    yield Case(
                        f"RandomSampler over {size} images, batch_size={batch} drop_last={drop_last}"
                        f" mosaic={mosaic}",
                        lambda n=size, b=batch, d=drop_last, m=mosaic: cls(
                            torch.utils.data.RandomSampler(range(n)), b, d, mosaic=m
                        ),
                    )
