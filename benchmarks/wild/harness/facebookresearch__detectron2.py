"""facebookresearch/detectron2: object detection and segmentation. detectron2/data/samplers:
InferenceSampler (each rank's contiguous shard of the test set, build_detection_test_loader)
and GroupedBatchSampler (aspect-ratio grouping over a base sampler, whose len() says it is
not well-defined). TrainingSampler, RandomSubsetTrainingSampler and
RepeatFactorTrainingSampler are endless streams with no __len__: not sampler classes here."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/detectron2",
    source="github",
    ref="02b5c4e295e990042a714712c21dc79b731e8833",
    domain="object detection",
    stubs={
        # The rank and world the samplers read from detectron2.utils.comm: the cases set them.
        "detectron2.utils.comm": (
            "RANK, WORLD = 0, 1\n\n\ndef get_rank():\n    return RANK\n\n\n"
            "def get_world_size():\n    return WORLD\n\n\ndef shared_random_seed():\n    return 0\n"
        ),
    },
    empty_init=("detectron2", "detectron2.data"),
)


def _in_world(rank, world, build):
    import detectron2.utils.comm as comm

    comm.RANK, comm.WORLD = rank, world
    return build()


@sampler(PROJECT, "detectron2/data/samplers/distributed_sampler.py", "InferenceSampler")
def _(cls, module):
    for size in (1, 2, 5, 8, 50, 101, 500):
        for world in (1, 2, 3, 4, 8):
            for rank in range(world):
                yield Case(
                    f"size={size} world={world} rank={rank}",
                    lambda s=size, w=world, r=rank: _in_world(r, w, lambda: cls(s)),
                )


@sampler(PROJECT, "detectron2/data/samplers/grouped_batch_sampler.py", "GroupedBatchSampler")
def _(cls, module):
    import torch.utils.data as tud

    # group ids as build_batch_data_loader's aspect-ratio grouping gives them: 0 for
    # landscape images, 1 for portrait ones
    for n in (4, 17, 64, 150):
        groups = [0 if (i * 7) % 10 < 6 else 1 for i in range(n)]
        for batch in (1, 2, 4, 16):
            for shuffle in (False, True):
                yield Case(
                    f"n={n} two aspect groups batch={batch} shuffle={shuffle}",
                    lambda n=n, g=groups, b=batch, s=shuffle: cls(
                        tud.RandomSampler(range(n)) if s else tud.SequentialSampler(range(n)), g, b
                    ),
                )
