"""OATML-Markslab/ProteinGym: benchmarks of protein fitness prediction, with its baselines.

proteingym/baselines/protssn/src/utils/data_utils.py: the ProtSSN baseline's BatchSampler,
packing protein residue graphs up to batch_token_num nodes (graphs above max_len dropped),
the batches formed once. A graph between batch_token_num and max_len nodes never fits a
batch and the packing loops forever; the cases keep graphs within batch_token_num.
"""

import random

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="OATML-Markslab/ProteinGym",
    source="github",
    ref="bb685245f8f4bb95a5b54b470396c23826cd6284",
    domain="biology (protein graphs)",
)


class _ResidueGraph:
    """A PyG Data of a protein structure: x has one row per residue."""

    def __init__(self, n):
        self.x = torch.zeros(n, 1)


def _proteins(n, high, seed=0):
    rng = random.Random(seed)
    return [_ResidueGraph(rng.randint(30, high)) for _ in range(n)]


@sampler(PROJECT, "proteingym/baselines/protssn/src/utils/data_utils.py", "BatchSampler")
def _(cls, module):
    for n in (1, 12, 80, 300):
        for max_len, tokens in ((5000, 3096), (1000, 3096), (500, 1500)):
            for shuffle in (True, False):
                high = min(max_len + 200, tokens)  # some graphs above max_len when max_len < tokens
                yield Case(
                    f"n={n} graphs of 30-{high} residues max_len={max_len} batch_token_num={tokens} "
                    f"shuffle={shuffle}",
                    lambda n=n, h=high, m=max_len, t=tokens, s=shuffle: cls(
                        _proteins(n, h), max_len=m, batch_token_num=t, shuffle=s
                    ),
                    repeat=2,
                )
