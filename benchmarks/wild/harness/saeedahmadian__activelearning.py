"""saeedahmadian/ActiveLearning: uncertainty-pooling active learning on CIFAR-10. Its ALSampler
walks a list of pool or labelled indices (UncertaintyPooling builds one per round from the
labelled set, from a chunk of the unlabelled pool, and from the whole pool)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="saeedahmadian/ActiveLearning",
    source="github",
    ref="b700e611e4b3a5b5fc5c0a3e914d0d4cf4b1fd20",
    domain="active learning",
)


@sampler(PROJECT, "CSmapler.py", "ALSampler")
def _(cls, module):
    import random

    for n in (1, 10, 500, 5000):
        pool = random.Random(n).sample(range(50000), n)  # indices picked out of CIFAR's 50000
        yield Case(f"{n} pool indices (a list)", lambda pool=pool: cls(pool))
        yield Case(f"{n} pool indices (a range)", lambda n=n: cls(range(n)))
