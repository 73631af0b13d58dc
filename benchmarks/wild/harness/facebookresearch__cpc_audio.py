"""facebookresearch/CPC_audio: contrastive predictive coding of speech (LibriSpeech,
Libri-light). cpc/dataset.py: UniformAudioSampler (window starts of the loaded audio in
random order, under torch's BatchSampler with drop_last), SequentialSampler (batches of
windows read in parallel from batchSize stretches of the audio) and SameSpeakerSampler
(batches of windows of one speaker, or one sequence, shuffled). AudioBatchData.getBaseSampler
builds them over the loaded package (its length in samples, the speakers' or sequences'
interval starts), the window size (20480 samples by default) and an offset drawn in
[0, sizeWindow / 2] when randomOffset is on."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/CPC_audio",
    source="github",
    ref="b98a1bdf1fe9ea219816db7a6c28115d404a3510",
    domain="speech: self-supervised pre-training (audio window samplers)",
    absent=("soundfile", "torchaudio"),  # audio loading of the dataset in the same module
)

PATH = "cpc/dataset.py"
WINDOW = 20480
RATE = 16000


def _intervals(n_speakers, seed=0):
    """speakerLabel: where each speaker's concatenated audio starts, and the end."""
    rng = random.Random(seed)
    starts = [0]
    for _ in range(n_speakers):
        starts.append(starts[-1] + RATE * rng.randint(1, 600))
    return starts


def _offsets(seed=0):
    return (0, random.Random(seed).randint(1, WINDOW // 2), WINDOW // 2)


@sampler(PROJECT, PATH, "UniformAudioSampler")
def _(cls, module):
    for seconds in (3, 60, 3600):
        for offset in _offsets():
            yield Case(
                f"data of {seconds} s sizeWindow={WINDOW} offset={offset}",
                lambda s=seconds, o=offset: cls(RATE * s + 123, WINDOW, o),
            )


@sampler(PROJECT, PATH, "SequentialSampler")
def _(cls, module):
    for seconds in (30, 600, 3600):
        for batch_size in (1, 8, 32):
            for offset in _offsets():
                yield Case(
                    f"data of {seconds} s sizeWindow={WINDOW} offset={offset} batchSize={batch_size}",
                    lambda s=seconds, o=offset, b=batch_size: cls(RATE * s + 123, WINDOW, o, b),
                )


@sampler(PROJECT, PATH, "SameSpeakerSampler")
def _(cls, module):
    for speakers in (1, 12, 251):
        for batch_size in (8, 32):
            for offset in _offsets():
                yield Case(
                    f"speakers={speakers} batchSize={batch_size} sizeWindow={WINDOW} offset={offset}",
                    lambda n=speakers, b=batch_size, o=offset: cls(b, _intervals(n), WINDOW, o),
                    repeat=2,
                )
