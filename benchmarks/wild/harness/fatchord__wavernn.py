"""fatchord/WaveRNN: WaveRNN vocoder and Tacotron TTS. utils/dataset.py: BinnedLengthSampler,
the utterance indices sorted by mel length, shuffled within bins of `bin_size` and the bins
shuffled, the short last bin appended; get_tts_datasets builds it (with tts_bin_lengths) over
the mel lengths of the LJSpeech items under tts_max_mel_len, with the batch size of the
training schedule and bin_size three batches."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="fatchord/WaveRNN",
    source="github",
    ref="83c08fdcd625be56244f4145f41500468974b144",
    domain="speech synthesis (length-binned sampler)",
    absent=("librosa", "unidecode", "inflect"),  # audio and text processing of the same package
)


def _mel_lengths(n, seed=0):
    rng = random.Random(seed)
    return [rng.randint(80, 1250) for _ in range(n)]  # tts_max_mel_len 1250


@sampler(PROJECT, "utils/dataset.py", "BinnedLengthSampler")
def _(cls, module):
    for n in (1, 95, 96, 97, 1300):
        for batch_size in (8, 32):
            yield Case(
                f"mel lengths of {n} utterances batch_size={batch_size} bin_size={batch_size * 3}",
                lambda n=n, b=batch_size: cls(_mel_lengths(n), b, b * 3),
                repeat=2,
            )
