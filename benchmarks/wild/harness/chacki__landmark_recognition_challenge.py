"""Chacki/landmark_recognition_challenge: landmark recognition and retrieval (Google
Landmarks, metric learning). dataset/matching_pairs_sampler.py's MatchingPairsSampler(pairs)
is the `sampler=` of experiments exp_06 and exp_07 (pairs {landmark: [(i, j) matching
image pairs]}: one pair of every landmark an epoch); dataset/sampler.py's
RandomIdentitySampler(labels) takes 4 images of every landmark; exp_04_1000_classes.py's
ClassSampler(encoded_labels) shuffles the images of the first FLAGS.num_classes classes
(1000 by default)."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Chacki/landmark_recognition_challenge",
    source="github",
    ref="d9c15a8919d15b766a6a7e6228f6b0217e8194d6",
    domain="landmark recognition",
    # exp_04's own modules (models, the dataset, the submission helpers) load the training
    # stack; its sampler reads FLAGS.num_classes alone
    stubs={
        "config": "",
        "models": "",
        "dataset.landmark_recognition": "",
        "utils.data": "",
        "utils.kaggle_submission": "",
        "utils.logging": "",
    },
    absent=("absl", "ignite", "pandas", "PIL", "torchvision"),
    empty_init=("dataset", "utils"),
)


def _landmarks(count, seed):
    """Labels of a Google-Landmarks-like training set: `count` landmarks of 1-30 images."""
    rng = random.Random(seed)
    labels = [lm for lm in range(count) for _ in range(rng.randint(1, 30))]
    rng.shuffle(labels)
    return labels


@sampler(PROJECT, "dataset/matching_pairs_sampler.py", "MatchingPairsSampler")
def _(cls, module):
    for count in (1, 20, 500):
        rng = random.Random(count)
        pairs = {
            lm: [(rng.randrange(10**6), rng.randrange(10**6)) for _ in range(rng.randint(1, 6))]
            for lm in range(count)
        }
        yield Case(f"{count} landmarks of 1-6 matching pairs", lambda p=pairs: cls(p))


@sampler(PROJECT, "dataset/sampler.py", "RandomIdentitySampler")
def _(cls, module):
    for count in (1, 20, 500):
        yield Case(f"{count} landmarks of 1-30 images", lambda c=count: cls(_landmarks(c, c)))


@sampler(PROJECT, "experiments/exp_04_1000_classes.py", "ClassSampler")
def _(cls, module):
    for count, first in ((1500, 1000), (300, 1000), (50, 10)):

        def build(c=count, k=first):
            module.FLAGS.num_classes = k  # the flag's value (1000 by default)
            return cls(np.array(_landmarks(c, c)))

        yield Case(f"{count} landmarks, the first {first} classes", build)
