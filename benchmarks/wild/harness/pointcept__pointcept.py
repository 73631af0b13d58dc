"""Pointcept/Pointcept: point-cloud perception (segmentation, pre-training). The
PartialSampledTrainer (pointcept/engines/train.py) gives DistributedImbalancedSampler(
ConcatDataset of the training sets, sampled_dataset_index, sampled_dataset_limit, world,
rank, shuffle=True, seed) as `sampler=`: every set whole but one, of which a random
sampled_dataset_limit scenes an epoch (the utonia configs: the fifth of several sets,
90000 scenes), padded to a multiple of the world. MultiDatasetDummySampler, beside it,
has neither __iter__ nor __len__."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Pointcept/Pointcept",
    source="github",
    ref="d74c646db6abec569d0f23e0c34e7ddfce142789",
    domain="3D point clouds",
    stubs={
        # dataloader.py's imports for the multi-dataset loader beside the sampler; the
        # datasets package's __init__ registers every dataset and transform
        "pointcept.datasets": "class ConcatDataset:\n    pass\n",
        "pointcept.datasets.utils": (
            "def point_collate_fn(batch, mix_prob=0):\n    raise NotImplementedError\n"
        ),
        "pointcept.utils.env": "def set_seed(seed=None):\n    pass\n",
    },
    empty_init=("pointcept", "pointcept.utils"),
)


class _Concat:
    """What the sampler reads of a ConcatDataset: its `datasets` (each with len())."""

    def __init__(self, sizes):
        self.datasets = [range(size) for size in sizes]

    def __len__(self):
        return sum(len(d) for d in self.datasets)


@sampler(PROJECT, "pointcept/datasets/dataloader.py", "DistributedImbalancedSampler")
def _(cls, module):
    for sizes, index, limit in (
        ((1201, 312, 40, 3000, 900), 4, 500),
        ((1201, 312, 40, 3000, 900), 3, 100),
        ((50, 7), 0, 10),
        ((50, 7), 1, 7),
        ((20, 33, 5), 1, 1),
    ):
        for world in (1, 2, 3, 8):
            for rank in range(world):
                for epoch in (0, 2):

                    def build(s=sizes, i=index, lim=limit, w=world, r=rank, e=epoch):
                        made = cls(_Concat(s), i, lim, num_replicas=w, rank=r, shuffle=True, seed=0)
                        made.set_epoch(e)
                        return made

                    yield Case(
                        f"sets {sizes}, set {index} limited to {limit}, "
                        f"world={world} rank={rank} epoch={epoch}",
                        build,
                    )
