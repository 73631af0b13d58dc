"""atomistic-machine-learning/schnetpack: neural networks for atomistic systems (SchNet,
PaiNN). src/schnetpack/data/sampler.py: StratifiedSampler, a WeightedRandomSampler whose
weights even out the histogram bins of a partition criterion (number of atoms or a scalar
property); AtomsDataModule wraps it, as train_sampler_cls with train_sampler_args, in a
BatchSampler with num_samples=len(dataset) and drop_last.

The package's __init__s import the whole library (ASE, Lightning, the models): stand-ins
keep the data package's base class, the sampler module and properties load from the tree."""

import random

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="atomistic-machine-learning/schnetpack",
    source="github",
    ref="4c967da8d6f1183b5127cce90e62eb3ae9ab4543",
    domain="molecules: atomistic ML (stratified weighted sampler)",
    root="src",
    stubs={"schnetpack": "", "schnetpack.data": "class BaseAtomsData:\n    pass\n"},
)


class _AtomsData(torch.utils.data.Dataset):
    """ASEAtomsData items as the criteria read them: `_n_atoms` and `energy` tensors."""

    def __init__(self, n, seed=0):
        rng = random.Random(seed)
        self.items = []
        for _ in range(n):
            atoms = rng.choice((3, 5, 9, 9, 12, 18, 18, 18, 23, 29))  # QM9/MD17-like sizes
            self.items.append(
                {"_n_atoms": torch.tensor([atoms]), "energy": torch.tensor([-40.0 * atoms + rng.gauss(0, 5)])}
            )

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


@sampler(PROJECT, "src/schnetpack/data/sampler.py", "StratifiedSampler")
def _(cls, module):
    criteria = {
        "NumberOfAtomsCriterion()": module.NumberOfAtomsCriterion,
        "PropertyCriterion('energy')": module.PropertyCriterion,
    }
    for n in (10, 257):
        for name, criterion in criteria.items():
            for bins in (10, 3):
                for num_samples in (n, n // 2):
                    for replacement in (True, False):
                        yield Case(
                            f"molecules={n} {name} num_bins={bins} num_samples={num_samples} "
                            f"replacement={replacement}",
                            lambda n=n, c=criterion, b=bins, k=num_samples, r=replacement: cls(
                                _AtomsData(n),
                                c(),
                                num_samples=k,
                                num_bins=b,
                                replacement=r,
                                verbose=False,
                            ),
                            repeat=2,
                        )
