"""RL-VIG/LibFewShot: few-shot learning (episodic). core/data/samplers.py's get_sampler
gives its episode samplers as `batch_sampler=`: each batch is episode_size tasks of way_num
classes x (shot + query) images, episode_num tasks an epoch (config/headers/model.yaml:
episode_size 1, 100 episodes); the distributed ones get episode_size and episode_num
divided by n_gpu, and the FGFL ones (GAIN classifiers) order the same batch shot-wise.
core/data/dataloader.py's _RepeatSampler has no __len__."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="RL-VIG/LibFewShot",
    source="github",
    ref="067efb7f4bc06f9e5e95621a679e8e9c2d979ab7",
    domain="few-shot learning",
    empty_init=("core", "core.data"),  # the trainer, the datasets and torchvision
)

FILE = "core/data/samplers.py"
# (way, shot + query): the 5-way 1-shot and 5-shot settings with 15 queries, and a
# 10-way 5-shot one with 5 queries
TASKS = ((5, 16), (5, 20), (10, 10))


def _labels(classes, seed):
    """A mini-ImageNet-like label_list: `classes` classes of 20-30 images, shuffled."""
    rng = random.Random(seed)
    labels = [c for c in range(classes) for _ in range(rng.randint(20, 30))]
    rng.shuffle(labels)
    return labels


def _settings():
    for classes in (10, 16, 64):
        for way, images in TASKS:
            if way <= classes:
                for episode_size in (1, 2, 4):
                    for episodes in (1, 37, 100):
                        yield _labels(classes, classes), classes, way, images, episode_size, episodes


@sampler(PROJECT, FILE, "CategoriesSampler")
def _(cls, module):
    for labels, classes, way, images, size, episodes in _settings():
        yield Case(
            f"{classes} classes, {way}-way {images} images, episode_size={size} episodes={episodes}",
            lambda lab=labels, c=classes, w=way, i=images, s=size, e=episodes: cls(lab, c, s, e, w, i),
        )


@sampler(PROJECT, FILE, "FGFLCompatibleSampler")
def _(cls, module):
    for labels, classes, way, images, size, episodes in _settings():
        yield Case(
            f"{classes} classes, {way}-way {images} images, episode_size={size} episodes={episodes}",
            lambda lab=labels, c=classes, w=way, i=images, s=size, e=episodes: cls(lab, c, s, e, w, i),
        )


def _distributed(cls):
    """As get_sampler builds them for n_gpu ranks: episode_size and episode_num divided by
    n_gpu (only worlds no larger than episode_size, which leave each rank a task a batch)."""
    for labels, classes, way, images, size, episodes in _settings():
        for world in (1, 2, 4):
            if world > size:
                continue
            for rank in range(world):
                for epoch in (0, 1):

                    def build(
                        lab=labels, c=classes, w=way, i=images, s=size, e=episodes, n=world, r=rank, p=epoch
                    ):
                        made = cls(
                            label_list=lab,
                            label_num=c,
                            episode_size=s // n,
                            episode_num=e // n,
                            way_num=w,
                            image_num=i,
                            rank=r,
                            seed=0,
                            world_size=n,
                        )
                        made.set_epoch(p)
                        return made

                    yield Case(
                        f"{classes} classes, {way}-way {images} images, episode_size={size} "
                        f"episodes={episodes} n_gpu={world} rank={rank} epoch={epoch}",
                        build,
                    )


@sampler(PROJECT, FILE, "DistributedCategoriesSampler")
def _(cls, module):
    yield from _distributed(cls)


@sampler(PROJECT, FILE, "FGFLDistributedCategoriesSampler")
def _(cls, module):
    yield from _distributed(cls)
