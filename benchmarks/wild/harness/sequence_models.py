"""sequence-models (PyPI, microsoft/protein-sequence-models): protein sequence models.

Its samplers.py: a length-sorted distributed sampler (SortishSampler), its cluster-sampling
variant (ClusteredSortishSampler, one member per cluster each epoch) and a token-budget
batch sampler (ApproxBatchSampler) used by the CARP / MIF training scripts.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="sequence-models",
    source="pypi",
    ref="1.8.0",
    domain="biology (proteins)",
)


# Protein lengths: a long-tailed spread like UniRef50 (tens to ~1000 residues).
def _lengths(n, seed=0):
    rng = np.random.default_rng(seed)
    return [int(x) for x in np.clip(rng.lognormal(5.5, 0.6, n), 30, 1024)]


@sampler(PROJECT, "sequence_models/samplers.py", "SortishSampler")
def _(cls, module):
    for n in (5, 37, 100, 250):
        for bucket in (8, 32):
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    yield Case(
                        f"n={n} bucket={bucket} replicas={world} rank={rank}",
                        lambda n=n, b=bucket, w=world, r=rank: cls(_lengths(n), b, num_replicas=w, rank=r),
                        repeat=3,
                    )


def _clusters(n, seed=1):
    """n sequences grouped into clusters of 1-6 members (UniRef50-style clusters)."""
    rng = np.random.default_rng(seed)
    clusters, i = [], 0
    while i < n:
        k = int(min(rng.integers(1, 7), n - i))
        clusters.append(list(range(i, i + k)))
        i += k
    return clusters


@sampler(PROJECT, "sequence_models/samplers.py", "ClusteredSortishSampler")
def _(cls, module):
    def build(n, b, w, r):
        s = cls(_lengths(n), _clusters(n), b, num_replicas=w, rank=r)
        s.set_epoch(0)  # the training scripts call set_epoch before every epoch
        return s

    for n in (9, 40, 120, 300):
        for bucket in (4, 16):
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    yield Case(
                        f"n={n} bucket={bucket} replicas={world} rank={rank}",
                        lambda n=n, b=bucket, w=world, r=rank: build(n, b, w, r),
                        repeat=3,
                    )


@sampler(PROJECT, "sequence_models/samplers.py", "ApproxBatchSampler")
def _(cls, module):
    # It inherits BatchSampler.__len__, which reads self.drop_last and self.batch_size, and
    # its __init__ (no super().__init__) sets neither: the runner records what len() raises
    # (verdict len_raises) and what __iter__ yields.
    from torch.utils.data import SequentialSampler

    for n in (37, 250):
        for max_tokens, max_batch in ((2000, 8), (8000, 32)):
            yield Case(
                f"SequentialSampler over n={n} lengths, max_tokens={max_tokens} max_batch={max_batch}",
                lambda n=n, t=max_tokens, b=max_batch: cls(SequentialSampler(range(n)), t, b, _lengths(n)),
            )
