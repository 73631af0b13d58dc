"""HannesStark/3DInfomax: 3D-infomax pre-training of molecular GNNs on QM9 / GEOM. With
--train_sampler, train.py batches the training split (indices=train_idx of QM9Dataset) with
one of its batch samplers, built as sampler(data_source=all_data, batch_size, indices):
ConstantNumberAtomsCategorical fills half of each batch with molecules of one atom count (a
cluster drawn by its frequency) and the rest from a random sampler; ConstantNumberAtomsChunks
sorts by atom count, shuffles within each count and cuts the order into number_chunks equal
chunks (torch.stack of the chunks: the split size must divide evenly), half of each batch
from the first chunk."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="HannesStark/3DInfomax",
    source="github",
    ref="5cd32629c690e119bcae8726acedefdb0aa037fc",
    domain="molecular graph pre-training",
    # the dataset module imports dgl, torch_geometric, ogb and rdkit; the samplers read
    # only its meta_dict['n_atoms'] and its length
    stubs={"datasets.qm9_dataset": "class QM9Dataset:\n    pass\n"},
)

FILE = "datasets/samplers.py"


class _QM9:
    """QM9Dataset as the samplers read it: meta_dict['n_atoms'] (atoms per molecule, QM9's
    range with its mode near 18) and its length."""

    def __init__(self, n):
        import torch

        g = torch.Generator().manual_seed(n)
        self.meta_dict = {"n_atoms": (torch.randn(n, generator=g) * 3 + 18).round().clamp(3, 29).long()}

    def __len__(self):
        return len(self.meta_dict["n_atoms"])

    def __getitem__(self, index):
        return index


# (molecules in the dataset, training split size, batch size): QM9's 130k with its configs'
# batch 500 and smaller ones
SETTINGS = ((130831, 50000, 500), (3000, 1000, 32), (500, 200, 50), (100, 100, 16))


@sampler(PROJECT, FILE, "ConstantNumberAtomsCategorical")
def _(cls, module):
    for n, split, batch in SETTINGS:
        for drop_last in (False, True):
            yield Case(
                f"QM9 of {n}, train split {split}, batch {batch}, drop_last={drop_last}",
                lambda n=n, s=split, b=batch, d=drop_last: cls(
                    data_source=_QM9(n), batch_size=b, indices=list(range(s)), drop_last=d
                ),
                epochs=3,
            )


@sampler(PROJECT, FILE, "ConstantNumberAtomsChunks")
def _(cls, module):
    for n, split, batch in SETTINGS:
        for chunks in (50, 10):
            if split % chunks:
                continue  # unequal chunks cannot be stacked
            for drop_last in (False, True):
                yield Case(
                    f"QM9 of {n}, train split {split}, batch {batch}, {chunks} chunks, drop_last={drop_last}",
                    lambda n=n, s=split, b=batch, c=chunks, d=drop_last: cls(
                        data_source=_QM9(n), batch_size=b, indices=list(range(s)), drop_last=d, number_chunks=c
                    ),
                    epochs=3,
                )
