"""facebookresearch/PointContrast: self-supervised pre-training on 3D point clouds. The
downstream segmentation loader (downstream/semseg/lib/dataset.py, initialize_data_loader
with repeat=True) passes InfSampler(dataset, shuffle) or, on several GPUs,
DistributedInfSampler(dataset, shuffle=shuffle) as `sampler=`; the pre-training loader
(pretrain/pointcontrast/lib/ddp_data_loaders.py) passes DistributedInfSampler(dset). The
training loops stop at a number of iterations. ScanNet: 1201 training scenes; pre-training
on ScanNet pairs."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/PointContrast",
    source="github",
    ref="47e868281d35b26e186ca41a9b6d1906b50dbcfa",
    domain="3D point clouds",
    absent=("open3d",),  # downstream/semseg/lib/__init__.py imports it
)

SIZES = (1, 7, 100, 1201)


@sampler(PROJECT, "downstream/semseg/lib/dataloader.py", "InfSampler")
def _(cls, module):
    # shuffle=True is what the training configs pass (shuffle=False fails in __init__:
    # len(data_source).tolist())
    for n in SIZES:
        yield Case(f"{n} scenes, shuffle=True", lambda n=n: cls(list(range(n)), True))


def _distributed(cls, module):
    for n in SIZES:
        for world in (1, 2, 4):
            for rank in range(world):
                yield Case(
                    f"{n} scenes, rank {rank} of {world}, shuffle=True",
                    lambda n=n, w=world, r=rank: cls(list(range(n)), num_replicas=w, rank=r, shuffle=True),
                )


sampler(PROJECT, "downstream/semseg/lib/dataloader.py", "DistributedInfSampler")(_distributed)
sampler(PROJECT, "pretrain/pointcontrast/lib/data_sampler.py", "DistributedInfSampler")(_distributed)


@sampler(PROJECT, "pretrain/pointcontrast/lib/data_sampler.py", "InfSampler")
def _(cls, module):
    for n in SIZES:
        for shuffle in (False, True):
            yield Case(f"{n} scene pairs, shuffle={shuffle}", lambda n=n, s=shuffle: cls(list(range(n)), s))
