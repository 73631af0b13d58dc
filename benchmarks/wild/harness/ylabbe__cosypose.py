"""ylabbe/cosypose: multi-view 6D object pose estimation. training/train_pose.py and
train_detector.py give PartialSampler(ds_train, epoch_size=args.epoch_size) (115200 // GPUs by
default, 4 * batch_size in debug runs) and PartialSampler(ds_val, int(0.1 * epoch_size)) as
`sampler=`: a random subset of epoch_size items, all of them when the set is smaller. The
evaluation runners give DistributedSceneSampler(scene_ds, num_replicas=world_size, rank=rank)
(a fixed shuffle split in near-equal parts) and run_cosypose_eval.py ListSampler(scene ids)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ylabbe/cosypose",
    source="github",
    ref="c90a04f434b1e89f02341cc03899eb63ea8facba",
    domain="3D pose estimation",
    empty_init=("cosypose",),  # sets thread counts and prints
)

PATH = "cosypose/datasets/samplers.py"
_SIZES = (1, 7, 300, 4321)  # scene frames: a single one up to a BOP dataset's test split


class _Frames:
    """A scene/pose dataset as the samplers read it: len()."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


@sampler(PROJECT, PATH, "PartialSampler")
def _(cls, module):
    for size in _SIZES:
        for epoch_size in (128, 1000, 11520):
            yield Case(
                f"{size} items, epoch_size={epoch_size}", lambda n=size, e=epoch_size: cls(_Frames(n), e)
            )


@sampler(PROJECT, PATH, "DistributedSceneSampler")
def _(cls, module):
    for size in _SIZES:
        for world in (1, 2, 3, 8):
            for rank in range(world):
                for shuffle in (True, False):
                    yield Case(
                        f"{size} frames, world={world} rank={rank} shuffle={shuffle}",
                        lambda n=size, w=world, r=rank, s=shuffle: cls(
                            _Frames(n), num_replicas=w, rank=r, shuffle=s
                        ),
                    )


@sampler(PROJECT, PATH, "ListSampler")
def _(cls, module):
    for size in _SIZES:
        yield Case(f"{size} scene ids", lambda n=size: cls(list(range(0, 3 * n, 3))))
