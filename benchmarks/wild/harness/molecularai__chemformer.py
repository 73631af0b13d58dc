"""MolecularAI/Chemformer: a BART model of SMILES for reaction and property prediction
(Chemformer 1.x; the 2.0 rewrite of December 2023 dropped the class, so the ref is the last
commit before it). molbart/data/util.py: TokenSampler, batches of similar-length SMILES drawn
from length buckets, each bucket's batch holding about `batch_size` tokens;
_AbsDataModule.train_dataloader builds it with num_buckets (24 in the scripts), the
dataset's seq_lengths and train_token_batch_size, shuffled; it supports drop_last only."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="MolecularAI/Chemformer",
    source="github",
    ref="0ca3c1b5f810a0ff106bbb846f511629eac3b4a5",
    domain="molecules: SMILES seq2seq pre-training (token-budget buckets)",
)


def _seq_lengths(n, seed=0):
    """Tokenised SMILES lengths (with start/end tokens) of a ZINC/USPTO-like set."""
    rng = random.Random(seed)
    return [max(8, min(160, int(rng.gauss(48, 18)))) for _ in range(n)]


@sampler(PROJECT, "molbart/data/util.py", "TokenSampler")
def _(cls, module):
    # every bucket gets sequences and a batch fits one sequence: its averages divide by both
    for n, buckets in ((300, 4), (2000, 12), (6000, 24)):
        for tokens in (1024, 4096, 8192):
            for shuffle in (True, False):
                yield Case(
                    f"smiles={n} num_buckets={buckets} train_token_batch_size={tokens} shuffle={shuffle}",
                    lambda n=n, k=buckets, t=tokens, s=shuffle: cls(k, _seq_lengths(n), t, shuffle=s),
                    repeat=2,
                )
