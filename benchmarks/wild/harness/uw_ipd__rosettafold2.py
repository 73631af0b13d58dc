"""uw-ipd/RoseTTAFold2: protein (complex) structure prediction. network/data_loader.py:
DistributedWeightedSampler, each epoch num_example_per_epoch examples drawn by length weights
from the distillation (fb), PDB monomer, complex and negative sets of the DistilledDataset in
set fractions, shuffled with an epoch-seeded generator and dealt over the ranks;
train_multi_deep.py builds it with N_EXAMPLE_PER_EPOCH (12800), fraction_fb 0.0,
fraction_compl 0.25 and its rank and world size."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="uw-ipd/RoseTTAFold2",
    source="github",
    ref="278f4eaad5d81b81b86f41126051ca01677b238b",
    domain="molecules: protein structure training (weighted distributed sampler)",
    root="network",
    absent=("dateutil",),  # release-date parsing of the set lists in the same module
)


class _DistilledDataset:
    """DistilledDataset as the sampler reads it: its four ID lists, fb first."""

    def __init__(self, fb, pdb, compl, neg):
        self.fb_IDs = [f"fb{i}" for i in range(fb)]
        self.pdb_IDs = [f"pdb{i}" for i in range(pdb)]
        self.compl_IDs = [f"cpx{i}" for i in range(compl)]
        self.neg_IDs = [f"neg{i}" for i in range(neg)]

    def __len__(self):
        return len(self.fb_IDs) + len(self.pdb_IDs) + len(self.compl_IDs) + len(self.neg_IDs)


def _weights(n, seed):
    """Length-based weights, as get_train_valid_set computes them (1/512 * clamp(len, 256, 512))."""
    g = torch.Generator().manual_seed(seed)
    return torch.randint(256, 513, (n,), generator=g).float() / 512


@sampler(PROJECT, "network/data_loader.py", "DistributedWeightedSampler")
def _(cls, module):
    sets = (3000, 4000, 1200, 1200)  # fb, pdb, complex, negative entries
    for per_epoch in (12, 1280, 3200):
        for fraction_fb, fraction_compl in ((0.0, 0.25), (0.5, 0.25), (0.3, 0.1)):
            for world in (1, 2, 4):
                if per_epoch % world:
                    continue  # its own assert
                for rank in range(world):
                    for epoch in (0, 1):

                        def build(n=per_epoch, f=fraction_fb, c=fraction_compl, w=world, r=rank, e=epoch):
                            sampler = cls(
                                _DistilledDataset(*sets),
                                _weights(sets[1], 1),
                                _weights(sets[2], 2),
                                _weights(sets[3], 3),
                                _weights(sets[0], 0),
                                num_example_per_epoch=n,
                                fraction_fb=f,
                                fraction_compl=c,
                                num_replicas=w,
                                rank=r,
                            )
                            sampler.set_epoch(e)
                            return sampler

                        yield Case(
                            f"fb/pdb/compl/neg={sets} num_example_per_epoch={per_epoch} "
                            f"fraction_fb={fraction_fb} "
                            f"fraction_compl={fraction_compl} num_replicas={world} rank={rank} epoch={epoch}",
                            build,
                        )
