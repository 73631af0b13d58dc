"""Xavier919/FOMOnet: detecting open reading frames in transcripts (genomics, a U-Net over
one-hot nucleotide sequences). prog/modules/batch_sampler.py: BatchSampler, full batches
drawn within num_classes length bins (np.array_split of the length-sorted indices), the
batches shuffled and re-cut; train_script.py builds it over Transcripts(X, y) with the
command line's batch_size."""

import random

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Xavier919/FOMOnet",
    source="github",
    ref="1f85632f8288033411b9199f692574a41cb5eb3f",
    domain="genomics: transcript sequences (length-binned batches)",
    root="prog",
)


def _transcripts(n, seed=0):
    """Transcripts(X, y) of one-hot sequences (map_seq: 4 x length) and their ORF masks."""
    from modules.transcripts import Transcripts

    rng = random.Random(seed)
    lengths = [rng.randint(100, 3000) for _ in range(n)]
    return Transcripts([torch.zeros(4, length) for length in lengths], [torch.zeros(length) for length in lengths])


@sampler(PROJECT, "prog/modules/batch_sampler.py", "BatchSampler")
def _(cls, module):
    for n in (5, 10, 37, 200, 1001):
        for batch_size in (1, 4, 16, 64):
            for classes in (10, 3):
                yield Case(
                    f"Transcripts n={n} batch_size={batch_size} num_classes={classes}",
                    lambda n=n, b=batch_size, c=classes: cls(_transcripts(n), b, num_classes=c),
                    repeat=2,
                )
