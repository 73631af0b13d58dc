"""ICLab4DL/GNNBenchEffectiveness: how effective graph classification benchmarks are for GNNs
(graphs; a benchmarking framework after Errica et al.).

datasets/sampler.py: the samplers of datasets/manager.py's loaders: RandomSampler (shuffled
training, its permutation kept for saving) and ImbalancedDatasetSampler (--sampler
imbalanced: a WeightedRandomSampler inverse to the class counts of the graphs' labels).
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ICLab4DL/GNNBenchEffectiveness",
    source="github",
    ref="b34466676d1cc87ee28814a3cc46b6bce2db3f6f",
    domain="graphs (graph classification)",
)


class _Graph:
    """A graph of the dataset as the sampler reads it: its class label y."""

    def __init__(self, y):
        self.y = y


def _graphs(n, classes, seed=0):
    rng = random.Random(seed)
    # every class present (the weights index the per-class counts by label)
    return [_Graph(i % classes if i < classes else rng.choice([0] * 4 + list(range(classes)))) for i in range(n)]


@sampler(PROJECT, "datasets/sampler.py", "RandomSampler")
def _(cls, module):
    for n in (1, 17, 600):
        yield Case(f"graphs={n}", lambda n=n: cls(_graphs(n, 2)))
        yield Case(f"graphs={n} num_samples=2n", lambda n=n: cls(_graphs(n, 2), num_samples=2 * n))
        yield Case(f"graphs={n} replacement num_samples=n", lambda n=n: cls(_graphs(n, 2), num_samples=n, replacement=True))


@sampler(PROJECT, "datasets/sampler.py", "ImbalancedDatasetSampler")
def _(cls, module):
    for n in (2, 40, 600):
        for classes in (2, 6):
            if classes > n:
                continue
            yield Case(f"graphs={n} classes={classes}", lambda n=n, c=classes: cls(_graphs(n, c)))
            yield Case(f"graphs={n} classes={classes} num_samples=100", lambda n=n, c=classes: cls(_graphs(n, c), 100))
