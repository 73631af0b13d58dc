"""fundamentalvision/Uni-Perceiver: a generic perception model pre-trained on many tasks at
once (images, video, text). uniperceiver/datasets/build.py: the multi-task training loader's
`batch_sampler=` is WeightedBatchSampler(unified dataset, cfg, task_cfg), which draws a task
a batch (by SAMPLING_WEIGHT, or in turn / per rank with DATALOADER.STRATEGY) and takes
TRAIN_BATCH_SIZE indices from that task's endless sampler: TrainingSampler for image / video /
GLUE data sets, NaiveSampler for BooksWiki, NodeDistributedSampler(dataset, shuffle, world,
rank, local rank, local size) for the web image-text pairs. The single-task loaders use
TrainingSampler / NaiveSampler / NodeDistributedSampler as `sampler=`, the evaluation loader
DistributedSampler(dataset, shuffle=True); NodeDistributedSampler_bak is the earlier,
finite, version of the node sampler."""

import random
import sys

import numpy as np

from wild.entry import Case, Project, sampler

# uniperceiver.utils.comm in a process group of WORLD ranks, LOCAL of them a node
_COMM = """\
WORLD, RANK, LOCAL = 1, 0, 1


def get_world_size():
    return WORLD


def get_rank():
    return RANK


def get_local_size():
    return LOCAL


def get_local_rank():
    return RANK % LOCAL


def shared_random_seed():
    return 1234
"""

PROJECT = Project(
    name="fundamentalvision/Uni-Perceiver",
    source="github",
    ref="a8c9e37ae25d9526a208c8f7d4403f32f99e7a72",
    domain="multi-task perception (vision-language)",
    stubs={
        "uniperceiver.utils": "",
        "uniperceiver.utils.comm": _COMM,
        "uniperceiver.datasets.unified_dataset": "class UnifiedDataset:\n    pass\n",
    },
    absent=("deepspeed",),
    empty_init=("uniperceiver.datasets",),  # imports the data set builders (PIL, cv2, the tokenizer)
)

SIZES = (1, 10, 1000, 1001)
GROUPS = ((1, 0, 1), (2, 1, 1), (4, 2, 2), (8, 7, 4))  # world, rank, ranks a node


def _comm(world, rank, local):
    comm = sys.modules["uniperceiver.utils.comm"]
    comm.WORLD, comm.RANK, comm.LOCAL = world, rank, local


@sampler(PROJECT, "uniperceiver/datasets/sampler.py", "DistributedSampler")
def _(cls, module):
    for n in SIZES:
        for world, rank, _local in GROUPS:
            if world > n:
                continue  # fewer samples than ranks: its padding assertion fails
            for repeat in (1, 3):
                for epoch in (0, 1):

                    def build(n=n, w=world, r=rank, k=repeat, e=epoch):
                        s = cls(list(range(n)), num_replicas=w, rank=r, shuffle=True, dataset_repeat=k)
                        s.set_epoch(e)
                        return s

                    yield Case(
                        f"{n} samples, rank {rank} of {world}, dataset_repeat {repeat}, epoch {epoch}", build
                    )


def _endless(per_node):
    """TrainingSampler takes every rank; NaiveSampler (BooksWiki's node-block cache) one
    replica a node: world // ranks a node, rank // ranks a node, as its defaults compute."""

    def cases(cls, module):
        for n in SIZES:
            for world, rank, local in GROUPS:
                replicas, replica = (world // local, rank // local) if per_node else (world, rank)
                for shuffle in (True, False):

                    def build(n=n, w=world, r=rank, x=local, m=replicas, i=replica, s=shuffle):
                        _comm(w, r, x)
                        return cls(list(range(n)), num_replicas=m, rank=i, shuffle=s)

                    yield Case(
                        f"{n} samples, rank {rank} of {world} ({local} a node), shuffle={shuffle}", build
                    )

    return cases


sampler(PROJECT, "uniperceiver/datasets/sampler.py", "TrainingSampler")(_endless(False))
sampler(PROJECT, "uniperceiver/datasets/sampler.py", "NaiveSampler")(_endless(True))


def _node(cls, module):
    for n in SIZES:
        for world, rank, local in GROUPS:
            if world > n:
                continue  # fewer samples than ranks
            for shuffle in (True, False):

                def build(n=n, w=world, r=rank, x=local, s=shuffle):
                    _comm(w, r, x)
                    return cls(
                        list(range(n)), num_replicas=w, rank=r, local_rank=r % x, local_size=x, shuffle=s
                    )

                yield Case(f"{n} samples, rank {rank} of {world} ({local} a node), shuffle={shuffle}", build)


sampler(PROJECT, "uniperceiver/datasets/sampler.py", "NodeDistributedSampler")(_node)
sampler(PROJECT, "uniperceiver/datasets/sampler.py", "NodeDistributedSampler_bak")(_node)


class World:
    """torch.distributed in a process group of one (the task samplers take its world and rank)."""

    @staticmethod
    def is_available():
        return True

    @staticmethod
    def get_world_size():
        return 1

    @staticmethod
    def get_rank():
        return 0


class Node(dict):
    """A yacs CfgNode as the sampler reads it."""

    __getattr__ = dict.__getitem__


class Unified:
    """UnifiedDataset as WeightedBatchSampler reads it: the tasks' data sets and the offset of
    each one in the concatenation."""

    def __init__(self, sizes):
        self.datasets = {name: list(range(n)) for name, n in sizes.items()}
        self.dataset_list = list(self.datasets.values())
        self.dataset_scale = np.cumsum([0] + [len(d) for d in self.dataset_list])[:-1]


TASKS = (
    {"imagenet": ("ImageNet1k", 1000, 64, 1.0), "coco_caption": ("MSCOCO", 500, 32, 0.5)},
    {"books": ("BooksWiki", 300, 16, 1.0), "cc3m": ("CC3M", 120, 8, 2.0), "vqa": ("VQA", 64, 4, 1.0)},
)


@sampler(PROJECT, "uniperceiver/datasets/batch_sampler.py", "WeightedBatchSampler")
def _(cls, module):
    for tasks in TASKS:
        for strategy in ("", "turn", "uniformv2"):

            def build(t=tasks, s=strategy):
                _comm(1, 0, 1)
                rng_tasks = {
                    name: Node(
                        DATASETS=Node(DATASET_NAME=kind),
                        DATALOADER=Node(SAMPLING_WEIGHT=weight, TRAIN_BATCH_SIZE=batch),
                    )
                    for name, (kind, _n, batch, weight) in t.items()
                }
                data = Unified({name: n for name, (_kind, n, _batch, _weight) in t.items()})
                sampler_module = sys.modules["uniperceiver.datasets.sampler"]
                sampler_module.dist = World()
                cfg = Node(DATALOADER=Node(STRATEGY=s), MOE=Node(MOE=False))
                random.seed(0)
                return cls(data, cfg, rng_tasks)

            yield Case(f"tasks {sorted(tasks)}, strategy {strategy or 'weighted'}", build)
