"""Tomiinek/Multilingual_Text_to_Speech: multilingual Tacotron 2 with a grouped (per-language)
convolutional encoder (TTS).

utils/samplers.py: PerfectBatchSampler (train.py with perfect_sampling: batches interleaving
the languages, one index of each in turn, so a batch reshapes into per-language groups;
drop_last in training, not in evaluation; gta.py unshuffled), RandomImbalancedSampler
(balanced_sampling: a weighted sampler inverse to each language's share) and SubsetSampler
(the unshuffled per-language order PerfectBatchSampler uses). Items are the dataset's:
dicts whose 'language' is the index into hp.languages.
"""

import random

from wild.entry import Case, Project, sampler

# The sampler module imports the dataset class only to name it; the dataset module loads
# audio, phonemizers and the hyper-parameters. Its items, as TextToSpeechDataset builds them.
DATASET = '''\
class TextToSpeechDataset:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)
'''

PROJECT = Project(
    name="Tomiinek/Multilingual_Text_to_Speech",
    source="github",
    ref="2c75185337d26cc48750d669fd12f5f80777f4f1",
    domain="speech synthesis (TTS)",
    stubs={"dataset.dataset": DATASET},
    # utils/__init__ imports the Tacotron model and the hyper-parameters
    empty_init=("utils",),
)

LANGUAGES = ["german", "french", "spanish", "dutch", "finnish"]


def _utterances(per_language, seed=0):
    from dataset.dataset import TextToSpeechDataset

    rng = random.Random(seed)
    items = [{"id": f"{lang}-{i}", "speaker": rng.randrange(20), "language": li, "text": [1, 2, 3]}
             for li, lang in enumerate(LANGUAGES[:len(per_language)]) for i in range(per_language[li])]
    rng.shuffle(items)
    return TextToSpeechDataset(items)


SIZES = ((10, 10, 10, 10), (100, 37, 64, 12), (300, 250, 410, 90, 120))


@sampler(PROJECT, "utils/samplers.py", "PerfectBatchSampler")
def _(cls, module):
    for sizes in SIZES:
        languages = LANGUAGES[:len(sizes)]
        for batch_size, devices in ((len(sizes) * 2, 1), (len(sizes) * 13, 1), (len(sizes) * 12, 2)):
            for shuffle, drop_last in ((True, True), (False, False), (True, False)):
                yield Case(
                    f"per language {sizes} batch_size={batch_size} data_parallel_devices={devices} "
                    f"shuffle={shuffle} drop_last={drop_last}",
                    lambda z=sizes, g=languages, b=batch_size, d=devices, s=shuffle, l=drop_last: cls(
                        _utterances(z), g, b, data_parallel_devices=d, shuffle=s, drop_last=l
                    ),
                )


@sampler(PROJECT, "utils/samplers.py", "RandomImbalancedSampler")
def _(cls, module):
    for sizes in SIZES:
        yield Case(f"per language {sizes}", lambda z=sizes: cls(_utterances(z)))


@sampler(PROJECT, "utils/samplers.py", "SubsetSampler")
def _(cls, module):
    for n in (0, 1, 7, 300):
        yield Case(f"indices of {n} utterances", lambda n=n: cls(list(range(0, 3 * n, 3))))
