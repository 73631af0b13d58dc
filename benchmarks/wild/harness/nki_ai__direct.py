"""NKI-AI/direct: deep MRI reconstruction. engine.py's build_batch_sampler gives as
`batch_sampler=`: for "sequential" (validation and inference) BatchVolumeSampler(
DistributedSequentialSampler(dataset, **kwargs), batch_size) — this rank's contiguous chunk
of volumes, batches that never cross a volume's end; for "random" (training)
ConcatDatasetBatchSampler(datasets=[...], batch_size), endless whole batches of one dataset
at a time, whose len() raises by design. Datasets expose volume_indices, an OrderedDict
{filename: range of its slices}. Rank and world come from direct.utils.communication.
(Its DistributedSampler, an endless stream, defines no __len__.)"""

import pathlib
import random
from collections import OrderedDict

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="NKI-AI/direct",
    source="github",
    ref="50b9704d2d7aa8eede763ced92e71b69baa8189d",
    domain="medical imaging",
    stubs={
        # torch.distributed as a process of a group of WORLD[0] sees it (the harness sets it).
        "direct.utils.communication": (
            "WORLD = [1, 0]\n\n\ndef get_world_size():\n    return WORLD[0]\n\n\n"
            "def get_rank():\n    return WORLD[1]\n\n\ndef shared_random_seed():\n    return 1234\n"
        ),
    },
    absent=("omegaconf",),  # direct.utils' and direct.types' config annotations
    empty_init=("direct.data",),  # the datasets and transforms (h5py, ismrmrd)
)

PATH = "direct/data/samplers.py"


class _Volumes:
    """A slice dataset as the samplers read it (FastMRI-like: volumes of 16-40 slices)."""

    def __init__(self, volumes, seed, low=16, high=40):
        rng = random.Random(seed)
        self.volume_indices = OrderedDict()
        start = 0
        for v in range(volumes):
            slices = rng.randint(low, high)
            self.volume_indices[pathlib.Path(f"file{v:04d}.h5")] = range(start, start + slices)
            start += slices
        self.size = start

    def __len__(self):
        return self.size


def _sequential(module, volumes, world, rank, limit=None):
    module.communication.WORLD[:] = [world, rank]
    return module.DistributedSequentialSampler(volumes, limit_number_of_volumes=limit)


def _cases():
    for count in (1, 5, 40):
        for world in (1, 2, 4):
            if world > count:
                continue  # fewer volumes than processes
            for rank in range(world):
                for limit in (None, 3):
                    if limit and limit < world:
                        continue  # fewer volumes kept than processes: a rank has none
                    yield (
                        f"{count} volumes, world={world} rank={rank} limit_number_of_volumes={limit}",
                        count,
                        world,
                        rank,
                        limit,
                    )


@sampler(PROJECT, PATH, "DistributedSequentialSampler")
def _(cls, module):
    for config, count, world, rank, limit in _cases():
        yield Case(
            config, lambda c=count, w=world, r=rank, lim=limit: _sequential(module, _Volumes(c, c), w, r, lim)
        )


@sampler(PROJECT, PATH, "BatchVolumeSampler")
def _(cls, module):
    for config, count, world, rank, limit in _cases():
        for batch in (1, 8, 64):
            yield Case(
                f"DistributedSequentialSampler of {config}, batch_size={batch}, two epochs",
                lambda c=count, w=world, r=rank, lim=limit, b=batch: cls(
                    _sequential(module, _Volumes(c, c), w, r, lim), batch_size=b
                ),
                repeat=2,
            )


@sampler(PROJECT, PATH, "ConcatDatasetBatchSampler")
def _(cls, module):
    for sizes in ((5,), (3, 40)):
        for batch in (1, 8):
            yield Case(
                f"datasets of {sizes} volumes, batch_size={batch}",
                lambda s=sizes, b=batch: cls(datasets=[_Volumes(n, n) for n in s], batch_size=b),
            )
