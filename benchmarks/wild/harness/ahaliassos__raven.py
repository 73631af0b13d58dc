"""ahaliassos/raven: self-supervised audio-visual speech representations (lip reading and
ASR on LRS3). data/samplers.py: ByFrameCountSampler, fairseq's batch_by_size over the
utterances sorted by frame count (ties broken by an epoch-seeded shuffle), at most
max_frames_per_gpu frames a batch, its len() the batches of epoch 0; and the wrappers that
shard or shuffle a batch sampler (DistributedSamplerWrapper, RandomSamplerWrapper, over a
dataset of that sampler's batches). data_module.py builds the first over the AVDataset with
frames_per_gpu_val (500) and wraps it in DistributedSamplerWrapper(shuffle=False,
drop_last=True) on several GPUs."""

import random

import torch

from wild.entry import Case, Project, sampler

# fairseq.data.data_utils.batch_by_size with num_tokens_fn and max_tokens, as fairseq's
# batch_by_size_fn builds batches: grow while (len + 1) * longest <= max_tokens.
FAIRSEQ_DATA_UTILS = '''\
def batch_by_size(indices, num_tokens_fn, num_tokens_vec=None, max_tokens=None, max_sentences=None,
                  required_batch_size_multiple=1, fixed_shapes=None):
    max_tokens = max_tokens if max_tokens is not None else -1
    max_sentences = max_sentences if max_sentences is not None else -1
    batches, batch, sample_lens, sample_len = [], [], [], 0
    for idx in indices:
        sample_lens.append(num_tokens_fn(idx))
        sample_len = max(sample_len, sample_lens[-1])
        assert max_tokens <= 0 or sample_len <= max_tokens, (
            f"sentence at index {idx} of size {sample_len} exceeds max_tokens limit of {max_tokens}!")
        full = len(batch) > 0 and ((0 < max_sentences == len(batch))
                                   or (max_tokens > 0 and (len(batch) + 1) * sample_len > max_tokens))
        if full:
            batches.append(batch)
            batch, sample_lens = [], sample_lens[-1:]
            sample_len = sample_lens[0]
        batch.append(idx)
    if batch:
        batches.append(batch)
    return batches
'''

PROJECT = Project(
    name="ahaliassos/raven",
    source="github",
    ref="11fb53f85ea7c9b8649834ff466f24c2794d2684",
    domain="multimodal speech: audio-visual (frame-budget batches)",
    stubs={"fairseq": "", "fairseq.data": "", "fairseq.data.data_utils": FAIRSEQ_DATA_UTILS},
)

PATH = "data/samplers.py"


class _AV:
    """AVDataset as the samplers read it: paths_counts_labels, (tag, path, frames, labels)."""

    def __init__(self, n, seed=0):
        rng = random.Random(seed)
        self.paths_counts_labels = [
            ("lrs3", f"test/{i:05d}.mp4", rng.randint(30, 500), [rng.randint(1, 999) for _ in range(5)])
            for i in range(n)
        ]

    def __len__(self):
        return len(self.paths_counts_labels)


def _epoch(sampler, epoch):
    sampler.set_epoch(epoch)
    return sampler


@sampler(PROJECT, PATH, "ByFrameCountSampler")
def _(cls, module):
    for n in (1, 20, 300):
        for frames in (500, 1800):
            yield Case(f"n={n} max_frames_per_gpu={frames} shuffle=False", lambda n=n, f=frames: cls(_AV(n), f, shuffle=False))
            for epoch in (0, 3):
                yield Case(
                    f"n={n} max_frames_per_gpu={frames} shuffle=True set_epoch({epoch})",
                    lambda n=n, f=frames, e=epoch: _epoch(cls(_AV(n), f, shuffle=True), e),
                )


@sampler(PROJECT, PATH, "DistributedSamplerWrapper")
def _(cls, module):
    for n in (20, 300):
        for world in (2, 3):
            for rank in range(world):
                for shuffle, drop_last in ((False, True), (True, False)):
                    yield Case(
                        f"ByFrameCountSampler(n={n}, 500, shuffle=False) num_replicas={world} rank={rank} "
                        f"shuffle={shuffle} drop_last={drop_last}",
                        lambda n=n, w=world, r=rank, s=shuffle, d=drop_last: cls(
                            module.ByFrameCountSampler(_AV(n), 500, shuffle=False), num_replicas=w, rank=r,
                            shuffle=s, drop_last=d,
                        ),
                    )


@sampler(PROJECT, PATH, "RandomSamplerWrapper")
def _(cls, module):
    for n in (1, 20, 300):
        for shuffle in (False, True):
            yield Case(
                f"ByFrameCountSampler(n={n}, 500, shuffle={shuffle})",
                lambda n=n, s=shuffle: cls(module.ByFrameCountSampler(_AV(n), 500, shuffle=s)),
                repeat=2,
            )
