"""YassinTERRAF/polysim-2026-solution: cross-lingual speaker verification (a challenge solution;
English and Urdu utterances of the same speakers).

utils/samplers.py: CrossLingualPairBatchSampler of main.py's training loader: each batch a
set of bilingual speakers with samples_per_lang_per_speaker utterances in each language,
num_batches batches an epoch (by default the dataset over the batch size). The dataset
gives a speaker label and a language id per utterance (labels, lang_ids).
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="YassinTERRAF/polysim-2026-solution",
    source="github",
    ref="b03d7c05e43b6febea357d8b30d0a5f45f24a801",
    domain="speech (speaker verification)",
)


class _Utterances:
    """CrossLingualTrainDataset's per-utterance speaker labels and language ids (0, 1)."""

    def __init__(self, speakers, per_speaker, monolingual=0, seed=0):
        rng = random.Random(seed)
        self.labels, self.lang_ids = [], []
        for spk in range(speakers + monolingual):
            for _ in range(rng.randint(1, per_speaker)):
                self.labels.append(spk)
                self.lang_ids.append(0 if spk >= speakers else rng.randint(0, 1))
            if spk < speakers:  # a bilingual speaker has both languages
                self.labels += [spk, spk]
                self.lang_ids += [0, 1]

    def __len__(self):
        return len(self.labels)


@sampler(PROJECT, "utils/samplers.py", "CrossLingualPairBatchSampler")
def _(cls, module):
    for speakers, per_speaker, mono in ((4, 3, 0), (40, 12, 5), (200, 30, 20)):
        for batch_size, per_lang in ((32, 1), (8, 1), (16, 2), (32, 4)):  # 32, 1: config.py
            if speakers < batch_size // (2 * per_lang):
                continue  # its own check: enough bilingual speakers for a batch
            for num_batches in (None, 50):
                yield Case(
                    f"bilingual speakers={speakers} monolingual={mono} batch_size={batch_size} "
                    f"samples_per_lang_per_speaker={per_lang} num_batches={num_batches}",
                    lambda s=speakers, u=per_speaker, m=mono, b=batch_size, p=per_lang, k=num_batches: cls(
                        _Utterances(s, u, m), b, samples_per_lang_per_speaker=p, seed=1, num_batches=k
                    ),
                    repeat=2,
                )
