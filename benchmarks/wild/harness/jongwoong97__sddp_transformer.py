"""Jongwoong97/SDDP_transformer: a Transformer that predicts cuts for stochastic dual dynamic
programming (scientific ML for multistage stochastic optimisation).

data/sampler.py: SubsetSequentialSampler, the train and validation samplers of main.py: the
indices of one K-fold split (sklearn KFold, unshuffled) or, with --kfold 1, all of them.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Jongwoong97/SDDP_transformer",
    source="github",
    ref="57bdc258214ead09587b4cafe84ec92f15a0a3ce",
    domain="scientific ML (stochastic optimisation)",
)


def _folds(n, k):
    """The (train, validation) index lists KFold(n_splits=k, shuffle=False) gives."""
    edges = np.cumsum([0] + [n // k + (1 if i < n % k else 0) for i in range(k)])
    for lo, hi in zip(edges[:-1], edges[1:]):
        yield [i for i in range(n) if not lo <= i < hi], list(range(lo, hi))


@sampler(PROJECT, "data/sampler.py", "SubsetSequentialSampler")
def _(cls, module):
    for n in (1, 7, 100, 513):
        everything = list(np.arange(0, n))  # --kfold 1: numpy integers, as main.py builds them
        yield Case(f"n={n} kfold=1", lambda idx=everything: cls(idx))
    for n, k in ((10, 2), (101, 5)):
        for fold, (train, val) in enumerate(_folds(n, k)):
            yield Case(f"n={n} kfold={k} fold {fold} train", lambda idx=train: cls(idx))
            yield Case(f"n={n} kfold={k} fold {fold} validation", lambda idx=val: cls(idx))
