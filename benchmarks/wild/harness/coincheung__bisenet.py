"""CoinCheung/BiSeNet: real-time semantic segmentation (BiSeNet V1/V2). lib/data/
get_dataloader.py, in distributed training, gives RepeatedDistSampler(ds, ims_per_gpu *
world * max_iter, shuffle) to a BatchSampler: the dataset repeated (a seeded permutation each
pass) up to the images of max_iter iterations, this rank's stride of them. old/bisenetv2/
sampler.py is the earlier version (without the `ba` option)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="CoinCheung/BiSeNet",
    source="github",
    ref="6b4b67a8e3eb0cc23b3d7a94843a7c3c11dedca8",
    domain="semantic segmentation",
    empty_init=("lib.data",),  # the datasets and transforms (cv2)
)

# (dataset size, images a GPU, iterations): Cityscapes and CamVid-like sets, short schedules
SETTINGS = ((2975, 8, 100), (2975, 8, 7), (367, 16, 50), (500, 2, 3))


def _cases(cls, options):
    for n, per_gpu, iterations in SETTINGS:
        for world in (1, 2, 4, 8):
            for rank in range(world):
                for shuffle in (True, False):
                    for label, extra in options:
                        yield Case(
                            f"n={n} ims_per_gpu={per_gpu} max_iter={iterations} world={world} rank={rank} "
                            f"shuffle={shuffle}{label}",
                            lambda n=n, k=per_gpu * world * iterations, w=world, r=rank, s=shuffle, x=extra: (
                                cls(range(n), k, num_replicas=w, rank=r, shuffle=s, **x)
                            ),
                        )


@sampler(PROJECT, "lib/data/sampler.py", "RepeatedDistSampler")
def _(cls, module):
    yield from _cases(cls, (("", {}), (" ba=True", {"ba": True})))


@sampler(PROJECT, "old/bisenetv2/sampler.py", "RepeatedDistSampler")
def _(cls, module):
    yield from _cases(cls, (("", {}),))
