"""facebookresearch/DrQA: reading Wikipedia to answer open-domain questions (document
retriever + RNN reader). drqa/reader/data.py: SortedBatchSampler, the example indices in
batches of `batch_size` sorted by (document, question) length with random ties, the batches
shuffled; scripts/reader/train.py builds it over ReaderDataset.lengths() for training
(batch 32, shuffled) and dev (batch 128, in order) with --sort-by-len, and the pipeline
over the retrieved (document, question) pairs."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/DrQA",
    source="github",
    ref="6d7c1b7087b86cfe9bdf84a279adb58dceada3cd",
    domain="NLP: open-domain question answering (length-sorted batches)",
    empty_init=("drqa", "drqa.reader"),  # tokenizers (CoreNLP), retriever, pipeline and model
)


def _lengths(n, seed=0):
    """ReaderDataset.lengths(): (document tokens, question tokens) of SQuAD-like examples."""
    rng = random.Random(seed)
    return [(rng.randint(20, 700), rng.randint(3, 40)) for _ in range(n)]


@sampler(PROJECT, "drqa/reader/data.py", "SortedBatchSampler")
def _(cls, module):
    # numpy 2 removed np.float_, which __iter__ reads for its random tie-breaking field
    if "float_" not in np.__dict__:
        np.float_ = np.float64
    for n in (1, 33, 500):
        for batch_size, shuffle in ((32, True), (128, False), (1, True)):
            yield Case(
                f"examples={n} batch_size={batch_size} shuffle={shuffle}",
                lambda n=n, b=batch_size, s=shuffle: cls(_lengths(n), b, shuffle=s),
                repeat=2,
            )
