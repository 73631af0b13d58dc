"""Sha-Lab/FEAT: few-shot learning (episodic). CategoriesSampler(label, n_batch, n_cls,
n_per) is the `batch_sampler=` of its train, val and test loaders (model/trainer/helpers.py:
episodes_per_epoch 100, way 5 or more, shot + query images a class)."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import class_labels

PROJECT = Project(
    name="Sha-Lab/FEAT",
    source="github",
    ref="47bdc7c1672e00b027c67469d0291e7502918950",
    domain="few-shot learning",
)


@sampler(PROJECT, "model/dataloader/samplers.py", "CategoriesSampler")
def _(cls, module):
    # mini-ImageNet-like splits: classes with 20-30 images (600 in the real set)
    for classes in (5, 16, 64):
        label = class_labels(classes, seed=classes, low=20, high=30)
        for n_batch in (1, 100, 37):
            for way, shot, query in ((5, 1, 15), (5, 5, 15), (min(classes, 16), 1, 5)):
                if way > classes:
                    continue
                yield Case(
                    f"{classes} classes, {n_batch} episodes, {way}-way {shot}-shot {query} queries",
                    lambda label=label, n=n_batch, w=way, p=shot + query: cls(label, n, w, p),
                )
