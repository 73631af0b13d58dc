"""YeZiLaiXi/AttackOnForgetting: few-shot class-incremental learning (CIFAR-100 60 base +
8 sessions of 5-way 5-shot, miniImageNet, CUB-200 100 base + 10 sessions of 10-way). Its
get_sampler picks a batch sampler by mode over dataset.labels: inc_sampler (one n_way x n_shot
batch per group of classes, the incremental sessions), Cub_Test_Sampler (one batch per class)
or Batch_Sample_From_Range (shuffled batches of the classes in [min_cls, max_cls)) for
incremental testing, CategoriesSampler (episodes) and CategoriesSamplerAlignInc (episodes
plus a batch of base-class data), Auto_Task_Sampler (episodes drawn until the classes run
out); Task_Sample_From_Range and StandardSampler (per-class train/val split, 550 of
miniImageNet's 600 for training) are kept in the module."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="YeZiLaiXi/AttackOnForgetting",
    source="github",
    ref="8dc765a8627886b617077d65ac225769aab846a4",
    domain="continual learning: few-shot class-incremental",
    empty_init=("datasets",),  # imports the dataset loaders and transforms (torchvision, PIL)
)

FILE = "datasets/sampler.py"


def _labels(classes, per_class, seed):
    """dataset.labels: `per_class` images of each class, in a shuffled order."""
    import random

    labels = [c for c in range(classes) for _ in range(per_class)]
    random.Random(seed).shuffle(labels)
    return labels


CIFAR = _labels(100, 500, 0)  # CIFAR-100 training labels
MINI = _labels(100, 600, 1)  # miniImageNet
SESSION = _labels(65, 5, 2)  # a CIFAR-100 incremental session's support: 5-shot data of classes 0..64
CUB_TEST = _labels(200, 30, 3)  # CUB-200 test images (about 30 a class)


@sampler(PROJECT, FILE, "Cub_Test_Sampler")
def _(cls, module):
    for max_cls in (100, 110, 200):
        yield Case(f"CUB test, classes < {max_cls}", lambda m=max_cls: cls(CUB_TEST, 100, max_cls=m))


@sampler(PROJECT, FILE, "Batch_Sample_From_Range")
def _(cls, module):
    for labels, name in ((CIFAR, "CIFAR-100"), (SESSION, "a session")):
        for batch in (100, 128, 25):
            for min_cls, max_cls in ((0, 60), (0, 65), (60, 65)):
                yield Case(
                    f"{name}, classes [{min_cls}, {max_cls}), batch {batch}",
                    lambda l=labels, b=batch, lo=min_cls, hi=max_cls: cls(l, b, max_cls=hi, min_cls=lo),
                )


@sampler(PROJECT, FILE, "inc_sampler")
def _(cls, module):
    for way, shot in ((5, 5), (10, 5), (5, 1)):
        for min_cls, max_cls in ((60, 65), (0, 65), (60, 61)):
            yield Case(
                f"session data, {way}-way {shot}-shot, classes [{min_cls}, {max_cls})",
                lambda w=way, s=shot, lo=min_cls, hi=max_cls: cls(SESSION, w, s, max_cls=hi, min_cls=lo),
            )


@sampler(PROJECT, FILE, "Task_Sample_From_Range")
def _(cls, module):
    for way, shot in ((5, 5), (10, 5), (5, 1)):
        for min_cls, max_cls in ((60, 65), (0, 65)):
            yield Case(
                f"session data, {way}-way {shot}-shot, classes [{min_cls}, {max_cls})",
                lambda w=way, s=shot, lo=min_cls, hi=max_cls: cls(SESSION, w, s, max_cls=hi, min_cls=lo),
            )


@sampler(PROJECT, FILE, "StandardSampler")
def _(cls, module):
    for state in ("train", "val", "test"):
        for batch, drop_last in ((128, True), (128, False), (100, False)):
            yield Case(
                f"miniImageNet, {state}, batch {batch}, drop_last={drop_last}",
                lambda s=state, b=batch, d=drop_last: cls(MINI, b, s, drop_last=d, train_sample_each_c=550),
            )


@sampler(PROJECT, FILE, "CategoriesSampler")
def _(cls, module):
    for batches, tasks, way, shot, query in ((100, 1, 5, 5, 15), (50, 2, 5, 1, 15), (10, 1, 10, 5, 5)):
        yield Case(
            f"CIFAR-100 base classes, {batches} batches of {tasks} {way}-way {shot}-shot {query}-query tasks",
            lambda b=batches, t=tasks, w=way, s=shot, q=query: cls(CIFAR, b, t, w, s, q, max_cls=60, min_cls=0),
        )


@sampler(PROJECT, FILE, "CategoriesSamplerAlignInc")
def _(cls, module):
    for batches, way, shot, query, batch in ((50, 5, 5, 15, 128), (20, 5, 1, 5, 64)):
        yield Case(
            f"CIFAR-100 base classes, {batches} batches of {way}-way {shot}-shot {query}-query + {batch} base",
            lambda b=batches, w=way, s=shot, q=query, n=batch: cls(CIFAR, b, 1, w, s, q, 60, 0, n),
        )


@sampler(PROJECT, FILE, "Auto_Task_Sampler")
def _(cls, module):
    for way, shot, query in ((5, 5, 15), (5, 1, 0), (10, 5, 5)):
        yield Case(
            f"CIFAR-100 base classes, {way}-way {shot}-shot {query}-query",
            lambda w=way, s=shot, q=query: cls(CIFAR, w, s, q, cls_list=list(range(60))),
            epochs=3,
        )
