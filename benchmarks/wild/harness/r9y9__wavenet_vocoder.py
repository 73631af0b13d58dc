"""r9y9/wavenet_vocoder: WaveNet vocoder. train.py: PartialyRandomizedSimilarTimeLengthSampler,
the utterance indices sorted by length, shuffled within groups of batch_group_size (8 batches
by default) and the groups permuted, the short tail shuffled and appended; train.py builds
it over the Mel source's frame lengths with hparams.batch_size (8)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="r9y9/wavenet_vocoder",
    source="github",
    ref="a35fff76ea3687b05e1a10023cad3f7f64fa25a3",
    domain="speech: neural vocoder (length-sorted, group-shuffled sampler)",
    stubs={
        "wavenet_vocoder.version": "version = '0.2.0'\n",  # written by its setup.py
        # what its hparams container reads of six (not installed)
        "six": (
            "string_types = (str,)\ninteger_types = (int,)\nbinary_type = bytes\n"
            "def iteritems(d):\n    return iter(d.items())\n"
        ),
    },
    # the training script's command line, feature sources and processing, plots and logging
    absent=(
        "docopt",
        "nnmnkwii",
        "librosa",
        "matplotlib",
        "tensorboardX",
        "pysptk",
        "sklearn",
        "joblib",
        "espnet",
    ),
)


def _frame_lengths(n, seed=0):
    rng = random.Random(seed)
    return [rng.randint(40, 900) for _ in range(n)]


@sampler(PROJECT, "train.py", "PartialyRandomizedSimilarTimeLengthSampler")
def _(cls, module):
    for n in (1, 7, 8, 9, 64, 600, 13100):
        for batch_size in (8, 2):
            yield Case(
                f"frame lengths of {n} utterances batch_size={batch_size}",
                lambda n=n, b=batch_size: cls(_frame_lengths(n), b),
                repeat=2,
            )
