"""SeyranM/Residue-Contact-Prediction: protein residue-residue contact prediction from
protein language model embeddings (scientific ML).

bucket_sampler.py: BucketBatchSampler of train.py: sequences sorted by length into buckets
of bucket_size (config.py: 2000), batches of batch_size (4) within each, buckets and their
contents shuffled for training, in order for validation.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="SeyranM/Residue-Contact-Prediction",
    source="github",
    ref="2396a3d198fb916310ea3d37c9e94ed0fe04c77f",
    domain="scientific ML (protein structure)",
)


def _lengths(n, seed=0):
    """Protein chain lengths, as PreprocessedTensorDataset.get_seq_lengths returns them."""
    return [int(x) for x in np.random.RandomState(seed).randint(30, 1000, size=n)]


@sampler(PROJECT, "bucket_sampler.py", "BucketBatchSampler")
def _(cls, module):
    for n in (1, 9, 300, 4500):
        for bucket_size, batch_size in ((2000, 4), (100, 8), (7, 3)):
            for shuffle in (True, False):
                yield Case(
                    f"n={n} bucket_size={bucket_size} batch_size={batch_size} shuffle={shuffle}",
                    lambda n=n, k=bucket_size, b=batch_size, s=shuffle: cls(
                        lengths=_lengths(n), batch_size=b, bucket_size=k, shuffle=s
                    ),
                    repeat=2,
                )
