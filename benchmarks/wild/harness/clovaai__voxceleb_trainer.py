"""clovaai/voxceleb_trainer: speaker recognition. train_dataset_sampler (DatasetLoader.py),
as trainSpeakerNet.py builds it: per speaker, groups of nPerSpeaker utterances (at most
max_seg_per_spk), mixed so that no batch holds one speaker twice, cut to whole batches;
single process. Its len() is the count the last __iter__ left behind (0 before the
first), so each case runs two epochs one after the other."""

from wild.entry import Case, Project, sampler

from ._g3_common import with_epoch

PROJECT = Project(
    name="clovaai/voxceleb_trainer",
    source="github",
    ref="f51bab870672a9b0b50fa158b4e30f329e7866d7",
    domain="speaker recognition",
    absent=("soundfile",),
)


class _Utterances:
    """Stands for train_dataset_loader: data_label, the speaker index of each file."""

    def __init__(self, per_speaker):
        self.data_label = [s for s, count in enumerate(per_speaker) for _ in range(count)]

    def __len__(self):
        return len(self.data_label)


def _speakers(n, seed):
    import random

    rng = random.Random(seed)
    return [rng.choice((1, 2, 3, 5, 8, 20)) for _ in range(n)]


@sampler(PROJECT, "DatasetLoader.py", "train_dataset_sampler")
def _(cls, module):
    for speakers in (12, 40, 150):
        for per_speaker in (1, 2):
            for max_seg in (4, 500):
                for batch in (4, 10):
                    yield Case(
                        f"speakers={speakers} nPerSpeaker={per_speaker} max_seg_per_spk={max_seg} batch={batch}",
                        lambda s=speakers, p=per_speaker, m=max_seg, b=batch: with_epoch(
                            cls(_Utterances(_speakers(s, s)), p, m, b, distributed=False, seed=10), 1
                        ),
                        repeat=2,
                    )
