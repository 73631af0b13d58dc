"""fundamentalvision/Deformable-DETR: object detection. Its distributed samplers (main.py):
the plain one, and the one that splits the dataset by node when images are cached in memory
(cache_mode), each GPU of a node reading the items of its local rank."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="fundamentalvision/Deformable-DETR",
    source="github",
    ref="11169a60c33333af00a4849f1808023eba96a931",
    domain="object detection",
    root="",
    empty_init=("datasets",),  # imports the COCO datasets (pycocotools, torchvision)
)

SIZES = (4, 7, 10, 23, 64, 101)


@sampler(PROJECT, "datasets/samplers.py", "DistributedSampler")
def _(cls, module):
    for n in SIZES:
        for replicas in (1, 2, 3, 4):
            for rank in range(replicas):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} replicas={replicas} rank={rank} shuffle={shuffle}",
                        lambda n=n, r=replicas, k=rank, s=shuffle: cls(list(range(n)), num_replicas=r, rank=k, shuffle=s),
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
                        lambda n=n, r=replicas, l=local, k=rank, s=shuffle: cls(
                            list(range(n)), num_replicas=r, rank=k, local_rank=k % l, local_size=l, shuffle=s
                        ),
                    )
