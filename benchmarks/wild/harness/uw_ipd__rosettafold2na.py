"""uw-ipd/RoseTTAFold2NA: protein-nucleic acid complex structure prediction.
network/data_loader.py: DistributedWeightedSampler, each epoch num_example_per_epoch examples
drawn by weights from the distillation (fb), PDB, complex and negative, NA complex and NA
negative, and RNA sets of the DistilledDataset in set fractions (the defaults: 0.2 each of
fb, complexes, NA complexes and RNA), shuffled with an epoch-seeded generator and dealt over
the ranks."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="uw-ipd/RoseTTAFold2NA",
    source="github",
    ref="f761af286729ea08a6ddab149023c1b73458fbe2",
    domain="molecules: protein/NA structure training (weighted distributed sampler)",
    root="network",
    absent=("dateutil",),  # release-date parsing of the set lists in the same module
)

# fb, pdb, compl, neg, na_compl, na_neg, rna entries
SETS = (3000, 4000, 900, 900, 700, 700, 1500)  # no set drawn past its size without replacement
NAMES = ("fb", "pdb", "compl", "neg", "na_compl", "na_neg", "rna")


class _DistilledDataset:
    """DistilledDataset as the sampler reads it: its ID lists, in the sampler's order."""

    def __init__(self):
        for name, size in zip(NAMES, SETS):
            setattr(self, f"{name}_IDs", [f"{name}{i}" for i in range(size)])

    def __len__(self):
        return sum(SETS)


def _weights(n, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randint(256, 513, (n,), generator=g).float() / 512


@sampler(PROJECT, "network/data_loader.py", "DistributedWeightedSampler")
def _(cls, module):
    fractions = ((0.2, 0.2, 0.2, 0.2), (0.5, 0.25, 0.0, 0.1), (0.0, 0.3, 0.3, 0.3))
    for per_epoch in (10, 1280, 3200):
        for fb, compl, na_compl, rna in fractions:
            for world in (1, 2, 5):
                if per_epoch % world:
                    continue  # its own assert
                for rank in range(world):
                    for epoch in (0, 1):

                        def build(n=per_epoch, f=(fb, compl, na_compl, rna), w=world, r=rank, e=epoch):
                            weights = {
                                name: _weights(size, i) for i, (name, size) in enumerate(zip(NAMES, SETS))
                            }
                            sampler = cls(
                                _DistilledDataset(),
                                weights["pdb"],
                                weights["fb"],
                                weights["compl"],
                                weights["neg"],
                                weights["na_compl"],
                                weights["na_neg"],
                                weights["rna"],
                                num_example_per_epoch=n,
                                fraction_fb=f[0],
                                fraction_compl=f[1],
                                fraction_na_compl=f[2],
                                fraction_rna=f[3],
                                num_replicas=w,
                                rank=r,
                            )
                            sampler.set_epoch(e)
                            return sampler

                        yield Case(
                            f"sets={SETS} num_example_per_epoch={per_epoch} fractions fb/compl/na_compl/rna="
                            f"{(fb, compl, na_compl, rna)} num_replicas={world} rank={rank} epoch={epoch}",
                            build,
                        )
