"""deepinsight/insightface: face detection and recognition. recognition/arcface_torch's
DistributedSampler (utils/utils_distributed_sampler.py: a seeded DistributedSampler that
repeats short index lists), recognition/idmmd's IdentitySampler (dataset_mix.py; train.py:
IdentitySampler(vis labels, nir labels, vis_pos, nir_pos, batch_size, 4), the positions
from GenIdx, as `sampler=`), and the mmdet 2 samplers vendored with SCRFD
(detection/scrfd/mmdet/datasets/samplers: DistributedSampler, GroupSampler,
DistributedGroupSampler over the detection set's aspect `flag`). The partial-FC
WeightIndexSampler is a callable that picks class centres, not a sampler of indices."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="deepinsight/insightface",
    source="github",
    ref="7fadd420c2351d0ffa8cac403421c1a3ed733365",
    domain="face recognition",
    stubs={"mmcv.runner": "def get_dist_info():\n    return 0, 1\n"},
    absent=("PIL", "torchvision"),  # idmmd's dataset module loads images
    # SCRFD's mmdet package and its datasets register every detector and dataset
    empty_init=("detection.scrfd.mmdet", "detection.scrfd.mmdet.datasets"),
)

SCRFD = "detection/scrfd/mmdet/datasets/samplers/"


def _worlds(n):
    for world in (1, 2, 3, 8):
        if world <= n:
            for rank in range(world):
                yield world, rank


def _with_epoch(made, epoch):
    made.set_epoch(epoch)
    return made


@sampler(PROJECT, "recognition/arcface_torch/utils/utils_distributed_sampler.py", "DistributedSampler")
def _(cls, module):
    for n in (1, 3, 100, 5822):
        for world in (1, 2, 4, 8):
            for rank in range(world):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} world={world} rank={rank} shuffle={shuffle} epoch=3",
                        lambda n=n, w=world, r=rank, s=shuffle: _with_epoch(
                            cls(range(n), num_replicas=w, rank=r, shuffle=s, seed=2048), 3
                        ),
                    )


def _paired(ids, seed):
    """CASIA NIR-VIS-like labels: `ids` identities 0..ids-1 with 1-10 visible and 1-10
    near-infrared images each."""
    rng = random.Random(seed)
    vis = [pid for pid in range(ids) for _ in range(rng.randint(1, 10))]
    nir = [pid for pid in range(ids) for _ in range(rng.randint(1, 10))]
    return np.array(vis), np.array(nir)


@sampler(PROJECT, "recognition/idmmd/dataset_mix.py", "IdentitySampler")
def _(cls, module):
    for ids in (8, 60, 357):
        vis, nir = _paired(ids, ids)
        vis_pos, nir_pos = module.GenIdx(vis, nir)
        for batch, per_id in ((32, 4), (64, 4), (16, 2), (8, 8)):
            if batch // per_id <= ids:
                yield Case(
                    f"{ids} identities ({len(vis)} visible, {len(nir)} NIR), batch {batch}, {per_id} an id",
                    lambda v=vis, n=nir, vp=vis_pos, np_=nir_pos, b=batch, k=per_id: cls(v, n, vp, np_, b, k),
                )


@sampler(PROJECT, SCRFD + "distributed_sampler.py", "DistributedSampler")
def _(cls, module):
    for n in (1, 7, 64, 101):
        for world in (1, 2, 3, 8):
            for rank in range(world):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} world={world} rank={rank} shuffle={shuffle} epoch=2",
                        lambda n=n, w=world, r=rank, s=shuffle: _with_epoch(
                            cls(range(n), num_replicas=w, rank=r, shuffle=s), 2
                        ),
                    )


class _Faces:
    """A WIDER FACE-like detection set as the group samplers read it: `flag` 1 for
    landscape images, 0 for portrait ones."""

    def __init__(self, n):
        self.flag = np.array([1 if (i * 7) % 10 < 6 else 0 for i in range(n)], dtype=np.uint8)

    def __len__(self):
        return len(self.flag)


@sampler(PROJECT, SCRFD + "group_sampler.py", "GroupSampler")
def _(cls, module):
    for n in (1, 7, 64, 101):
        for per_gpu in (1, 2, 8):
            yield Case(f"n={n} samples_per_gpu={per_gpu}", lambda n=n, p=per_gpu: cls(_Faces(n), p))


@sampler(PROJECT, SCRFD + "group_sampler.py", "DistributedGroupSampler")
def _(cls, module):
    for n in (4, 7, 64, 101):
        for per_gpu in (1, 2, 8):
            for world, rank in _worlds(n):
                for epoch in (0, 3):
                    yield Case(
                        f"n={n} samples_per_gpu={per_gpu} world={world} rank={rank} epoch={epoch}",
                        lambda n=n, p=per_gpu, w=world, r=rank, e=epoch: _with_epoch(
                            cls(_Faces(n), p, num_replicas=w, rank=r), e
                        ),
                    )
