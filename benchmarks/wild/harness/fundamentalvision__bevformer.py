"""fundamentalvision/BEVFormer: camera 3D detection (autonomous driving). The samplers its
mmdet3d plugin registers (projects/mmdet3d_plugin/datasets/builder.py): the distributed
group sampler of training and the non-shuffling distributed sampler of testing."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="fundamentalvision/BEVFormer",
    source="github",
    ref="66b65f3a1f58caf0507cb2a971b9c0e7f842376c",
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

SIZES = (4, 7, 10, 23, 64, 101)


class _Frames:
    """A nuScenes-style dataset as the samplers see it: len() and the `flag` of groups
    (all zeros for BEVFormer's NuScenes datasets, two groups for image datasets)."""

    def __init__(self, n, groups):
        self.flag = np.array([0 if groups == 1 or (i * 7) % 10 < 6 else 1 for i in range(n)], dtype=np.int64)

    def __len__(self):
        return len(self.flag)


@sampler(PROJECT, "projects/mmdet3d_plugin/datasets/samplers/group_sampler.py", "DistributedGroupSampler")
def _(cls, module):
    for n in SIZES:
        for per_gpu in (1, 2, 4):
            for replicas in (1, 2, 4):
                for groups in (1, 2):
                    for rank in range(replicas):
                        for epoch in (0, 3):
                            def build(n=n, p=per_gpu, r=replicas, g=groups, k=rank, e=epoch):
                                s = cls(_Frames(n, g), p, num_replicas=r, rank=k, seed=0)
                                s.set_epoch(e)
                                return s

                            yield Case(f"n={n} samples_per_gpu={per_gpu} replicas={replicas} groups={groups} rank={rank} epoch={epoch}", build)


@sampler(PROJECT, "projects/mmdet3d_plugin/datasets/samplers/distributed_sampler.py", "DistributedSampler")
def _(cls, module):
    # Its __iter__ asserts shuffle is off: the builder uses it for the test split only.
    for n in (1, 2, 7, 10, 23, 64):
        for replicas in (1, 2, 3, 4):
            for rank in range(replicas):
                yield Case(
                    f"n={n} replicas={replicas} rank={rank} shuffle=False",
                    lambda n=n, r=replicas, k=rank: cls(list(range(n)), num_replicas=r, rank=k, shuffle=False),
                )
