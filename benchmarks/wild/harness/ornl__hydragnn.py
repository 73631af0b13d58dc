"""ORNL/HydraGNN: multi-headed graph neural networks for atomistic materials and molecules.

hydragnn/preprocess/batch_sampler.py: cost-aware batching of variable-size graphs (sum of
node counts bounded by max_cost, optional max_graphs, oversized graphs raised, skipped or
alone) and its distributed form (batches grouped by cost into steps, padded or cut to the
world size).
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ORNL/HydraGNN",
    source="github",
    ref="d251f81627e6677c8636babe52ec0b020b2d27b7",
    domain="graph learning (atomistic materials)",
    empty_init=("hydragnn", "hydragnn.preprocess"),  # import every model, torch_geometric, ADIOS
)


class _Graph:
    def __init__(self, num_nodes):
        self.num_nodes = num_nodes


class _Structures:
    """Atomistic graphs: molecules / crystal cells of 3-250 atoms."""

    def __init__(self, n, seed=0):
        rng = random.Random(seed)
        self.graphs = [_Graph(rng.choice([rng.randint(3, 40), rng.randint(40, 250)])) for _ in range(n)]

    def __len__(self):
        return len(self.graphs)

    def __getitem__(self, i):
        return self.graphs[i]


CONFIGS = [
    # (max_cost, max_graphs, oversized_sample)
    (400, None, "single"),
    (400, 8, "skip"),
    (1000, None, "skip"),
    (2000, 16, "single"),
]


@sampler(PROJECT, "hydragnn/preprocess/batch_sampler.py", "CostAwareBatchSampler")
def _(cls, module):
    for n in (1, 7, 60, 300):
        for max_cost, max_graphs, oversized in CONFIGS:
            for drop_last in (False, True):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} max_cost={max_cost} max_graphs={max_graphs} oversized={oversized} "
                        f"drop_last={drop_last} shuffle={shuffle}",
                        lambda n=n, c=max_cost, g=max_graphs, o=oversized, d=drop_last, s=shuffle: cls(
                            _Structures(n), c, max_graphs=g, oversized_sample=o, drop_last=d, shuffle=s
                        ),
                        repeat=2,
                    )


@sampler(PROJECT, "hydragnn/preprocess/batch_sampler.py", "DistributedCostAwareBatchSampler")
def _(cls, module):
    for n in (7, 60, 300):
        for max_cost, max_graphs, oversized in CONFIGS[:3]:
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    for pad in (True, False):
                        yield Case(
                            f"n={n} max_cost={max_cost} max_graphs={max_graphs} oversized={oversized} "
                            f"replicas={world} rank={rank} pad_batches={pad}",
                            lambda n=n, c=max_cost, g=max_graphs, o=oversized, w=world, r=rank, p=pad: cls(
                                _Structures(n), c, num_replicas=w, rank=r, pad_batches=p, max_graphs=g,
                                oversized_sample=o,
                            ),
                            repeat=2,
                        )
