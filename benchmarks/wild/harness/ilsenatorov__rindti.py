"""ilsenatorov/rindti: drug-target interaction prediction with graph neural networks.

rindti/data/samplers.py: DynamicBatchSampler, the batch_sampler= of its data modules
(batch_sampling=True): fills each batch with protein/drug graphs up to max_num nodes.
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ilsenatorov/rindti",
    source="github",
    ref="7afebf5bcf90ccc671c50c22fd8c2b7060d70787",  # the last commit with rindti/data/samplers.py
    domain="graph learning (drug-target interaction)",
    # torch_geometric.data.Dataset: only an annotation in the sampler's module
    stubs={"torch_geometric.data": "class Dataset:\n    pass\n"},
    empty_init=("rindti", "rindti.data"),  # they import every model, lightning, the datasets
)


class _Graph:
    def __init__(self, num_nodes):
        self.num_nodes = num_nodes


class _GraphDataset:
    """A PyG dataset of protein graphs as the sampler reads it: len, [i].num_nodes, shuffle()."""

    def __init__(self, n, low, high, seed=0):
        rng = random.Random(seed)
        self.graphs = [_Graph(rng.randint(low, high)) for _ in range(n)]
        self.rng = rng

    def __len__(self):
        return len(self.graphs)

    def __getitem__(self, i):
        return self.graphs[i]

    def shuffle(self):  # PyG's Dataset.shuffle, in place here
        self.rng.shuffle(self.graphs)
        return self


@sampler(PROJECT, "rindti/data/samplers.py", "DynamicBatchSampler")
def _(cls, module):
    # residue graphs of 50-1000 nodes; max_num as in train.py (4000) and smaller budgets
    for n in (1, 5, 37, 200):
        for max_num in (1000, 4000, 30000):
            for shuffle in (True, False):
                yield Case(
                    f"n={n} graphs of 50-1000 nodes max_num={max_num} shuffle={shuffle}",
                    lambda n=n, m=max_num, s=shuffle: cls(_GraphDataset(n, 50, 1000), m, s),
                )
