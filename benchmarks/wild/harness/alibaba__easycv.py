"""alibaba/EasyCV: computer vision toolbox (classification, detection, self-supervised
learning). easycv/datasets/loader/sampler.py, built by build_dataloader from the registry
with (dataset, num_replicas=world, rank, shuffle, seed, replace): DistributedSampler,
DistributedMPSampler (datasets with m_per_class > 1), RASampler
(use_repeated_augment_sampler), and GroupSampler, DistributedGroupSampler and
DistributedGivenIterationSampler (rank and world from mmcv's get_dist_info, resumed at
last_iter) by config. DistributedSampler.set_uniform_indices(labels, num_classes) is
called before an epoch by the clustering hooks of self-supervised methods. build_loader.py's
_RepeatSampler has no __len__."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="alibaba/EasyCV",
    source="github",
    ref="901ff18693da724af7f9e71ddde216ff2ddbe29e",
    domain="computer vision toolbox",
    stubs={
        # mmcv's rank and world: the cases set them for the samplers that read them
        "mmcv.runner": "RANK, WORLD = 0, 1\n\n\ndef get_dist_info():\n    return RANK, WORLD\n",
        "easycv.datasets.registry": (
            "class _Registry:\n"
            "    def register_module(self, module=None, **kwargs):\n"
            "        return module if module is not None else (lambda cls: cls)\n\n\n"
            "SAMPLERS = _Registry()\n"
        ),
        "easycv.framework.errors": "ValueError = ValueError\n",
        "easycv.utils.dist_utils": "def local_rank():\n    return 0\n",
    },
    empty_init=("easycv", "easycv.datasets", "easycv.datasets.loader"),
)

FILE = "easycv/datasets/loader/sampler.py"


def _dist_info(rank, world, build):
    import mmcv.runner

    mmcv.runner.RANK, mmcv.runner.WORLD = rank, world
    return build()


def _worlds(n):
    for world in (1, 2, 3, 8):
        if world <= n:
            for rank in range(world):
                yield world, rank


class _Images:
    """A classification set as the samplers read it: len(), the detection `flag` of aspect
    groups, and for DistributedMPSampler m_per_class and a data_source with labels."""

    def __init__(self, n, classes=10, m_per_class=2):
        self.flag = np.array([1 if (i * 7) % 10 < 6 else 0 for i in range(n)], dtype=np.int64)
        self.m_per_class = m_per_class
        self.data_source = self
        self.has_labels = True
        self.labels = [(i * i + i // 3) % classes for i in range(n)]

    def __len__(self):
        return len(self.flag)


@sampler(PROJECT, FILE, "DistributedSampler")
def _(cls, module):
    for n in (1, 7, 64, 1000):
        for world, rank in _worlds(n):
            for shuffle, replace in ((True, False), (True, True), (False, False)):
                for split in (False, True):

                    def build(n=n, w=world, r=rank, s=shuffle, rep=replace, sp=split):
                        made = cls(
                            _Images(n),
                            num_replicas=w,
                            rank=r,
                            shuffle=s,
                            seed=0,
                            replace=rep,
                            split_huge_listfile_byrank=sp,
                        )
                        made.set_epoch(2)
                        return made

                    yield Case(
                        f"n={n} world={world} rank={rank} shuffle={shuffle} replace={replace} "
                        f"split_huge_listfile_byrank={split}",
                        build,
                    )
    for n, classes in ((64, 10), (1000, 10), (1000, 300)):
        for world, rank in _worlds(n):

            def uniform(n=n, c=classes, w=world, r=rank):
                data = _Images(n, c)
                made = cls(data, num_replicas=w, rank=r, shuffle=True, seed=0)
                made.set_uniform_indices(data.labels, c)
                return made

            yield Case(
                f"n={n} world={world} rank={rank}, set_uniform_indices over {classes} clusters", uniform
            )


@sampler(PROJECT, FILE, "DistributedMPSampler")
def _(cls, module):
    for n, classes in ((64, 10), (1000, 10), (1000, 300), (200, 7)):
        for m in (2, 4):
            for world, rank in _worlds(n):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} {classes} classes m_per_class={m} world={world} rank={rank} "
                        f"shuffle={shuffle}",
                        lambda n=n, c=classes, m=m, w=world, r=rank, s=shuffle: cls(
                            _Images(n, c, m), num_replicas=w, rank=r, shuffle=s, seed=0
                        ),
                    )


@sampler(PROJECT, FILE, "GroupSampler")
def _(cls, module):
    for n in (1, 7, 64, 101):
        for per_gpu in (1, 2, 4):
            yield Case(f"n={n} samples_per_gpu={per_gpu}", lambda n=n, p=per_gpu: cls(_Images(n), p))


@sampler(PROJECT, FILE, "DistributedGroupSampler")
def _(cls, module):
    for n in (4, 7, 64, 101):
        for per_gpu in (1, 2, 4):
            for world, rank in _worlds(n):
                for epoch in (0, 3):

                    def build(n=n, p=per_gpu, w=world, r=rank, e=epoch):
                        made = cls(_Images(n), p, seed=0, num_replicas=w, rank=r)
                        made.set_epoch(e)
                        return made

                    yield Case(
                        f"n={n} samples_per_gpu={per_gpu} world={world} rank={rank} epoch={epoch}", build
                    )


@sampler(PROJECT, FILE, "DistributedGivenIterationSampler")
def _(cls, module):
    for n in (7, 100, 1281):
        for total_iter, batch in ((10, 4), (100, 32), (3, 256)):
            for world, rank in _worlds(n):
                for last_iter in (-1, 0, 2):
                    yield Case(
                        f"n={n} total_iter={total_iter} batch={batch} world={world} rank={rank} "
                        f"last_iter={last_iter}",
                        lambda n=n, t=total_iter, b=batch, w=world, r=rank, k=last_iter: _dist_info(
                            r, w, lambda: cls(_Images(n), t, b, last_iter=k)
                        ),
                    )


@sampler(PROJECT, FILE, "RASampler")
def _(cls, module):
    for n in (256, 1000, 1281, 5000):
        for world, rank in _worlds(n):
            for shuffle in (True, False):
                for repeats in (3, 1):

                    def build(n=n, w=world, r=rank, s=shuffle, k=repeats):
                        made = cls(range(n), num_replicas=w, rank=r, shuffle=s, num_repeats=k)
                        made.set_epoch(1)
                        return made

                    yield Case(
                        f"n={n} world={world} rank={rank} shuffle={shuffle} num_repeats={repeats}", build
                    )
