"""SysCV/vis4d: 4D vision (detection, tracking, segmentation on images and video).
vis4d/data/loader.py: build_train_dataloader wraps the training sampler in
AspectRatioBatchSampler(sampler, batch_size, drop_last) when aspect-ratio grouping is on,
reading each sample's input_hw from the data set; build_inference_dataloaders passes
VideoInferenceSampler(dataset) (every rank its share of whole videos, in order) as
`sampler=` of a video data set in distributed inference."""

import random

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="SysCV/vis4d",
    source="github",
    ref="d1413746246f5f60c6302d8a66bc7a45b836ff2b",
    domain="video object detection and tracking",
    # samplers.py's imports: the keys, the video data set base (its data pipeline) and typing
    stubs={
        "vis4d.data.const": "class CommonKeys:\n    input_hw = 'input_hw'\n",
        "vis4d.data.typing": "DictDataOrList = dict\n",
        "vis4d.data.datasets.base": (
            "class VideoDataset:\n    def __init__(self, videos):\n"
            "        self.video_mapping = {'video_to_indices': videos}\n\n"
            "    def __len__(self):\n"
            "        return sum(len(v) for v in self.video_mapping['video_to_indices'].values())\n"
        ),
    },
    empty_init=("vis4d", "vis4d.data", "vis4d.data.datasets"),
)


def _videos(count, frames, seed):
    from vis4d.data.datasets.base import VideoDataset

    rng = random.Random(seed)
    videos, start = {}, 0
    for v in range(count):
        n = rng.randint(*frames)
        videos[f"video{v:03d}"] = list(range(start, start + n))
        start += n
    return VideoDataset(videos)


@sampler(PROJECT, "vis4d/data/samplers.py", "VideoInferenceSampler")
def _(cls, module):
    # BDD100K-like (200 videos of ~200 frames), MOT-like (7 videos of 500-1050), tiny
    for count, frames in ((200, (180, 210)), (7, (500, 1050)), (4, (1, 3))):
        data = _videos(count, frames, count)
        for world in (1, 2, 4):
            if world > count:
                continue  # the class asserts a video for every rank
            for rank in range(world):
                yield Case(
                    f"{count} videos of {frames[0]}-{frames[1]} frames, rank {rank} of {world}",
                    lambda d=data, w=world, r=rank: cls(d, num_replicas=w, rank=r),
                )


def _images(n, seed):
    rng = random.Random(seed)
    return [
        {"input_hw": rng.choice([(720, 1280), (1280, 720), (480, 640), (640, 480), (512, 512)])}
        for _ in range(n)
    ]


@sampler(PROJECT, "vis4d/data/samplers.py", "AspectRatioBatchSampler")
def _(cls, module):
    for n in (1, 9, 100, 333):
        images = _images(n, n)
        for batch in (1, 2, 4, 16):
            for drop_last in (False, True):
                yield Case(
                    f"SequentialSampler over {n} images, batch {batch}, drop_last={drop_last}",
                    lambda d=images, b=batch, x=drop_last: cls(torch.utils.data.SequentialSampler(d), b, x),
                )
                yield Case(
                    f"RandomSampler over {n} images, batch {batch}, drop_last={drop_last}",
                    lambda d=images, b=batch, x=drop_last: cls(torch.utils.data.RandomSampler(d), b, x),
                    epochs=5,
                )
