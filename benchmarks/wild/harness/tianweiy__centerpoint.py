"""tianweiy/CenterPoint: 3D object detection (LiDAR, autonomous driving). The samplers of its
data loader (det3d/datasets/loader/build_loader.py): a group sampler over the dataset's
`flag` (the aspect-ratio groups of mmdetection), its distributed form, and the distributed
samplers of det3d/datasets/loader/sampler.py and det3d/datasets/utils/distributed.py."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="tianweiy/CenterPoint",
    source="github",
    ref="3cf7d870537e287c99b43b68636ea392a5e6f519",
    domain="3D object detection",
    root="",
    absent=(
        "torchvision",
        "six",
        "cv2",
        "terminaltables",
        "tensorboardX",
        "pycocotools",
        "mmcv",
        "spconv",
        "addict",
        "yaml",
    ),
    empty_init=("det3d.datasets", "det3d.datasets.loader", "det3d.torchie"),
)

SIZES = (4, 7, 10, 23, 64, 101)


def _dataset(n, groups=2):
    """A dataset as det3d's point-cloud datasets present it to the samplers: len() and a
    numpy `flag` of group ids (uneven groups, the way aspect-ratio flags come)."""
    flag = np.array(
        [0 if (i * 7) % 10 < 6 else 1 for i in range(n)] if groups == 2 else [0] * n, dtype=np.int64
    )
    return _Flagged(flag)


def _pads(n, groups, unit):
    """Whether each group can be padded to a multiple of `unit` from its own items, as
    the samplers do with `indice[:extra]` (a group smaller than its padding makes their
    own length assertion fail: inputs they reject)."""
    sizes = np.bincount(_dataset(n, groups).flag)
    return all(s == 0 or -(-s // unit) * unit - s <= s for s in sizes)


class _Flagged:
    def __init__(self, flag):
        self.flag = flag

    def __len__(self):
        return len(self.flag)


def _distributed(cls, path):
    @sampler(PROJECT, path, cls)
    def _(klass, module):
        for n in SIZES:
            for replicas in (1, 2, 3, 4):
                for rank in range(replicas):
                    for shuffle in (True, False):
                        yield Case(
                            f"n={n} replicas={replicas} rank={rank} shuffle={shuffle}",
                            lambda n=n, r=replicas, k=rank, s=shuffle: klass(
                                list(range(n)), num_replicas=r, rank=k, shuffle=s
                            ),
                        )


_distributed("DistributedSamplerV2", "det3d/datasets/loader/sampler.py")
_distributed("DistributedSampler", "det3d/datasets/loader/sampler.py")
# The other class of that name (the runner tells them apart by their file).
_distributed("DistributedSampler", "det3d/datasets/utils/distributed.py")


@sampler(PROJECT, "det3d/datasets/loader/sampler.py", "GroupSampler")
def _(cls, module):
    for n in SIZES:
        for per_gpu in (1, 2, 4):
            for groups in (1, 2):
                if not _pads(n, groups, per_gpu):
                    continue
                yield Case(
                    f"n={n} samples_per_gpu={per_gpu} groups={groups}",
                    lambda n=n, p=per_gpu, g=groups: cls(_dataset(n, g), p),
                )


@sampler(PROJECT, "det3d/datasets/loader/sampler.py", "DistributedGroupSampler")
def _(cls, module):
    for n in SIZES:
        for per_gpu in (1, 2, 4):
            for replicas in (1, 2, 4):
                if not _pads(n, 2, per_gpu * replicas):
                    continue
                for rank in range(replicas):
                    yield Case(
                        f"n={n} samples_per_gpu={per_gpu} replicas={replicas} rank={rank}",
                        lambda n=n, p=per_gpu, r=replicas, k=rank: cls(
                            _dataset(n), p, num_replicas=r, rank=k
                        ),
                    )
