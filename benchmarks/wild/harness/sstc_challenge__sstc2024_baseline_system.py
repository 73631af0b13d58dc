"""SSTC-Challenge/SSTC2024_baseline_system: speaker verification (source speaker tracing) baseline.

dataset/sampler.py: WavBatchSampler, the batch sampler of train.py: batches of (index,
crop duration) pairs, one random duration in --dur_range per batch, over a random or
sequential order of the WavDataset (a list of [utterance, wav path]).
"""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="SSTC-Challenge/SSTC2024_baseline_system",
    source="github",
    ref="810466f7f7a8d4493c5cdf1700066ee36f1c8767",
    domain="speech (speaker verification)",
    # dataset/__init__ imports the feature extraction too; the dataset module reads audio
    # with librosa/torchaudio and python_speech_features, none needed to count utterances.
    absent=("librosa", "torchaudio", "python_speech_features"),
    empty_init=("dataset",),
)


def _wavs(n):
    from dataset.dataset import WavDataset

    scp = [[f"spk{i % 7:03d}-utt{i:05d}", f"wav/spk{i % 7:03d}/utt{i:05d}.wav"] for i in range(n)]
    return WavDataset(scp, {u: u.split("-")[0] for u, _ in scp}, 16000, channel=1)


@sampler(PROJECT, "dataset/sampler.py", "WavBatchSampler")
def _(cls, module):
    for n in (1, 10, 256, 1000):
        for batch_size in (1, 32, 256):
            for drop_last in (True, False):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} dur_range=[2, 4] batch_size={batch_size} shuffle={shuffle} drop_last={drop_last}",
                        lambda n=n, b=batch_size, s=shuffle, d=drop_last: cls(
                            _wavs(n), [2, 4], shuffle=s, batch_size=b, drop_last=d
                        ),
                    )
    # the validation set up of train.py (commented there): fixed 8 s crops, in order
    yield Case("n=100 val_dur_range=[8, 8] batch_size=256", lambda: cls(_wavs(100), [8, 8], batch_size=256))
