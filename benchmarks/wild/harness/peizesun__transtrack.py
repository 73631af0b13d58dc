"""PeizeSun/TransTrack: multiple object tracking with transformers (video). Its samplers
(main_track.py): the distributed and node-local samplers of training (Deformable DETR's),
and, for distributed evaluation, the video sampler adapted from qdtrack that gives each rank
whole sequences split at their first frame (frame_id == --start_id, 1 for MOT17)."""

import contextlib

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="PeizeSun/TransTrack",
    source="github",
    ref="91cfaa7217e62204062ba6719723625225e072a6",
    domain="video understanding",
    root="",
    empty_init=("datasets",),  # imports the COCO/MOT datasets (pycocotools, torchvision)
)

SIZES = (4, 7, 10, 23, 64, 101)

# Frames per MOT17 sequence, scaled down, uneven.
SEQUENCES = {
    "3 sequences": [9, 4, 12],
    "7 sequences": [12, 5, 8, 3, 10, 7, 2],
    "12 sequences": [(i * 5) % 13 + 2 for i in range(12)],
}


class _Coco:
    def __init__(self, imgs):
        self.imgs = imgs


class _MOT:
    """The MOT CocoDetection as the video sampler reads it: ids (image ids in dataset order) and
    coco.imgs with each image's frame_id, counted from 1 in each sequence."""

    def __init__(self, lengths):
        self.ids = []
        imgs = {}
        for s, length in enumerate(lengths):
            for f in range(1, length + 1):
                image_id = 10000 * (s + 1) + f
                self.ids.append(image_id)
                imgs[image_id] = {"id": image_id, "frame_id": f, "video_id": s + 1}
        self.coco = _Coco(imgs)

    def __len__(self):
        return len(self.ids)


@contextlib.contextmanager
def _world(size, rank):
    """torch.distributed as a process of a group of `size` sees it (main_track.py passes no
    num_replicas or rank: the sampler asks)."""
    import torch.distributed as dist

    saved = {name: getattr(dist, name) for name in ("is_available", "get_world_size", "get_rank")}
    dist.is_available = lambda: True
    dist.get_world_size = lambda group=None: size
    dist.get_rank = lambda group=None: rank
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(dist, name, value)


@sampler(PROJECT, "datasets/sampler_video_distributed.py", "DistributedVideoSampler")
def _(cls, module):
    for name, lengths in SEQUENCES.items():
        for world in (1, 2, 3, 4):
            if world > len(lengths):  # fewer sequences than GPUs: a chunk has no first frame
                continue
            for rank in range(world):

                def build(lens=lengths, w=world, k=rank):
                    with _world(w, k):
                        return cls(_MOT(lens), start_id=1, shuffle=False)

                yield Case(f"{name} world={world} rank={rank}", build, marker="max([len(indice)")


@sampler(PROJECT, "datasets/samplers.py", "DistributedSampler")
def _(cls, module):
    for n in SIZES:
        for replicas in (1, 2, 3, 4):
            for rank in range(replicas):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} replicas={replicas} rank={rank} shuffle={shuffle}",
                        lambda n=n, r=replicas, k=rank, s=shuffle: cls(
                            list(range(n)), num_replicas=r, rank=k, shuffle=s
                        ),
                    )


@sampler(PROJECT, "datasets/samplers.py", "NodeDistributedSampler")
def _(cls, module):
    # world size, GPUs per node (LOCAL_SIZE); a rank's local rank is rank % local_size.
    for n in SIZES:
        for replicas, local in ((1, 1), (2, 1), (2, 2), (4, 2), (4, 4)):
            for rank in range(replicas):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} replicas={replicas} local_size={local} rank={rank} shuffle={shuffle}",
                        lambda n=n, r=replicas, loc=local, k=rank, s=shuffle: cls(
                            list(range(n)),
                            num_replicas=r,
                            rank=k,
                            local_rank=k % loc,
                            local_size=loc,
                            shuffle=s,
                        ),
                    )
