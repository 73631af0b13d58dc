"""ebelle/encoder-classifier: LSTM encoders for machine translation and tagging, with the
encoder reused as a classifier (NLP).

bucket_sampler.py: BucketBatchSampler, the batch sampler of train_nmt.py, train_tagger.py and
the generate scripts (--batch-size, default 64): the examples of a TSV file (data_prep.py's
split_to_tsv: a header, then source<TAB>target lines) grouped by the character length of the
target side, cut into batches, the batches shuffled each epoch. The scripts read the number
of batches from its num_batches; the DataLoader gets its __len__.
"""

import csv
import os
import random
import tempfile

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ebelle/encoder-classifier",
    source="github",
    ref="7dad6a494498968d37229a8a6defc2ed28dd596f",
    domain="NLP (translation, tagging)",
)

WORDS = "the a of house cat green run quickly river stone light write old new".split()


def _tsv(n, seed=0):
    """A split as split_to_tsv writes it."""
    rng = random.Random(seed)
    fd, path = tempfile.mkstemp(suffix=".tsv")
    with os.fdopen(fd, "w", newline="") as sink:
        writer = csv.writer(sink, delimiter="\t")
        writer.writerow(["src", "trg"])
        for _ in range(n):
            writer.writerow([
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12))),
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12))),
            ])
    return path


@sampler(PROJECT, "bucket_sampler.py", "BucketBatchSampler")
def _(cls, module):
    for n in (1, 10, 200, 1500):
        for batch_size in (1, 8, 64):
            yield Case(f"n={n} batch_size={batch_size}", lambda n=n, b=batch_size: cls(_tsv(n), b), repeat=2)
