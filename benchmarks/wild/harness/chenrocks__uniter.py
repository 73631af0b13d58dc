"""ChenRocks/UNITER: image-text pre-training (Microsoft's UNITER). data/sampler.py: the
token-budget TokenBucketSampler (buckets of BUCKET_SIZE = 8192 indices sorted by length, cut
where max_len * batch length would pass `batch_size` tokens, in multiples of 8) and a
horovod DistributedSampler; data/itm.py: TokenBucketSamplerForItm, which redraws the ITM
dataset's negatives (and so its lens) each epoch. Training configs pass 6144..10240 tokens."""

import numpy as np
import torch

from wild.entry import Case, Project, sampler

# The partition_all and concat of cytoolz, as data/ uses them.
CYTOOLZ = '''\
import itertools


def partition_all(n, seq):
    iterator = iter(seq)
    while True:
        chunk = tuple(itertools.islice(iterator, n))
        if not chunk:
            return
        yield chunk


def concat(seqs):
    return itertools.chain.from_iterable(seqs)
'''

PROJECT = Project(
    name="ChenRocks/UNITER",
    source="github",
    ref="1dbfa62bb8ddb1f2b11d20775ce324c5e45a3ab4",
    domain="multimodal: image-text pre-training (token-budget batches)",
    stubs={
        "horovod": "",
        "horovod.torch": "def size():\n    return 1\n\n\ndef rank():\n    return 0\n",
        "cytoolz": CYTOOLZ,
    },
    # data/data.py (the base datasets of data/itm.py) reads LMDB feature stores.
    absent=("lmdb", "lz4", "msgpack", "msgpack_numpy", "tqdm", "toolz"),
    empty_init=("data",),  # imports every dataset of every task
)

BUCKET_SIZE = 8192  # utils/const.py


def _lens(n, seed=0):
    """Text tokens (8..60) plus image boxes (10..100), as DetectFeatTxtTokDataset.lens."""
    rng = np.random.RandomState(seed)
    return (rng.randint(8, 61, n) + rng.randint(10, 101, n)).tolist()


class _ItmDataset:
    """ItmDataset as its sampler reads it: lens, redrawn (new negatives) by new_epoch()."""

    def __init__(self, n):
        self.n = n
        self.new_epoch()

    def new_epoch(self):
        self.lens = _lens(self.n, seed=int(np.random.randint(1 << 30)))

    def __len__(self):
        return self.n


def _token_cases(make):
    for n in (1, 50, 1000):
        for tokens in (1024, 6144, 10240):
            for bucket in (BUCKET_SIZE, 100):
                for droplast in (True, False):
                    yield Case(
                        f"n={n} batch_size={tokens} tokens bucket_size={bucket} droplast={droplast}",
                        lambda n=n, t=tokens, b=bucket, d=droplast: make(n, bucket_size=b, batch_size=t, droplast=d),
                        repeat=2,
                    )


@sampler(PROJECT, "data/sampler.py", "TokenBucketSampler")
def _(cls, module):
    yield from _token_cases(lambda n, **kw: cls(_lens(n), **kw))


@sampler(PROJECT, "data/itm.py", "TokenBucketSamplerForItm")
def _(cls, module):
    yield from _token_cases(lambda n, **kw: cls(_ItmDataset(n), **kw))


@sampler(PROJECT, "data/sampler.py", "DistributedSampler")
def _(cls, module):
    for n in (1, 7, 64, 101):
        yield Case(f"n={n} horovod world of 1", lambda n=n: cls(list(range(n))))
        for world in (2, 3, 4, 8):
            if world > n:
                continue  # its padding (indices[:total_size - n]) asserts on a world above n
            for rank in range(world):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} replicas={world} rank={rank} shuffle={shuffle} set_epoch(2)",
                        lambda n=n, w=world, r=rank, s=shuffle: _epoch(
                            cls(list(range(n)), num_replicas=w, rank=r, shuffle=s), 2
                        ),
                    )


def _epoch(sampler, epoch):
    sampler.set_epoch(epoch)
    return sampler
