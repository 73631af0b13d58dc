"""exiawsh/StreamPETR: camera 3D detection over video sequences (autonomous driving). The
samplers of its mmdet3d plugin (projects/mmdet3d_plugin/datasets/builder.py): the batch
sampler of iteration-based training that gives each batch position its own scene, streamed
frame by frame, and the distributed group and (test) distributed samplers."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="exiawsh/StreamPETR",
    source="github",
    ref="95f64702306ccdb7a78889578b2a55b5deb35b2a",
    domain="3D object detection",
    root="",
    stubs={
        "mmcv.runner": "def get_dist_info():\n    return 0, 1\n",
        "mmcv.utils.registry": (
            "class Registry:\n"
            "    def __init__(self, name):\n"
            "        self.name = name\n"
            "\n"
            "    def register_module(self, *args, **kwargs):\n"
            "        return lambda cls: cls\n"
            "\n"
            "\n"
            "def build_from_cfg(cfg, registry, default_args=None):\n"
            "    raise NotImplementedError\n"
        ),
    },
    absent=("IPython",),  # group_sampler.py imports `embed` and never calls it
    empty_init=("projects.mmdet3d_plugin", "projects.mmdet3d_plugin.datasets"),
)

# Frames per scene, nuScenes-like (scenes of uneven length, a few short ones).
SCENES = {
    "6 scenes": [5, 3, 8, 2, 6, 4],
    "12 scenes": [7, 1, 4, 9, 3, 3, 5, 2, 8, 6, 4, 2],
    "20 scenes": [(i * 7) % 11 + 1 for i in range(20)],
}


class _Sequences:
    """What the samplers read of the NuScenes sequence dataset: len() and `flag`, the scene
    (or sequence split) of each frame, frames of a scene consecutive."""

    def __init__(self, lengths):
        self.flag = np.repeat(np.arange(len(lengths)), lengths).astype(np.int64)

    def __len__(self):
        return len(self.flag)


@sampler(
    PROJECT,
    "projects/mmdet3d_plugin/datasets/samplers/group_sampler.py",
    "InfiniteGroupEachSampleInBatchSampler",
)
def _(cls, module):
    for name, lengths in SCENES.items():
        for per_gpu, world in ((1, 1), (2, 1), (2, 2), (1, 4)):
            if per_gpu * world > len(lengths):
                continue
            for rank in range(world):
                yield Case(
                    f"{name} samples_per_gpu={per_gpu} world={world} rank={rank}",
                    lambda lens=lengths, p=per_gpu, w=world, k=rank: cls(_Sequences(lens), p, w, k, seed=0),
                    marker="return self.size",
                )


@sampler(PROJECT, "projects/mmdet3d_plugin/datasets/samplers/group_sampler.py", "DistributedGroupSampler")
def _(cls, module):
    for name, lengths in SCENES.items():
        for per_gpu in (1, 2, 4):
            for replicas in (1, 2, 4):
                for rank in range(replicas):
                    for epoch in (0, 2):

                        def build(lens=lengths, p=per_gpu, r=replicas, k=rank, e=epoch):
                            s = cls(_Sequences(lens), p, num_replicas=r, rank=k, seed=0)
                            s.set_epoch(e)
                            return s

                        yield Case(
                            f"{name} samples_per_gpu={per_gpu} replicas={replicas} rank={rank} epoch={epoch}",
                            build,
                        )


@sampler(PROJECT, "projects/mmdet3d_plugin/datasets/samplers/distributed_sampler.py", "DistributedSampler")
def _(cls, module):
    # Its __iter__ asserts shuffle is off: the builder uses it for testing.
    for n in (1, 2, 7, 10, 23, 64):
        for replicas in (1, 2, 3, 4):
            for rank in range(replicas):
                yield Case(
                    f"n={n} replicas={replicas} rank={rank} shuffle=False",
                    lambda n=n, r=replicas, k=rank: cls(
                        list(range(n)), num_replicas=r, rank=k, shuffle=False
                    ),
                )
