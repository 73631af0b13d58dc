"""yinboc/few-shot-meta-baseline: few-shot image classification (Meta-Baseline). The
`batch_sampler=` of train_meta.py, train_classifier.py and test_few_shot.py:
CategoriesSampler(dataset.label, n_batch, n_way, n_shot + n_query, ep_per_batch), each
batch ep_per_batch episodes of n_way classes x (shot + query) images (200 batches of 4
episodes in testing, 5-way 1- or 5-shot, 15 queries)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="yinboc/few-shot-meta-baseline",
    source="github",
    ref="779fae39dad3537e7c801049c858923e2a352dfe",
    domain="few-shot learning",
    empty_init=("datasets",),  # imports every dataset module (PIL, torchvision)
)


def _labels(classes, seed):
    """A mini-ImageNet-like `label`: `classes` classes of 20-30 images, shuffled."""
    rng = random.Random(seed)
    label = [c for c in range(classes) for _ in range(rng.randint(20, 30))]
    rng.shuffle(label)
    return label


@sampler(PROJECT, "datasets/samplers.py", "CategoriesSampler")
def _(cls, module):
    for classes in (5, 16, 64):
        label = _labels(classes, classes)
        for n_batch in (1, 50, 200):
            for way, per in ((5, 16), (5, 20), (2, 20)):
                for episodes in (1, 4):
                    yield Case(
                        f"{classes} classes, {n_batch} batches of {episodes} {way}-way episodes "
                        f"of {per} images",
                        lambda lab=label, b=n_batch, w=way, p=per, e=episodes: cls(
                            lab, b, w, p, ep_per_batch=e
                        ),
                    )
