"""titania7777/video_few_shot: few-shot video action recognition (UCF101). train.py and
test.py give CategoriesSampler(dataset.classes, iter_size, way, shot, query) as
`batch_sampler=`: iter_size episodes of `way` classes x (shot + query) videos; the
dataset's `classes` holds each video's label, 1..N as its csv numbers them."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="titania7777/video_few_shot",
    source="github",
    ref="5806511246c037e5a1f52d3ec05b1f3ac32e50fd",
    domain="few-shot video recognition",
    absent=("PIL", "torchvision"),  # the frame loading and augmentation of UCF101.py
)


def _classes(actions, seed):
    """UCF101 few-shot split-like labels 1..actions, 20-40 videos an action."""
    rng = random.Random(seed)
    return [label for label in range(1, actions + 1) for _ in range(rng.randint(20, 40))]


@sampler(PROJECT, "UCF101.py", "CategoriesSampler")
def _(cls, module):
    for actions in (5, 21, 70):
        labels = _classes(actions, actions)
        for iterations in (1, 100, 600):
            for way, shot, query in ((5, 1, 5), (5, 5, 10), (5, 1, 19)):
                yield Case(
                    f"{actions} actions, {iterations} episodes, {way}-way {shot}-shot {query} queries",
                    lambda lab=labels, i=iterations, w=way, s=shot, q=query: cls(lab, i, w, s, q),
                )
