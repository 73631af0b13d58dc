"""MolecularAI/aizynthmodels: the models behind AiZynthFinder (Chemformer 2, template-based
and route models). aizynthmodels/utils/data_sampler.py: ChunkBatchSampler, a BatchSampler
that yields only the i_chunk-th of n_chunks equal runs of batches (the last chunk taking the
remainder), so that inference over a large set of SMILES can be split over jobs; the
Chemformer data module builds it over a SequentialSampler with the batch size, i_chunk and
n_chunks, drop_last False (its tests also take drop_last True)."""

import torch
from torch.utils.data import RandomSampler, SequentialSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="MolecularAI/aizynthmodels",
    source="github",
    ref="f9262c2c44720a194ae67a37c35b411b20aec2c8",
    domain="molecules: reaction models (chunked batch sampler for split inference)",
)


class _SmilesDataset(torch.utils.data.Dataset):
    def __init__(self, n):
        self.smiles = ["CC(=O)Oc1ccccc1C(=O)O"] * n

    def __len__(self):
        return len(self.smiles)


@sampler(PROJECT, "aizynthmodels/utils/data_sampler.py", "ChunkBatchSampler")
def _(cls, module):
    for n in (1, 10, 64, 257):
        for batch_size in (1, 8, 64):
            for n_chunks in (1, 2, 3, 5):
                for i_chunk in range(n_chunks):
                    for drop_last in (False, True):
                        for base in (SequentialSampler, RandomSampler):
                            yield Case(
                                f"{base.__name__}(dataset of {n}) batch_size={batch_size} "
                                f"i_chunk={i_chunk} n_chunks={n_chunks} drop_last={drop_last}",
                                lambda n=n, b=batch_size, i=i_chunk, k=n_chunks, d=drop_last, s=base: cls(
                                    s(_SmilesDataset(n)), b, d, i_chunk=i, n_chunks=k
                                ),
                                repeat=2,
                            )
