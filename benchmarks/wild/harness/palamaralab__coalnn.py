"""PalamaraLab/coalNN: coalescence times (TMRCA) between haplotype pairs with a CNN, trained
on msprime simulations (population genomics).

data/sampler.py: the pairs a run or a dating pass visits (Subset, the given haplotype pairs
mapped to pair indices) and the validation pairs ordered by branch divergence
(ValidationThreadingSampler, which saves that order to the session folder).
"""

import itertools
import random
import tempfile

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="PalamaraLab/coalNN",
    source="github",
    ref="9260493e38018db142a09ff6801192ba54d7ba6d",
    domain="biology (population genomics)",
    # utils.py (save_numpy) imports plotting, OpenCV, sklearn at the top
    absent=("cv2", "psutil", "yaml", "matplotlib", "sklearn"),
)


def _pairs(haplotypes):
    pairs = list(itertools.combinations(range(haplotypes), 2))
    return pairs, {pair: k for k, pair in enumerate(pairs)}


@sampler(PROJECT, "data/sampler.py", "Subset")
def _(cls, module):
    for haplotypes in (2, 5, 20):
        pairs, mapping = _pairs(haplotypes)
        for k in (1, len(pairs) // 2 or 1, len(pairs)):
            yield Case(
                f"haplotypes={haplotypes} random pairs={k}",
                lambda p=pairs, m=mapping, k=k: cls(random.Random(k).sample(p, k), m),
            )


class _TreeSequence:
    """What order_pairs asks of an msprime tree sequence: a pairwise branch divergence."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def divergence(self, sample_sets, indexes=None, mode="branch", windows=None, span_normalise=True):
        return self.rng.exponential(2e4, size=len(indexes))


def _validation(cls, haplotypes, given):
    pairs, mapping = _pairs(haplotypes)
    simulation = {"tree_sequence": _TreeSequence(haplotypes), "pair_to_haplotypes": pairs,
                  "haplotypes_to_pair": mapping}
    session = tempfile.mkdtemp(prefix="coalnn-session-")
    return cls([simulation], session, pairs=np.arange(len(pairs)) if given else None)


@sampler(PROJECT, "data/sampler.py", "ValidationThreadingSampler")
def _(cls, module):
    for haplotypes in (2, 6, 25):
        for given in (False, True):  # pairs passed back when a session is restored
            yield Case(
                f"haplotypes={haplotypes} restored pairs={given}",
                lambda h=haplotypes, g=given: _validation(cls, h, g),
            )
