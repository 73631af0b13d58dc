"""mileyan/simple_shot: few-shot image classification (SimpleShot). src/train.py's
get_dataloader(..., sample=[meta_val_iter, way, shot, query]) gives
CategoriesSampler(sets.labels, *sample) as `batch_sampler=`: n_iter episodes of n_way
classes, n_shot gallery and n_query query images each (iNaturalist's test script too, whose
classes can hold fewer images than shot + query)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="mileyan/simple_shot",
    source="github",
    ref="5d38fc83e698f11fea56bdfa3e1a8fdde9935e1a",
    domain="few-shot learning",
    root="src",
    empty_init=("datasets",),  # the image folder loader and its transforms (PIL, torchvision)
)


def _labels(classes, low, high, seed):
    rng = random.Random(seed)
    labels = [c for c in range(classes) for _ in range(rng.randint(low, high))]
    rng.shuffle(labels)
    return labels


@sampler(PROJECT, "src/datasets/sampler.py", "CategoriesSampler")
def _(cls, module):
    # mini-ImageNet-like classes of 20-30 images, and iNaturalist-like ones of 2-40
    for classes, low, high in ((20, 20, 30), (64, 20, 30), (200, 2, 40)):
        labels = _labels(classes, low, high, classes)
        for iterations in (1, 100, 500):
            for way, shot, query in ((5, 1, 15), (5, 5, 15), (20, 1, 10)):
                yield Case(
                    f"{classes} classes of {low}-{high} images, {iterations} episodes, "
                    f"{way}-way {shot}-shot {query} queries",
                    lambda lab=labels, i=iterations, w=way, s=shot, q=query: cls(lab, i, w, s, q),
                )
