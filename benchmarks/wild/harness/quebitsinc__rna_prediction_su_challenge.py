"""QuebitsInc/RNA-prediction-SU-Challenge: RNA chemical-reactivity prediction (Kaggle
Stanford Ribonanza), fastai training. rna_challenge/sampler.py: LenMatchBatchSampler, a
BatchSampler that fills one bucket per 16 residues of sequence length and yields the
leftovers last; main.py builds it over a RandomSampler (drop_last=True, train) and a
SequentialSampler (drop_last=False, val) of the mask-only RNA_Dataset, whose items are
({'mask': mask}, {'mask': mask}) with masks of Lmax = 206."""

import torch
from torch.utils.data import RandomSampler, SequentialSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="QuebitsInc/RNA-prediction-SU-Challenge",
    source="github",
    ref="ded37e82e40aec75765144a9abd23977dd443041",
    domain="molecules: RNA sequences (length-bucketed batches)",
)

LMAX = 206


class _MaskOnly(torch.utils.data.Dataset):
    """RNA_Dataset(mask_only=True): a padded mask of each sequence's length (20..206)."""

    def __init__(self, n, seed=0):
        generator = torch.Generator().manual_seed(seed)
        self.lengths = torch.randint(20, LMAX + 1, (n,), generator=generator).tolist()

    def __len__(self):
        return len(self.lengths)

    def __getitem__(self, idx):
        mask = torch.zeros(LMAX, dtype=torch.bool)
        mask[: self.lengths[idx]] = True
        return {"mask": mask}, {"mask": mask}


@sampler(PROJECT, "rna_challenge/sampler.py", "LenMatchBatchSampler")
def _(cls, module):
    for n in (1, 10, 100, 700):
        for batch_size in (1, 8, 64, 256):  # main.py: bs = 256
            for drop_last in (True, False):
                for kind in (RandomSampler, SequentialSampler):
                    yield Case(
                        f"{kind.__name__} n={n} batch_size={batch_size} drop_last={drop_last}",
                        lambda n=n, b=batch_size, d=drop_last, kind=kind: cls(
                            kind(_MaskOnly(n)), batch_size=b, drop_last=d
                        ),
                        repeat=2,
                    )
