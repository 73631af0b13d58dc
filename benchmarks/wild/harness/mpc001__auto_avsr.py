"""mpc001/auto_avsr: audio-visual speech recognition (LRS2/LRS3, Conformer + CTC/attention).
datamodule/samplers.py (until the January 2025 commit that dropped fairseq, so the ref is the
commit before it): ByFrameCountSampler, batches of clips up to `max_frames_per_gpu` frames
(fairseq's batch_by_size over indices sorted by length, ties shuffled per epoch);
DistributedSamplerWrapper and RandomSamplerWrapper (after catalyst), which hand out the
batches of a batch sampler over ranks or in random order. AVDataModule builds
ByFrameCountSampler(train_ds, max_frames 1800) under RandomSamplerWrapper on one GPU or
DistributedSamplerWrapper on several, and for validation ByFrameCountSampler(val_ds, 500,
shuffle=False) under DistributedSamplerWrapper(shuffle=False, drop_last=True).

fairseq is not installed: its data_utils.batch_by_size stands in as fairseq's pure-Python
version of it (greedy, padded size of a batch = its length x its longest clip)."""

import random

from wild.entry import Case, Project, sampler

BATCH_BY_SIZE = """
import numpy as np


def batch_by_size(indices, num_tokens_fn, max_tokens=None, max_sentences=None,
                  required_batch_size_multiple=1, fixed_shapes=None):
    max_tokens = max_tokens if max_tokens is not None else float("inf")
    max_sentences = max_sentences if max_sentences is not None else float("inf")
    bsz_mult = required_batch_size_multiple
    batches, batch, sample_lens, sample_len = [], [], [], 0
    for idx in indices:
        sample_lens.append(num_tokens_fn(idx))
        sample_len = max(sample_len, sample_lens[-1])
        assert sample_len <= max_tokens, f"sentence at index {idx} exceeds max_tokens limit!"
        num_tokens = (len(batch) + 1) * sample_len
        if len(batch) > 0 and (len(batch) == max_sentences or num_tokens > max_tokens):
            mod_len = max(bsz_mult * (len(batch) // bsz_mult), len(batch) % bsz_mult)
            batches.append(np.array(batch[:mod_len]))
            batch, sample_lens = batch[mod_len:], sample_lens[mod_len:]
            sample_len = max(sample_lens) if sample_lens else 0
        batch.append(idx)
    if batch:
        batches.append(np.array(batch))
    return batches
"""

PROJECT = Project(
    name="mpc001/auto_avsr",
    source="github",
    ref="30951b51f4608e0b135ee5eae54358b324356415",
    domain="speech: audio-visual speech recognition (frame-budget batches)",
    stubs={"fairseq": "", "fairseq.data": "", "fairseq.data.data_utils": BATCH_BY_SIZE},
)

PATH = "datamodule/samplers.py"


class _AVDataset:
    """AVDataset as the samplers read it: list of (dataset, path, input_length, token_id)."""

    def __init__(self, n, longest, seed=0):
        rng = random.Random(seed)
        self.list = [("lrs3", f"trainval/{i:05d}.mp4", rng.randint(20, longest), f"{i}") for i in range(n)]

    def __len__(self):
        return len(self.list)


SHAPES = ((1, 300), (6, 300), (40, 450), (700, 450))  # clips, longest clip in frames (<= a batch's frames)


@sampler(PROJECT, PATH, "ByFrameCountSampler")
def _(cls, module):
    for n, longest in SHAPES:
        for frames in (500, 1800):
            for shuffle in (True, False):
                for epoch in (0, 1):

                    def build(n=n, lo=longest, f=frames, s=shuffle, e=epoch):
                        sampler = cls(_AVDataset(n, lo), f, shuffle=s)
                        sampler.set_epoch(e)
                        return sampler

                    yield Case(
                        f"clips={n} up to {longest} frames max_frames={frames} shuffle={shuffle} "
                        f"epoch={epoch}",
                        build,
                    )


@sampler(PROJECT, PATH, "DistributedSamplerWrapper")
def _(cls, module):
    for n, longest in SHAPES:
        for world in (2, 3, 4):
            for rank in range(world):
                for epoch in (0, 1):

                    def train(n=n, lo=longest, w=world, r=rank, e=epoch):
                        sampler = cls(
                            module.ByFrameCountSampler(_AVDataset(n, lo), 1800), num_replicas=w, rank=r
                        )
                        sampler.set_epoch(e)
                        return sampler

                    yield Case(
                        f"train: clips={n} max_frames=1800 num_replicas={world} rank={rank} epoch={epoch}",
                        train,
                    )
                yield Case(
                    f"val: clips={n} max_frames_val=500 num_replicas={world} rank={rank} "
                    "shuffle=False drop_last=True",
                    lambda n=n, lo=longest, w=world, r=rank: cls(
                        module.ByFrameCountSampler(_AVDataset(n, lo), 500, shuffle=False),
                        num_replicas=w,
                        rank=r,
                        shuffle=False,
                        drop_last=True,
                    ),
                )


@sampler(PROJECT, PATH, "RandomSamplerWrapper")
def _(cls, module):
    for n, longest in SHAPES:
        for frames in (500, 1800):
            yield Case(
                f"clips={n} up to {longest} frames max_frames={frames}",
                lambda n=n, lo=longest, f=frames: cls(module.ByFrameCountSampler(_AVDataset(n, lo), f)),
                repeat=2,
            )
