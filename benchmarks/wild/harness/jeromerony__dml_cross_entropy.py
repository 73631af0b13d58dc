"""jeromerony/dml_cross_entropy: deep metric learning with the cross-entropy (image
retrieval on CUB, Cars, SOP, In-Shop). utils/data/dataset_ingredient.py, with sampler
'random_id', gives RandomReplacedIdentitySampler(train_set.targets, batch_size,
num_identities, num_iterations) as `batch_sampler=`: num_iterations batches of
num_identities classes x batch_size // num_identities images each."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="jeromerony/dml_cross_entropy",
    source="github",
    ref="787e863a5c6ab345b69cad2672953b30a80790d9",
    domain="metric learning",
    absent=("PIL", "torchvision"),  # the image loading helpers beside the sampler
    empty_init=("utils", "utils.data"),  # the sacred ingredient and the training helpers
)


def _targets(classes, low, high, seed):
    """CUB-/SOP-like training targets 0..classes-1, low..high images a class, shuffled."""
    rng = random.Random(seed)
    targets = [c for c in range(classes) for _ in range(rng.randint(low, high))]
    rng.shuffle(targets)
    return targets


@sampler(PROJECT, "utils/data/utils.py", "RandomReplacedIdentitySampler")
def _(cls, module):
    for classes, low, high in ((100, 50, 60), (30, 2, 12), (8, 5, 9)):
        targets = _targets(classes, low, high, classes)
        for batch, identities in ((128, 32), (128, 64), (32, 8), (16, 4)):
            if identities > classes:
                continue
            for iterations in (1, 50, 300):
                yield Case(
                    f"{classes} classes of {low}-{high} images, batch {batch} of {identities} ids, "
                    f"{iterations} iterations",
                    lambda t=targets, b=batch, i=identities, n=iterations: cls(t, b, i, n),
                )
