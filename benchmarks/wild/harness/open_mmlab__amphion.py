"""open-mmlab/Amphion: a toolkit for audio, music and speech generation (TTS, SVC, vocoders,
codecs). models/base/base_sampler.py: ScheduledSampler, indices of batch_size runs drawn from
one sub-dataset of a ConcatDataset each, the runs shuffled (the last partial run kept for
'valid'), and VariableSampler, a batch sampler over precomputed dynamic batches whose resume
(skip_steps) starts past the steps already taken; models/codec/codec_sampler.py and
models/vocoders/vocoder_sampler.py hold their own ScheduledSampler (`type` for loader_type).
build_samplers wraps ScheduledSampler in a BatchSampler with cfg.train.batch_size;
BaseTrainer builds VariableSampler over its rank's share of the dynamic batches, shuffled,
and calls skip_steps(step) when resuming."""

import logging
import random

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="open-mmlab/Amphion",
    source="github",
    ref="d3de90f02e7f1c7dbc24b04d52fe1b8ef438effe",
    domain="speech/audio generation toolkit (scheduled and variable batch samplers)",
    empty_init=("models.base",),  # imports the trainers (accelerate, the models)
)

LOGGER = logging.getLogger("amphion-harness")


class _SpeechDataset(torch.utils.data.Dataset):
    """A dataset of the concat, as the samplers read it: its length and name."""

    def __init__(self, name, n):
        self.name, self.n = name, n

    def __len__(self):
        return self.n

    def get_dataset_name(self):
        return self.name


CONCATS = {
    "ljspeech 100": [("ljspeech", 100)],
    "vctk 37 + opencpop 64 + m4singer 5": [("vctk", 37), ("opencpop", 64), ("m4singer", 5)],
    "libritts 1001 + ljspeech 250": [("libritts", 1001), ("ljspeech", 250)],
}


def _concat(parts):
    return torch.utils.data.ConcatDataset([_SpeechDataset(name, n) for name, n in parts])


def _scheduled(cls, type_keyword):
    for label, parts in CONCATS.items():
        for batch_size in (4, 16, 48):
            for shuffle in (True, False):
                for loader_type in ("train", "valid"):
                    yield Case(
                        f"ConcatDataset({label}) batch_size={batch_size} holistic_shuffle={shuffle} "
                        f"{type_keyword}={loader_type}",
                        lambda p=parts, b=batch_size, s=shuffle, t=loader_type: cls(
                            _concat(p), b, s, LOGGER, **{type_keyword: t}
                        ),
                        repeat=2,
                    )


@sampler(PROJECT, "models/base/base_sampler.py", "ScheduledSampler")
def _(cls, module):
    yield from _scheduled(cls, "loader_type")


@sampler(PROJECT, "models/codec/codec_sampler.py", "ScheduledSampler")
def _(cls, module):
    yield from _scheduled(cls, "type")


@sampler(PROJECT, "models/vocoders/vocoder_sampler.py", "ScheduledSampler")
def _(cls, module):
    yield from _scheduled(cls, "type")


def _dynamic_batches(n, processes, rank, seed=0):
    """BaseTrainer's share: batch_by_size batches of a rank, those divisible by the processes."""
    rng = random.Random(seed)
    batches, i = [], 0
    while i < n:
        size = rng.choice((2, 4, 6, 8))
        batches.append(list(range(i, min(n, i + size))))
        i += size
    return [b[rank::processes] for b in batches if len(b) % processes == 0]


def _skipped(sampler, steps):
    sampler.skip_steps(steps)
    return sampler


@sampler(PROJECT, "models/base/base_sampler.py", "VariableSampler")
def _(cls, module):
    for n in (9, 200):
        for processes in (1, 2):
            for rank in range(processes):
                for drop_last in (False, True):
                    for random_order in (True, False):

                        def make(n=n, p=processes, r=rank, d=drop_last, u=random_order):
                            return cls(_dynamic_batches(n, p, r), drop_last=d, use_random_sampler=u)

                        config = (
                            f"batches of {n} utterances processes={processes} rank={rank} "
                            f"drop_last={drop_last} use_random_sampler={random_order}"
                        )
                        yield Case(config, make, repeat=2)
                        for steps in (1, 3):
                            yield Case(
                                f"{config} resumed: skip_steps({steps})",
                                lambda m=make, s=steps: _skipped(m(), s),
                            )
