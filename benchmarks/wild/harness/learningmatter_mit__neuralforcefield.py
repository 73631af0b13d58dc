"""learningmatter-mit/NeuralForceField: neural force fields and property prediction for
molecules (SchNet, PaiNN, ChemProp3D, excited-state dynamics). nff/data/loader.py:
ImbalancedDatasetSampler (a binary target's classes drawn equally, with replacement, as many
as the dataset), BalancedFFSampler (indices drawn by saved or computed balance weights) and
BalancedBatchedSpecies (batches of geometries of one species each, a seed geometry from the
base sampler per batch). scripts/train_excited.py builds BalancedFFSampler from a saved
balance dict, BalancedBatchedSpecies over it with the dataset's SMILES, and the cp3d scripts
ImbalancedDatasetSampler over the dataset props.

nff.data.sampling (imported inside the classes for get_spec_dic) imports the dataset, loss
and geometry modules, which import the whole library: those stand in, the sampling module
itself loads from the tree."""

import random

import torch

from wild.entry import Case, Project, sampler

_RAISE = "(*args, **kwargs):\n    raise NotImplementedError\n"

PROJECT = Project(
    name="learningmatter-mit/NeuralForceField",
    source="github",
    ref="07fec92f9f09b98677763e32d8d32719e2c6c78c",
    domain="molecules: neural force fields (balanced samplers)",
    stubs={
        "nff": "",
        "nff.data": "class Dataset:\n    pass\n",
        "nff.train": "",
        "nff.train.loss": "def batch_zhu_p" + _RAISE,
        "nff.utils": "",
        "nff.utils.constants": "",
        "nff.utils.geom": "def compute_distances" + _RAISE,
        "nff.utils.misc": "def cat_props" + _RAISE,
    },
)

PATH = "nff/data/loader.py"


def _props(n, positive_share, seed=0):
    rng = random.Random(seed)
    return {"bind": [torch.tensor(float(rng.random() < positive_share)) for _ in range(n)]}


def _balance_dict(n, seed=0):
    g = torch.Generator().manual_seed(seed)
    return {"weights": torch.rand(n, generator=g) + 0.01}


def _smiles(n, seed=0):
    rng = random.Random(seed)
    species = ["C/C=C/C", "C/C=C\\C", "c1ccccc1N=Nc1ccccc1", "CC(=O)O", "N#N", "c1ccc2ccccc2c1"]
    return [rng.choice(species) for _ in range(n)]


@sampler(PROJECT, PATH, "ImbalancedDatasetSampler")
def _(cls, module):
    for n in (1, 40, 500):
        for share in (0.1, 0.5, 0.0):
            yield Case(
                f"props['bind'] of {n} molecules, positive share {share}",
                lambda n=n, s=share: cls("bind", _props(n, s)),
                repeat=2,
            )


@sampler(PROJECT, PATH, "BalancedFFSampler")
def _(cls, module):
    for n in (1, 40, 500):
        yield Case(
            f"balance_dict weights of {n} geometries",
            lambda n=n: cls(balance_dict=_balance_dict(n)),
            repeat=2,
        )
        yield Case(
            f"weights of {n} geometries", lambda n=n: cls(weights=_balance_dict(n)["weights"]), repeat=2
        )


@sampler(PROJECT, PATH, "BalancedBatchedSpecies")
def _(cls, module):
    for n in (7, 64, 500):
        for batch_size in (4, 32):
            # a min_geoms no species reaches leaves no weight to draw from
            for min_geoms in (None, 20) if n >= 500 else (None,):
                yield Case(
                    f"geometries={n} batch_size={batch_size} min_geoms={min_geoms}",
                    lambda n=n, b=batch_size, m=min_geoms: cls(
                        module.BalancedFFSampler(balance_dict=_balance_dict(n)), _smiles(n), b, min_geoms=m
                    ),
                    repeat=2,
                )
