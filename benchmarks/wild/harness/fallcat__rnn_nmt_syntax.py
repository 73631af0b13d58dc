"""fallcat/rnn_nmt_syntax: RNN neural machine translation with syntax (WMT/IWSLT).
data/sampler.py: SequenceLengthSampler, token-budget batches split over devices (its older
version, commented out in data/utils.py). data/sampler2.py: RandomBatchSampler (fixed-size
batches of examples sorted by length), SequenceLengthSampler (batches of `minibatch_size`
tokens by source length, a multiple of the device count), SequenceLengthSampler2 (a
fairseq-like token batcher over (source, target) lengths) and SequenceLengthSampler3 (an
earlier token batcher). data/utils.get_dataloader builds the first two of sampler2.py over
the TextDataset, whose items are (index, source tensor, target tensor).

psutil is only read for memory logging; NUM_DEVICES is 1 without a GPU."""

import random

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="fallcat/rnn_nmt_syntax",
    source="github",
    ref="0fd556190c95f48e6730e49454e5449bf959671f",
    domain="NLP: neural machine translation (length / token batches)",
    stubs={"psutil": "def virtual_memory():\n    return 'svmem(total=0)'\n"},
)


def _pairs(n, seed=0):
    """(source length, target length) of sentence pairs filtered to max_length 50."""
    rng = random.Random(seed)
    pairs = []
    for _ in range(n):
        src = rng.randint(3, 50)
        pairs.append((src, max(2, min(50, src + rng.randint(-5, 8)))))
    return pairs


class _TextDataset(torch.utils.data.Dataset):
    """TextDataset as the samplers read it: item i is (i, source ids, target ids)."""

    def __init__(self, n, seed=0):
        self.pairs = _pairs(n, seed)

    def __len__(self):
        return len(self.pairs)

    def __getitem__(self, i):
        src, tgt = self.pairs[i]
        return (i, torch.arange(src), torch.arange(tgt))


SIZES = (1, 17, 300)


@sampler(PROJECT, "data/sampler.py", "SequenceLengthSampler")
def _(cls, module):
    for n in SIZES:
        for budgets in ([1000], [900, 1000], [3000, 3000]):
            for shuffle in (False, True):
                yield Case(
                    f"pairs={n} max_lengths={budgets} shuffle={shuffle}",
                    lambda n=n, b=budgets, s=shuffle: cls(b, _pairs(n), shuffle=s),
                )


@sampler(PROJECT, "data/sampler2.py", "RandomBatchSampler")
def _(cls, module):
    for n in SIZES:
        for batch_size in (1, 8, 64):
            for drop_last in (False, True):
                for shuffle in (False, True):
                    yield Case(
                        f"pairs={n} minibatch_size={batch_size} drop_last={drop_last} shuffle={shuffle}",
                        lambda n=n, b=batch_size, d=drop_last, s=shuffle: cls(_TextDataset(n), b, d, s),
                    )


def _token_cases(cls, budgets):
    for n in SIZES:
        for batch_size in budgets:
            for drop_last in (False, True):
                for shuffle in (False, True):
                    yield Case(
                        f"pairs={n} minibatch_size={batch_size} tokens "
                        f"drop_last={drop_last} shuffle={shuffle}",
                        lambda n=n, b=batch_size, d=drop_last, s=shuffle: cls(_TextDataset(n), b, d, s),
                    )


@sampler(PROJECT, "data/sampler2.py", "SequenceLengthSampler")
def _(cls, module):
    yield from _token_cases(cls, (40, 500, 3000))


@sampler(PROJECT, "data/sampler2.py", "SequenceLengthSampler3")
def _(cls, module):
    yield from _token_cases(cls, (100, 500, 3000))


@sampler(PROJECT, "data/sampler2.py", "SequenceLengthSampler2")
def _(cls, module):
    for n in SIZES:
        for max_tokens in (50, 500, 3000):  # no sentence longer than max_tokens: its assert
            for drop_last in (False, True):
                yield Case(
                    f"(source, target) lengths of {n} pairs, max tokens {max_tokens} drop_last={drop_last}",
                    lambda n=n, b=max_tokens, d=drop_last: cls(_pairs(n), b, d, False),
                )
