"""Priberam/Enhance-CB-Whisper: open-vocabulary keyword spotting with Whisper (CB-Whisper).

The samplers of the keyword-spotting training set: per utterance one positive
(utterance, keyword) pair and negative ones (random keywords, and keywords close to the
positive in lexicographic and reverse-lexicographic order), shuffled by pair or by
utterance. src/data/sampler.py: AishellKWSSampler and MLSKWSSampler (data_module.py, with
negative_examples {'random': 1, 'lexicographic': 2}); src/efficient_kws/sampler.py: the
MLSKWSSampler of the efficient KWS model. The datasets are the project's AishellKWSDataset and
MLSKWSDataset built from the files they read (keywords.txt, positives.tsv) written to a
temporary folder; the efficient model's MLS dataset reads the same files and keeps the same
metadata, but also loads precomputed embeddings, so its sampler gets the first one.
"""

import os
import random
import tempfile

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Priberam/Enhance-CB-Whisper",
    source="github",
    ref="83f2e139529b3c34e9188bd2476e5f3b9358bc1e",
    domain="speech (keyword spotting)",
    # the dataset module also holds the audio datasets (torchaudio, torchvision resizing,
    # the Whisper feature extractor)
    absent=("torchaudio", "torchvision", "transformers", "whisper", "tqdm"),
)

LANGUAGES = ["English", "German", "French"]


def _write(folder, n_utterances, n_keywords, seed):
    rng = random.Random(seed)
    words = sorted({"".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
                    for _ in range(n_keywords * 2)})[:n_keywords]
    reverse = sorted(words, key=lambda w: w[::-1])
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "keywords.txt"), "w") as f:
        f.writelines(f"{w} {len(w)}\n" for w in words)
    with open(os.path.join(folder, "positives.tsv"), "w") as f:
        for u in range(n_utterances):
            fields = [f"utt{u:05d}"]
            for i in rng.sample(range(n_keywords), rng.randint(1, 3)):
                fields += [words[i], str(i), str(reverse.index(words[i]))]
            f.write("\t".join(fields) + "\n")


def _aishell(n, keywords=60, seed=0):
    from src.data.dataset import AishellKWSDataset

    root = tempfile.mkdtemp()
    _write(os.path.join(root, "kws"), n, keywords, seed)
    return AishellKWSDataset(root, kw_type="natural")


def _mls(n, keywords=60, seed=0):
    from src.data.dataset import MLSKWSDataset

    root = tempfile.mkdtemp()
    for k, language in enumerate(LANGUAGES):
        _write(os.path.join(root, f"mls_{language.lower()}_opus", "train"), n + k, keywords + 5 * k, seed + k)
    return MLSKWSDataset(root, languages=LANGUAGES, kw_type="natural")


NEGATIVES = ({"random": 1, "lexicographic": 2}, {"random": 3}, {"random": 1, "lexicographic": 4})


def _cases(cls, dataset):
    for n in (3, 40, 200):
        for negatives in NEGATIVES:
            for sampling in ("random", "utterance-examples"):
                for resample in (True, False):
                    yield Case(
                        f"utterances={n} negative_examples={negatives} sampling={sampling} "
                        f"resample_every_epoch={resample}",
                        lambda n=n, e=negatives, s=sampling, r=resample: cls(
                            dataset(n), sampling=s, negative_examples=dict(e), resample_every_epoch=r
                        ),
                        repeat=2,
                    )


@sampler(PROJECT, "src/data/sampler.py", "AishellKWSSampler")
def _(cls, module):
    yield from _cases(cls, _aishell)


@sampler(PROJECT, "src/data/sampler.py", "MLSKWSSampler")
def _(cls, module):
    yield from _cases(cls, _mls)


@sampler(PROJECT, "src/efficient_kws/sampler.py", "MLSKWSSampler")
def _(cls, module):
    yield from _cases(cls, _mls)
