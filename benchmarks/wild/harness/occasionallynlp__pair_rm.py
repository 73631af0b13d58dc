"""OccasionallyNLP/pair_rm: a pairwise reward model for LLM responses (NLP).

utils/samplers.py: DistributedWeightedRandomSampler, a DistributedSampler whose iteration
draws num_samples indices by inverse class frequency of the examples' 'label' (its length
is DistributedSampler's). Examples are dicts with a 'label', as its iteration reads them.
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="OccasionallyNLP/pair_rm",
    source="github",
    ref="13025d9c07adea2fbbac2f929b3cbd127c66da02",
    domain="NLP (reward modelling)",
)


def _pairs(n, seed=0):
    rng = random.Random(seed)
    return [{"chosen": f"response {i}a", "rejected": f"response {i}b", "label": int(rng.random() < 0.3)}
            for i in range(n)]


def _at_epoch(s, epoch):
    s.set_epoch(epoch)
    return s


@sampler(PROJECT, "utils/samplers.py", "DistributedWeightedRandomSampler")
def _(cls, module):
    for n in (5, 64, 301):
        for world in (1, 2, 3):
            for rank in range(world):
                for drop_last in (False, True):
                    for replacement in (False, True):
                        yield Case(
                            f"n={n} replicas={world} rank={rank} drop_last={drop_last} replacement={replacement} "
                            f"set_epoch(1)",
                            lambda n=n, w=world, r=rank, d=drop_last, p=replacement: _at_epoch(
                                cls(_pairs(n), num_replicas=w, rank=r, drop_last=d, replacement=p), 1
                            ),
                        )
