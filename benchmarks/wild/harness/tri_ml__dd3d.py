"""TRI-ML/dd3d: monocular 3D object detection (DD3D, detectron2-based). The test loader
(tridet/data/build.py) passes InferenceGroupSampler(len(dataset),
cfg.DATALOADER.TEST.NUM_IMAGES_PER_GROUP) as `sampler=`: the data set holds groups of images
in order (the cameras of one sample: 6 on nuScenes, 1 on KITTI), every rank of the process
group evaluating its shard of whole groups."""

from wild.entry import Case, Project, sampler

# detectron2.utils.comm in a process group of WORLD ranks, at RANK
_COMM = """\
WORLD = 1
RANK = 0


def get_world_size():
    return WORLD


def get_rank():
    return RANK
"""

PROJECT = Project(
    name="TRI-ML/dd3d",
    source="github",
    ref="86d8660c29612b79836dad9b6c39972ac2ca1557",
    domain="3D object detection",
    stubs={"detectron2": "", "detectron2.utils": "", "detectron2.utils.comm": _COMM},
    empty_init=("tridet", "tridet.data"),
)


@sampler(PROJECT, "tridet/data/samplers/group_sampler.py", "InferenceGroupSampler")
def _(cls, module):
    for groups, group in ((1, 1), (7, 1), (81, 6), (1000, 6), (5, 2)):
        for world in (1, 2, 4, 8):
            for rank in range(world):

                def build(n=groups * group, g=group, w=world, r=rank):
                    module.comm.WORLD, module.comm.RANK = w, r
                    return cls(n, g)

                yield Case(f"{groups} groups of {group} images, rank {rank} of {world}", build)
