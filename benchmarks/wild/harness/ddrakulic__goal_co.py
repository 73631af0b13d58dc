"""ddrakulic/goal-co: GOAL, a generalist model for combinatorial optimization. Its knapsack,
orienteering, MIS and MVC training loaders use SamplerVariousSolutionLens: the instances are
grouped by the length of their solution (so that a batch shares one length), the groups and
the instances within each shuffled every epoch; len() is the dataset's size."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ddrakulic/goal-co",
    source="github",
    ref="6745d81a1d557f4d810776050bfb8fb57cbca902",
    domain="combinatorial optimization (neural solvers)",
)


class _Instances:
    """The training DataSet as the sampler reads it: len() and solution_lengths (a numpy array
    of each instance's solution length, from the .npz file)."""

    def __init__(self, n, low, high, seed):
        import numpy as np

        self.solution_lengths = np.random.RandomState(seed).randint(low, high + 1, size=n)

    def __len__(self):
        return len(self.solution_lengths)


@sampler(PROJECT, "utils/samplers.py", "SamplerVariousSolutionLens")
def _(cls, module):
    # (instances, shortest and longest solution): knapsack / orienteering / MVC-like spreads
    for n, low, high in ((10000, 20, 60), (1000, 5, 12), (100, 3, 4), (50, 7, 7)):
        yield Case(
            f"{n} instances, solution lengths {low}..{high}",
            lambda n=n, lo=low, hi=high: cls(_Instances(n, lo, hi, n)),
            repeat=2,
        )
