"""Daytae/GuidedDiffusionProject: guided diffusion for molecules (its molformers SELFIES VAE).

molformers/datamodules/batch_sampler.py: SequenceLengthBatchSampler, the batch_sampler= of
its SELFIES data module (bucket_size=25): SELFIES bucketed by symbol length, batches cut
within each bucket, the batch order shuffled.
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Daytae/GuidedDiffusionProject",
    source="github",
    ref="d4243e6432f1ac8eb9bce21995bdb8d11a4517db",
    domain="chemistry (molecule generation, SELFIES)",
    empty_init=("molformers",),  # imports the lightning data module
)

SYMBOLS = ["[C]", "[=C]", "[O]", "[=O]", "[N]", "[Branch1]", "[Ring1]", "[F]", "[Cl]", "[#N]", "[S]"]


def _selfies(n, low, high, seed=0):
    """n SELFIES strings of low..high symbols (drug-like molecules: ~10-80 symbols)."""
    rng = random.Random(seed)
    out = ["".join(rng.choice(SYMBOLS) for _ in range(rng.randint(low, high))) for _ in range(n)]
    out[0] = "".join(SYMBOLS[0] for _ in range(low))  # both ends of the range present
    if n > 1:
        out[1] = "".join(SYMBOLS[1] for _ in range(high))
    return out


@sampler(PROJECT, "molformers/datamodules/batch_sampler.py", "SequenceLengthBatchSampler")
def _(cls, module):
    for n in (2, 9, 64, 300):
        for bucket_size in (5, 25):
            for batch_size in (4, 16, 128):
                yield Case(
                    f"n={n} SELFIES of 10-80 symbols bucket_size={bucket_size} batch_size={batch_size}",
                    lambda n=n, k=bucket_size, b=batch_size: cls(_selfies(n, 10, 80), k, b),
                )
