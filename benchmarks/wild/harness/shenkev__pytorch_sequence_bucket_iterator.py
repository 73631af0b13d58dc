"""shenkev/Pytorch-Sequence-Bucket-Iterator: batches of sequences of similar length (NLP, RNNs).

numpy_sampler.py and torch_sampler.py hold the same BySequenceLengthSampler written with numpy
and with torch: it buckets the sequences by length between `bucket_boundaries` and yields
shuffled batches from each bucket (a batch sampler, used with DataLoader(batch_size=1) as its
note says). Its note asks for a batch size smaller than the smallest bucket.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="shenkev/Pytorch-Sequence-Bucket-Iterator",
    source="github",
    ref="0abcfe2e623f1304a10ce007e6cf44a5564f7769",
    domain="NLP (sequence bucketing)",
)


def _sequences(n, seed=0):
    """Token-id arrays of lengths 3..60, as the README's data (items with .shape[0])."""
    rng = np.random.RandomState(seed)
    return [np.zeros(int(length), dtype=np.int64) for length in rng.randint(3, 61, size=n)]


def _cases(cls):
    for n in (40, 200, 500):
        for boundaries in ([20, 40], [10, 20, 30, 40, 50]):
            for batch_size in (4, 8):
                for drop_last in (True, False):
                    yield Case(
                        f"n={n} boundaries={boundaries} batch_size={batch_size} drop_last={drop_last}",
                        lambda n=n, b=boundaries, bs=batch_size, d=drop_last: cls(
                            _sequences(n), b, batch_size=bs, drop_last=d
                        ),
                        repeat=2,
                    )


@sampler(PROJECT, "numpy_sampler.py", "BySequenceLengthSampler")
def _(cls, module):
    yield from _cases(cls)


@sampler(PROJECT, "torch_sampler.py", "BySequenceLengthSampler")
def _(cls, module):
    yield from _cases(cls)
