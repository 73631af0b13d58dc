"""nii-yamagishilab/project-NN-Pytorch-scripts: speech synthesis, vocoders and anti-spoofing
recipes on one toolkit (core_scripts). core_scripts/data_io/customize_sampler.py:
SamplerBlockShuffleByLen, the sequence indices sorted by length, shuffled within blocks of
four batches and the blocks shuffled (after WaveRNN's BinnedLengthSampler);
default_data_io / customize_dataset build it over the data sequences' lengths with the
batch size when sampler is 'block_shuffle_by_length' (its own check: batch size > 1)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="nii-yamagishilab/project-NN-Pytorch-scripts",
    source="github",
    ref="112ec0ff021e58a6c92e945547e7bfb21c11424e",
    domain="speech synthesis / anti-spoofing (length block-shuffle sampler)",
)


def _lengths(n, seed=0):
    rng = random.Random(seed)
    return [rng.randint(16000, 16000 * 8) for _ in range(n)]  # waveform samples, 1..8 s


@sampler(PROJECT, "core_scripts/data_io/customize_sampler.py", "SamplerBlockShuffleByLen")
def _(cls, module):
    for n in (1, 7, 8, 9, 64, 1001):
        for batch_size in (2, 8, 32):
            yield Case(
                f"sequence lengths of {n} items batch_size={batch_size}",
                lambda n=n, b=batch_size: cls(_lengths(n), b),
                repeat=2,
            )
