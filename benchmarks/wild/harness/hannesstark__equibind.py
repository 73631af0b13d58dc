"""HannesStark/EquiBind: SE(3)-equivariant ligand-protein docking (PDBBind). With
--train_sampler HardSampler the training loader's batch_sampler mixes, into each batch of
batch_size (8 in its configs), a few complexes drawn from the current "hard" indices (those
whose loss passed a cutoff in the last epoch: the trainer adds them with add_hard_indices and
swaps them in with set_hard_indices; at first every index) with random ones from the valid
indices. (train.py builds it without valid_indices, which a Subset cannot take: the cases pass
the training indices.)"""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="HannesStark/EquiBind",
    source="github",
    ref="4cb1b4c562dae914780154518a6b915bb4cba658",
    domain="molecular docking",
)


def _hardened(cls, n, batch, hard):
    """A sampler after an epoch of the trainer: `hard` indices added, then swapped in."""
    sampler = cls(list(range(n)), batch, valid_indices=list(range(n)))
    sampler.add_hard_indices(list(range(0, n, max(1, n // hard)))[:hard])
    sampler.set_hard_indices()
    return sampler


@sampler(PROJECT, "datasets/samplers.py", "HardSampler")
def _(cls, module):
    for n, batch in ((16379, 8), (1000, 8), (100, 16), (7, 8)):
        for drop_last in (False, True):
            yield Case(
                f"{n} complexes, batch {batch}, first epoch (every index hard), drop_last={drop_last}",
                lambda n=n, b=batch, d=drop_last: cls(list(range(n)), b, valid_indices=list(range(n)), drop_last=d),
            )
        yield Case(
            f"{n} complexes, batch {batch}, after an epoch that found {min(n, 50)} hard ones",
            lambda n=n, b=batch: _hardened(cls, n, b, min(n, 50)),
        )
