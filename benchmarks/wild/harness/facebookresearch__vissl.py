"""facebookresearch/vissl: self-supervised visual representation learning. vissl/data's
get_sampler, under torch.distributed, gives as `sampler=`: StatefulDistributedSampler(dataset,
batch_size=BATCHSIZE_PER_REPLICA, seed) (USE_STATEFUL_DISTRIBUTED_SAMPLER; a resumed run
calls set_start_iter(iteration) and it skips what was seen), DeterministicDistributedSampler
(USE_DEBUGGING_SAMPLER); and as batch samplers StratifiedClassSampler(dataset, num_classes,
labels, class_index, world_size, rank, batch_size=..., classes_per_batch=..., epochs=1, seed=0,
unique_classes=...) then set_inner_epochs(STEP_PER_EPOCH // len(sampler)) (STRATIFIED_SAMPLER),
or ClassPowerlawSampler(dataset, num_classes, class_index, labels, world_size, rank,
batch_size=BATCHSIZE_PER_REPLICA, powerlaw=POWER, seed=0) (POWER_LAW_SAMPLER). The trainer
calls set_epoch every epoch."""

import contextlib
import random

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="facebookresearch/vissl",
    source="github",
    ref="09270ed25a6c2cf71263d955b64cbe076d34ac45",
    domain="self-supervised learning (vision)",
    absent=("PIL",),  # data_helper's mean image: to load only
    empty_init=("vissl.data",),  # the datasets, collators, fvcore, classy_vision
)

PATH = "vissl/data/data_helper.py"


@contextlib.contextmanager
def _world(size, rank):
    """torch.distributed as a process of a group of `size` sees it: the Stateful samplers
    pass no num_replicas or rank to torch's DistributedSampler, which asks."""
    import torch.distributed as dist

    saved = {name: getattr(dist, name) for name in ("is_available", "get_world_size", "get_rank")}
    dist.is_available = lambda: True
    dist.get_world_size = lambda group=None: size
    dist.get_rank = lambda group=None: rank
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(dist, name, value)


class _Images:
    """A labelled image dataset as the samplers read it: len() and its labels."""

    def __init__(self, classes, low, high, seed):
        rng = random.Random(seed)
        self.labels = [c for c in range(classes) for _ in range(rng.randint(low, high))]
        rng.shuffle(self.labels)
        self.class_index = {}
        for i, c in enumerate(self.labels):
            self.class_index.setdefault(c, []).append(i)

    def __len__(self):
        return len(self.labels)


def _stateful(cls, with_seed):
    for size in (10, 1000, 1281):
        data = _Images(10, size // 10, size // 10, size)
        for batch in (8, 32):
            for world in (1, 2, 4):
                for rank in range(world):
                    for epoch, start_iter in ((0, 0), (1, 0), (0, 3)):
                        if start_iter and start_iter * batch >= len(data) // world:
                            continue  # a resume lands inside an epoch

                        def build(d=data, b=batch, w=world, r=rank, e=epoch, s=start_iter):
                            with _world(w, r):
                                made = cls(d, batch_size=b, seed=7) if with_seed else cls(d, batch_size=b)
                            made.set_epoch(e)
                            made.set_start_iter(s)
                            return made

                        yield Case(
                            f"{len(data)} images, BATCHSIZE_PER_REPLICA={batch} world={world} rank={rank}"
                            f" epoch={epoch} start_iter={start_iter}",
                            build,
                        )


@sampler(PROJECT, PATH, "StatefulDistributedSampler")
def _(cls, module):
    yield from _stateful(cls, with_seed=True)


@sampler(PROJECT, PATH, "DeterministicDistributedSampler")
def _(cls, module):
    yield from _stateful(cls, with_seed=False)


@sampler(PROJECT, PATH, "StratifiedClassSampler")
def _(cls, module):
    # get_sampler's arithmetic: not unique, batch_size = local batch // classes_per_batch;
    # unique, classes_per_worker = classes_per_batch // world, batch_size = local // that.
    for classes, low, high in ((10, 60, 100), (100, 30, 50)):
        data = _Images(classes, low, high, classes)
        for local_batch, cpb in ((40, 10), (64, 16), (20, 5)):
            for world in (1, 2):
                for unique in (False, True):
                    if unique:
                        per_worker, batch = cpb // world, local_batch // (cpb // world)
                    else:
                        per_worker, batch = cpb, local_batch // cpb
                    if classes % per_worker or batch * world >= low:
                        continue  # get_sampler's asserts
                    for rank in range(world):
                        for steps in (0, 30):

                            def build(
                                d=data, c=classes, w=world, r=rank, b=batch, p=per_worker, u=unique, s=steps
                            ):
                                made = cls(
                                    d,
                                    num_classes=c,
                                    labels=d.labels,
                                    class_index=d.class_index,
                                    world_size=w,
                                    rank=r,
                                    batch_size=b,
                                    classes_per_batch=p,
                                    epochs=1,
                                    seed=0,
                                    unique_classes=u,
                                )
                                if s:  # STEP_PER_EPOCH set: inner epochs to reach it
                                    made.set_inner_epochs(max(1, s // len(made)))
                                made.set_epoch(1)
                                return made

                            yield Case(
                                f"{classes} classes ({len(data)} images), local batch {local_batch},"
                                f" CLASSES_PER_BATCH={cpb} UNIQUE_CLASSES={unique} world={world} rank={rank}"
                                f" STEP_PER_EPOCH={steps or 'unset'}",
                                build,
                            )


not_run(
    PROJECT,
    PATH,
    "ClassPowerlawSampler",
    "its _sample_class takes int() of np.random.choice(..., size=1), a 1-element array, which"
    " numpy 2 refuses (TypeError): every __iter__ raises before its first batch under this numpy",
)
