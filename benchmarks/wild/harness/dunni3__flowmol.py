"""Dunni3/FlowMol: flow matching for 3D de novo molecule generation (graphs/molecules).

flowmol/data_processing/adaptive_sampler.py: AdaptiveEdgeSampler, the batch sampler of the
data module when max_num_edges is set (configs: 10 000 dev, 50 000 flowmol3): molecules
drawn from a shuffled queue until the batch's edges (atoms incl. fake ones, squared) pass the
budget, batches_per_epoch of them, its count estimated from 3000 edges a molecule.
flowmol/data_processing/samplers.py: SameSizeMoleculeSampler (batches of molecules with one
atom count, capped by max_num_edges) and its DistributedSampler form. The dataset is the
project's MoleculeDataset as it loads the processed data (node_idx_array: each molecule's
first and last atom), molecules of GEOM-like sizes (10 to 80 atoms).
"""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Dunni3/FlowMol",
    source="github",
    ref="77cae22174b7792b0e25e9e0414038420736d841",
    domain="graphs/molecules (3D molecule generation)",
    absent=("dgl",),
    # flowmol/__init__ loads the model (and its pretrained-weights helpers)
    empty_init=("flowmol",),
)


def _molecules(n, fake_atom_p=0.3, low=10, high=80, seed=0):
    from flowmol.data_processing.dataset import MoleculeDataset

    atoms = torch.randint(low, high + 1, (n,), generator=torch.Generator().manual_seed(seed))
    ends = atoms.cumsum(0)
    dataset = MoleculeDataset.__new__(MoleculeDataset)
    dataset.node_idx_array = torch.stack([ends - atoms, ends], dim=1)
    dataset.fake_atom_p = fake_atom_p
    dataset.use_fake_atoms = fake_atom_p > 0
    return dataset


@sampler(PROJECT, "flowmol/data_processing/adaptive_sampler.py", "AdaptiveEdgeSampler")
def _(cls, module):
    for n in (50, 400, 3000):
        for edges, fake in ((10000, 0.2), (50000, 0.3)):
            yield Case(
                f"molecules={n} max_num_edges={edges} fake_atom_p={fake}",
                lambda n=n, e=edges, f=fake: cls(_molecules(n, f), e),
                epochs=20,
            )
            for world in (2, 4):
                for rank in range(world):
                    yield Case(
                        f"molecules={n} max_num_edges={edges} fake_atom_p={fake} distributed rank={rank}/{world}",
                        lambda n=n, e=edges, f=fake, w=world, r=rank: cls(
                            _molecules(n, f), e, distributed=True, rank=r, num_replicas=w
                        ),
                        epochs=20,
                    )


@sampler(PROJECT, "flowmol/data_processing/samplers.py", "SameSizeMoleculeSampler")
def _(cls, module):
    for n in (40, 500):
        for batch_size, edges in ((12, 40000), (32, 10000), (128, 40000)):
            yield Case(
                f"molecules={n} batch_size={batch_size} max_num_edges={edges}",
                lambda n=n, b=batch_size, e=edges: cls(_molecules(n), b, max_num_edges=e),
            )
            yield Case(
                f"molecules={n} (a subset: every other) batch_size={batch_size} max_num_edges={edges}",
                lambda n=n, b=batch_size, e=edges: cls(_molecules(n), b, idxs=torch.arange(0, n, 2), max_num_edges=e),
            )


@sampler(PROJECT, "flowmol/data_processing/samplers.py", "SameSizeDistributedMoleculeSampler")
def _(cls, module):
    for n in (40, 500):
        for batch_size in (12, 32):
            for world in (1, 2, 3):
                for rank in range(world):
                    for drop_last in (False, True):
                        yield Case(
                            f"molecules={n} batch_size={batch_size} replicas={world} rank={rank} drop_last={drop_last}",
                            lambda n=n, b=batch_size, w=world, r=rank, d=drop_last: cls(
                                _molecules(n), b, num_replicas=w, rank=r, drop_last=d
                            ),
                        )
