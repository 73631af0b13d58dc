"""DeepLearnPhysics/lartpc_mlreco3d: ML reconstruction for liquid-argon TPC detectors
(sparse 3D CNNs and graph neural networks over particle fragments).

mlreco/iotools/samplers.py at the commit before "Fixed issue #26 by removing the
batch_size division in sampler that is already done by PyTorch": samplers given as
sampler= to a DataLoader with batch_size, yielding runs of batch_size consecutive event
indices from random starts (RandomSequenceSampler) or in order (SequentialBatchSampler),
their len() the number of batches (AbstractBatchSampler) while they yield events.
"""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="DeepLearnPhysics/lartpc_mlreco3d",
    source="github",
    ref="32326b9b1b1fd9bade80b959e8c57cc09c351fb0",
    domain="physics (LArTPC reconstruction, sparse CNN and GNN)",
)


class _Events:
    """A LArCV event dataset: only len() is read (create() takes nEvents or len(ds))."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


SIZES = ((8, 4), (10, 3), (100, 16), (1000, 32), (37, 37))


@sampler(PROJECT, "mlreco/iotools/samplers.py", "RandomSequenceSampler")
def _(cls, module):
    for n, batch in SIZES:
        if batch == n:
            continue  # randint(high=0) has no value to draw: its own bounds reject it
        yield Case(f"events={n} batch_size={batch} (create from config)",
                   lambda n=n, b=batch: cls.create(_Events(n), {"batch_size": b}))
        yield Case(f"nEvents={n // 2 + batch} of {n} batch_size={batch}",
                   lambda n=n, b=batch: cls.create(_Events(n), {"batch_size": b, "nEvents": n // 2 + b}))


@sampler(PROJECT, "mlreco/iotools/samplers.py", "SequentialBatchSampler")
def _(cls, module):
    for n, batch in SIZES:
        if batch == n:
            continue  # no start below n - batch_size: nothing to concatenate
        yield Case(f"events={n} batch_size={batch} (create from config)",
                   lambda n=n, b=batch: cls.create(_Events(n), {"batch_size": b}))
