"""sidechainnet (PyPI, jonathanking/sidechainnet): all-atom protein structure data for ML.

dataloaders/SimilarLengthBatchSampler.py: the batch_sampler= of its train loaders: proteins
binned by length (equal residues or equal proteins per bin), batches drawn bin by bin, a
fixed batch size or a residue budget per bin (dynamic batching).
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="sidechainnet",
    source="pypi",
    ref="1.0.1",
    domain="biology (protein structure)",
    empty_init=("sidechainnet",),  # imports the structure builders, openmm, prody, the downloader
)


class _Protein:
    """An SCNProtein as the sampler reads it: len() is its number of residues."""

    def __init__(self, length):
        self.length = length

    def __len__(self):
        return self.length


def _dataset(n, seed=0):
    # SCNDataset(sort_by_length='ascending'): proteins of 20-800 residues, ascending
    rng = np.random.default_rng(seed)
    return [_Protein(int(x)) for x in sorted(np.clip(rng.lognormal(5.3, 0.6, n), 20, 800))]


@sampler(PROJECT, "sidechainnet/dataloaders/SimilarLengthBatchSampler.py", "SimilarLengthBatchSampler")
def _(cls, module):
    for n in (3, 40, 150, 500):
        for batch_size in (4, 12, 32):
            for dynamic in (True, False):
                for n_bins in (5, 30):
                    yield Case(
                        f"n={n} batch_size={batch_size} dynamic_batching={dynamic} n_bins={n_bins}",
                        lambda n=n, b=batch_size, d=dynamic, k=n_bins: cls(
                            _dataset(n), b, dynamic_batching=d, optimize_batch_for_cpus=False, n_bins=k, shuffle=True
                        ),
                        repeat=2,
                    )
