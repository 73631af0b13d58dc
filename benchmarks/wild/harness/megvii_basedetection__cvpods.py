"""Megvii-BaseDetection/cvpods: object detection and segmentation. cvpods/data/samplers: the
InferenceSampler of build_test_loader (each rank's contiguous shard), the aspect-ratio
GroupedBatchSampler of the training loader (its len() says it is not well-defined),
DistributedGroupSampler(dataset, images_per_minibatch, num_devices, rank) of
build_train_loader, and GroupSampler and DistributedSampler beside them. The datasets give
`aspect_ratios` (1 for landscape images, 0 for portrait ones). TrainingSampler and
RepeatFactorTrainingSampler are endless streams with no __len__, Infinite an endless wrapper
with none either: not sampler classes here."""

import numpy as np
import torch.utils.data as tud

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Megvii-BaseDetection/cvpods",
    source="github",
    ref="2deea5dc659371318c8a570c644201d913a83027",
    domain="object detection",
    stubs={
        # cvpods.utils' __init__ loads the whole toolbox (loggers, visualizers, metrics);
        # the samplers read comm's rank and world (the cases set them) and register
        # themselves in a Registry
        "cvpods.utils": (
            "class comm:\n"
            "    RANK, WORLD = 0, 1\n\n"
            "    @staticmethod\n    def get_rank():\n        return comm.RANK\n\n"
            "    @staticmethod\n    def get_world_size():\n        return comm.WORLD\n\n"
            "    @staticmethod\n    def shared_random_seed():\n        return 0\n\n\n"
            "class Registry:\n"
            "    def __init__(self, name):\n        self.name = name\n\n"
            "    def register(self, obj=None):\n"
            "        return obj if obj is not None else (lambda cls: cls)\n"
        ),
    },
    empty_init=("cvpods", "cvpods.data"),
)

SAMPLERS = "cvpods/data/samplers/"


class _Images:
    """A COCO-like detection set as the group samplers read it: len() and aspect_ratios."""

    def __init__(self, n, landscape_only=False):
        self.aspect_ratios = np.array(
            [1 if landscape_only or (i * 7) % 10 < 6 else 0 for i in range(n)], dtype=np.int64
        )

    def __len__(self):
        return len(self.aspect_ratios)


def _in_world(rank, world, build):
    from cvpods.utils import comm

    comm.RANK, comm.WORLD = rank, world
    return build()


def _worlds(n):
    for world in (1, 2, 3, 8):
        if world <= n:
            for rank in range(world):
                yield world, rank


@sampler(PROJECT, SAMPLERS + "distributed_sampler.py", "InferenceSampler")
def _(cls, module):
    for size in (1, 2, 5, 8, 50, 101, 500):
        for world in (1, 2, 3, 4, 8):
            for rank in range(world):
                yield Case(
                    f"size={size} world={world} rank={rank}",
                    lambda s=size, w=world, r=rank: _in_world(r, w, lambda: cls(s)),
                )


@sampler(PROJECT, SAMPLERS + "grouped_batch_sampler.py", "GroupedBatchSampler")
def _(cls, module):
    for n in (4, 17, 64, 150):
        groups = _Images(n).aspect_ratios
        for batch in (1, 2, 4, 16):
            yield Case(
                f"n={n} two aspect groups batch={batch}",
                lambda n=n, g=groups, b=batch: cls(tud.RandomSampler(range(n)), g, b),
            )


@sampler(PROJECT, SAMPLERS + "sampler.py", "DistributedSampler")
def _(cls, module):
    for n in (1, 7, 64, 101):
        for world, rank in _worlds(n):
            for shuffle in (True, False):
                for epoch in (0, 3):

                    def build(n=n, w=world, r=rank, s=shuffle, e=epoch):
                        made = cls(range(n), num_replicas=w, rank=r, shuffle=s)
                        made.set_epoch(e)
                        return made

                    yield Case(f"n={n} world={world} rank={rank} shuffle={shuffle} epoch={epoch}", build)


@sampler(PROJECT, SAMPLERS + "sampler.py", "GroupSampler")
def _(cls, module):
    for n in (1, 7, 64, 101):
        for landscape_only in (False, True):
            for per_gpu in (1, 2, 4):
                yield Case(
                    f"n={n} landscape only={landscape_only} samples_per_gpu={per_gpu}",
                    lambda n=n, o=landscape_only, p=per_gpu: cls(_Images(n, o), p),
                )


@sampler(PROJECT, SAMPLERS + "sampler.py", "DistributedGroupSampler")
def _(cls, module):
    for n in (4, 7, 64, 101):
        for landscape_only in (False, True):
            for per_gpu in (1, 2, 4):
                for world, rank in _worlds(n):
                    for epoch in (0, 3):

                        def build(n=n, o=landscape_only, p=per_gpu, w=world, r=rank, e=epoch):
                            made = cls(_Images(n, o), p, w, r)
                            made.set_epoch(e)
                            return made

                        yield Case(
                            f"n={n} landscape only={landscape_only} samples_per_gpu={per_gpu} "
                            f"world={world} rank={rank} epoch={epoch}",
                            build,
                        )
