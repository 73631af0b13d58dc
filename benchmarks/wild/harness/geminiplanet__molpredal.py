"""Geminiplanet/MolPredAL: active learning for molecular property prediction. data/sampler.py:
SubsetSequentialSampler, the given indices in order; main.py and selection_methods.py pass
it the random unlabelled subset and the labelled set (lists of dataset indices, also their
concatenation) to score or train on."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Geminiplanet/MolPredAL",
    source="github",
    ref="93d6076b999b466c282f662a9e02870c565e6759",
    domain="molecules: active learning (subset samplers)",
)


@sampler(PROJECT, "data/sampler.py", "SubsetSequentialSampler")
def _(cls, module):
    for pool in (10, 1000):
        for subset in (1, 5, 200):
            if subset > pool:
                continue
            yield Case(
                f"random subset of {subset} of {pool} molecules",
                lambda p=pool, s=subset: cls(random.Random(1).sample(range(p), s)),
            )
            yield Case(
                f"subset of {subset} + labelled set of {subset} (of {pool})",
                lambda p=pool, s=subset: cls(random.Random(1).sample(range(p), s) + list(range(s))),
            )
    yield Case("empty labelled set", lambda: cls([]))
