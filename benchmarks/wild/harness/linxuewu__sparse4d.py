"""linxuewu/Sparse4D: camera 3D detection and tracking over video sequences (autonomous
driving). The samplers of its mmdet3d plugin (projects/mmdet3d_plugin/datasets/builder.py):
the batch sampler of iteration-based training streaming one scene per batch position (with
frame skipping, sequence flips and per-sequence augmentation), the distributed group sampler,
and the test sampler that gives each rank whole sequences, found from the timestamps."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="linxuewu/Sparse4D",
    source="github",
    ref="db711ad5fe59114a6be913f2563bf11096bf52a7",
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
    """What the samplers read of NuScens3DDetTrackDataset: len(), `flag` (the scene of each
    frame), data_infos with timestamps (microseconds, 0.5 s apart within a scene, scenes far
    apart) and lidar paths, and the augmentation fields and method of training."""

    def __init__(self, lengths, keep_consistent_seq_aug=True):
        self.flag = np.repeat(np.arange(len(lengths)), lengths).astype(np.int64)
        self.data_infos = []
        for scene, length in enumerate(lengths):
            for frame in range(length):
                self.data_infos.append(
                    {
                        "timestamp": 1_533_000_000_000_000 + scene * 60_000_000 + frame * 500_000,
                        "lidar_path": f"samples/LIDAR_TOP/n015-{scene:02d}__LIDAR_TOP__{frame}.pcd.bin",
                    }
                )
        self.keep_consistent_seq_aug = keep_consistent_seq_aug
        self.rot_range = [-0.3925, 0.3925]
        self.scale_ratio_range = [1.0, 1.0]

    def __len__(self):
        return len(self.flag)

    def _sample_augmentation(self):
        return {
            "resize": float(np.random.uniform(0.4, 0.47)),
            "crop": (0, 130, 704, 386),
            "flip": False,
            "rotate": 0.0,
        }


@sampler(
    PROJECT,
    "projects/mmdet3d_plugin/datasets/samplers/infinite_group_each_sample_in_batch_sampler.py",
    "InfiniteGroupEachSampleInBatchSampler",
)
def _(cls, module):
    for name, lengths in SCENES.items():
        for per_gpu, world in ((1, 1), (2, 1), (2, 2), (1, 4)):
            if per_gpu * world > len(lengths):
                continue
            for rank in range(world):
                for consistent in (True, False):
                    yield Case(
                        f"{name} batch_size={per_gpu} world={world} rank={rank} "
                        f"keep_consistent_seq_aug={consistent}",
                        lambda lens=lengths, p=per_gpu, w=world, k=rank, c=consistent: cls(
                            _Sequences(lens, c), p, w, k, seed=0
                        ),
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
    # Test time: shuffle off (its __iter__ asserts it), each rank whole sequences.
    for name, lengths in SCENES.items():
        for replicas in (1, 2, 3, 4):
            for rank in range(replicas):
                yield Case(
                    f"{name} replicas={replicas} rank={rank} shuffle=False",
                    lambda lens=lengths, r=replicas, k=rank: cls(
                        _Sequences(lens), num_replicas=r, rank=k, shuffle=False
                    ),
                    marker="self.num_samples = len(indices)",
                )
