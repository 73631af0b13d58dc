"""drorlab/gvp-pytorch: geometric vector perceptrons, GNNs over protein structures.
gvp/data.py: BatchSampler, batches of a protein graph dataset filled up to `max_nodes`
residues (structures larger than that left out), in shuffled order; run_cpd.py builds it
over ProteinGraphDataset.node_counts (chain lengths of CATH 4.2) with --max-nodes."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="drorlab/gvp-pytorch",
    source="github",
    ref="82af6b22eaf8311c15733117b0071408d24ed877",
    domain="proteins: graph neural networks on structures (node-budget batches)",
    # the featurisation (radius graphs, PyG Data) of data.py and the layers of gvp/__init__
    absent=("torch_geometric", "torch_cluster", "torch_scatter", "tqdm"),
)


def _node_counts(n, seed=0):
    """Chain lengths as CATH's: mostly 50..500 residues, a few longer than the budget."""
    rng = random.Random(seed)
    return [rng.randint(40, 500) if rng.random() < 0.9 else rng.randint(500, 4000) for _ in range(n)]


@sampler(PROJECT, "gvp/data.py", "BatchSampler")
def _(cls, module):
    for n in (1, 12, 300):
        for max_nodes in (3000, 1000, 500):
            for shuffle in (True, False):
                yield Case(
                    f"node_counts={n} max_nodes={max_nodes} shuffle={shuffle}",
                    lambda n=n, m=max_nodes, s=shuffle: cls(_node_counts(n), max_nodes=m, shuffle=s),
                    repeat=2,
                )
