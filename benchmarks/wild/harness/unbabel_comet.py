"""unbabel-comet (PyPI): machine translation evaluation. OrderedSampler
(comet/models/utils.py), which CometModel.predict puts under its loader with
length_batching: the samples' indices sorted by source length."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="unbabel-comet",
    source="pypi",
    ref="2.2.7",
    domain="machine translation",
    # comet/__init__.py and comet/models/__init__.py load the models (transformers, lightning).
    empty_init=("comet", "comet.models"),
)


@sampler(PROJECT, "comet/models/utils.py", "OrderedSampler")
def _(cls, module):
    import random

    import numpy as np

    for n in (1, 9, 250):
        rng = random.Random(n)
        sources = [" ".join("w" * rng.randint(1, 8) for _ in range(rng.randint(1, 40))) for _ in range(n)]
        # predict(): sort_ids = np.argsort([len(sample["src"]) for sample in samples])
        yield Case(
            f"segments={n} sorted by source length", lambda s=sources: cls(np.argsort([len(x) for x in s]))
        )
