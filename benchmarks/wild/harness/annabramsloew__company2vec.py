"""annabramsloew/company2vec: company event sequences as documents for a transformer (life2vec
for firms; NLP-style pre-training on tabular registry data).

src/data/sampler.py: FixedSampler, the sampler of the data module's fixed-order loaders
(src/data/datamodule.py): the positives' positions then the shuffled negatives', a LongTensor.
"""

import numpy as np
import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="annabramsloew/company2vec",
    source="github",
    ref="313bb4962d7ac539992b45eb40116881d1c2f1aa",
    domain="tabular / NLP (company event sequences)",
)


def _ordered(targets, seed=0):
    """__ordered_subset_indexes__: positive positions, then negative ones shuffled."""
    targets = np.asarray(targets)
    pos_idx = np.where(targets == 1)[0]
    neg_idx = np.where(targets == 0)[0]
    np.random.RandomState(seed).shuffle(neg_idx)
    return torch.LongTensor(np.hstack([pos_idx, neg_idx]))


@sampler(PROJECT, "src/data/sampler.py", "FixedSampler")
def _(cls, module):
    rng = np.random.RandomState(0)
    for n in (1, 12, 400):
        for rate in (0.05, 0.5):
            targets = (rng.rand(n) < rate).astype(int)
            yield Case(f"n={n} positive rate={rate} (tensor)", lambda t=targets: cls(indices=_ordered(t)))
    yield Case("indices as a list", lambda: cls(indices=[3, 1, 2, 0]))
