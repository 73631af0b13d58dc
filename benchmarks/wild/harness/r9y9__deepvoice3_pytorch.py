"""r9y9/deepvoice3_pytorch: Deep Voice 3 / Nyquist / DCTTS text-to-speech. train.py:
PartialyRandomizedSimilarTimeLengthSampler, the utterance indices sorted by frame length,
shuffled within groups of batch_group_size (32 batches by default), whole batches
permuted, the tail shuffled; train.py builds it over the frame lengths of the Mel source
with hparams.batch_size (16) and permutate=hparams.permutate (True)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="r9y9/deepvoice3_pytorch",
    source="github",
    ref="f90255c96177c344cd18b5a52651b420a4d8062d",
    domain="speech synthesis (length-sorted, partially shuffled sampler)",
    stubs={
        "deepvoice3_pytorch.version": "__version__ = '0.1.1'\n",  # written by its setup.py
        # what its hparams container reads of six (not installed)
        "six": (
            "string_types = (str,)\ninteger_types = (int,)\nbinary_type = bytes\n"
            "def iteritems(d):\n    return iter(d.items())\n"
        ),
    },
    # the training script's command line, feature sources, plots, logging and text frontends
    absent=(
        "docopt",
        "numba",
        "nnmnkwii",
        "librosa",
        "matplotlib",
        "tensorboardX",
        "lws",
        "unidecode",
        "inflect",
        "nltk",
        "MeCab",
        "jaconv",
        "gentle",
        "IPython",
    ),
)


def _frame_lengths(n, seed=0):
    rng = random.Random(seed)
    return [rng.randint(40, 900) for _ in range(n)]


@sampler(PROJECT, "train.py", "PartialyRandomizedSimilarTimeLengthSampler")
def _(cls, module):
    for n in (1, 15, 16, 17, 600, 13100):
        for batch_size in (16, 4):
            for permutate in (True, False):
                yield Case(
                    f"frame lengths of {n} utterances batch_size={batch_size} permutate={permutate}",
                    lambda n=n, b=batch_size, p=permutate: cls(_frame_lengths(n), b, permutate=p),
                    repeat=2,
                )
