"""exhaustive-weighted-random-sampler (PyPI): a WeightedRandomSampler for imbalanced data that
walks the lowest-weight class exhaustively across epochs while oversampling the others; its
own __iter__ under WeightedRandomSampler's __len__."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="exhaustive-weighted-random-sampler",
    source="pypi",
    ref="0.0.2",
    domain="imbalanced classification: weighted sampling",
)


def _weights(n, positives):
    # negatives get weight 1 (walked exhaustively), the rare positives a larger weight
    return [5.0 if i % (n // positives) == 0 else 1.0 for i in range(n)]


@sampler(PROJECT, "exhaustive_weighted_random_sampler/__init__.py", "ExhaustiveWeightedRandomSampler")
def _(cls, module):
    for n, positives in ((10, 2), (64, 4), (300, 10)):
        yield Case(
            f"n={n} positives={positives} num_samples=n",
            lambda n=n, p=positives: cls(_weights(n, p), n),
            repeat=3,
        )
