"""LouChao98/nner_as_parsing: nested named entity recognition as (latent lexicalized) parsing (NLP).

src/data/sampler.py: ConstantTokenNumSampler, the batch sampler of src/data/datamodule.py
when num_bucket > 1 (every conf/dataloader config: 16 or 32 length buckets by k-means, a
token budget of 1000-10000 tokens a batch, shuffled, fully_shuffle following shuffle), and
BasicSampler (num_bucket <= 1: fixed batch size; datamodule.py passes no
single_sent_threshold, which the class requires, so it is called here with one) and
IncLenSampler (the "baby steps" curriculum, not used by the data module). The lengths are
sentence lengths less one, as datamodule.py passes them. Outside a process group (rank 0 of 1).
"""

import numpy as np

from wild.entry import Case, Project, not_run, sampler

# fastNLP's samplers as the classes call them: called with the data, they return its indices.
FASTNLP = '''\
import numpy as np


class RandomSampler:
    def __call__(self, data_set):
        return list(np.random.permutation(len(data_set)))


class SequentialSampler:
    def __call__(self, data_set):
        return list(range(len(data_set)))
'''

PROJECT = Project(
    name="LouChao98/nner_as_parsing",
    source="github",
    ref="e7f02f65e1f4798d500d069c4d045c85f70a5f97",
    domain="NLP (nested NER, token-budget batches)",
    stubs={"fastNLP": FASTNLP},
    # src/__init__ sets up Lightning, wandb and Hydra for the experiments
    empty_init=("src",),
)


def _lengths(n, seed=0):
    rng = np.random.RandomState(seed)
    return [int(x) - 1 for x in rng.randint(2, 90, size=n)]


@sampler(PROJECT, "src/data/sampler.py", "ConstantTokenNumSampler")
def _(cls, module):
    for n in (40, 500, 3000):
        for token_size, buckets in ((1000, 32), (5000, 32), (10000, 16)):
            if n < buckets:
                continue  # its own assertion: at least as many sentences as buckets
            for shuffle in (True, False):
                for threshold in (-1, 60):
                    yield Case(
                        f"n={n} max_token={token_size} num_bucket={buckets} shuffle={shuffle} "
                        f"fully_shuffle={shuffle} single_sent_threshold={threshold}",
                        lambda n=n, t=token_size, b=buckets, s=shuffle, h=threshold: cls(
                            _lengths(n), max_token=t, max_sentence=-1, num_bucket=b, single_sent_threshold=h,
                            sort_in_batch=True, shuffle=s, no_drop=False, fully_shuffle=s,
                        ),
                        repeat=2,
                    )
    # a fixed cap of sentences too. (force_same_len=True is left out: its __init__ keys a
    # dict by length and looks it up by (length, index) pairs, a KeyError on any data.)
    yield Case("n=500 max_token=5000 max_sentence=16 num_bucket=32",
               lambda: cls(_lengths(500), max_token=5000, max_sentence=16, num_bucket=32), repeat=2)


@sampler(PROJECT, "src/data/sampler.py", "BasicSampler")
def _(cls, module):
    for n in (1, 33, 500):
        for batch_size in (1, 16, 64):
            for shuffle in (True, False):
                for threshold in (-1, 60):
                    yield Case(
                        f"n={n} batch_size={batch_size} single_sent_threshold={threshold} shuffle={shuffle}",
                        lambda n=n, b=batch_size, h=threshold, s=shuffle: cls(
                            _lengths(n), b, h, sort_in_batch=True, shuffle=s
                        ),
                    )


not_run(
    PROJECT, "src/data/sampler.py", "IncLenSampler",
    "its __iter__ reads self.single_sent_threshold, which its __init__ never sets: every iteration "
    "raises AttributeError (a copy of BasicSampler's batching; unused by the data module)",
)
