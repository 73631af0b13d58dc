"""Helpers shared by helper g3's harness modules (speech, translation, NLP, LLM, multimodal)."""

from __future__ import annotations

from wild.standins import world


def built_in(size: int, rank: int, make):
    """`make()` called as one rank of a `size`-process world."""
    with world(size, rank):
        return make()


def with_epoch(sampler, epoch: int, **kwargs):
    """The sampler after `set_epoch(epoch, ...)`, as a training loop leaves it."""
    sampler.set_epoch(epoch, **kwargs)
    return sampler


def megatron_batch_sampler_cases(cls, random_sampler=None, accumulation=False):
    """Cases for the DistributedBatchSampler that NVIDIA's early Megatron passed on to
    GLM, SwissArmyTransformer and gpt-neox: a global batch cut into per-rank slices,
    every rank of worlds 1-4, and the resume of their training loops
    (`batch_sampler.start_iter = iteration % len(loader)`), and `wrap_last` over two
    consecutive epochs."""
    import torch.utils.data as tud

    from wild.entry import Case

    def source(n):
        if random_sampler is None:
            return tud.SequentialSampler(range(n))
        return random_sampler(n)

    for n in (10, 37, 64):
        for size in (1, 2, 4):
            for per_rank in (2, 3):
                batch = per_rank * size
                for rank in range(size):
                    for drop_last in (True, False):
                        for start in (0, 1, 2):
                            for gas in ((1, 2) if accumulation else (None,)):

                                def build(n=n, b=batch, d=drop_last, r=rank, s=size, k=start, g=gas):
                                    extra = {} if g is None else {"gradient_accumulation_steps": g}
                                    sampler = cls(source(n), b, d, r, s, **extra)
                                    sampler.start_iter = k
                                    return sampler

                                yield Case(
                                    f"n={n} batch={batch} world={size} rank={rank} drop_last={drop_last}"
                                    f" start_iter={start}" + ("" if gas is None else f" accumulation={gas}"),
                                    build,
                                    marker="start_iter" if start else None,
                                )
                    yield Case(
                        f"n={n} batch={batch} world={size} rank={rank} wrap_last=True, two epochs",
                        lambda n=n, b=batch, r=rank, s=size: cls(source(n), b, False, r, s, wrap_last=True),
                        repeat=2,
                    )


class SpectrogramLengths:
    """Stands for VITS's TextAudioLoader after _filter(): `lengths`, spectrogram frames
    (wav bytes // (2 * hop_length)) of each utterance."""

    def __init__(self, lengths):
        self.lengths = list(lengths)

    def __len__(self):
        return len(self.lengths)


def utterance_frames(n: int, seed: int, low: int = 40, high: int = 1100):
    """`n` spectrogram lengths, short and long; some fall outside VITS's boundaries
    (the sampler drops them) and always a few in the first bucket."""
    import random

    rng = random.Random(seed)
    frames = [rng.randint(low, high) for _ in range(n)]
    frames[:3] = [100, 150, 299]
    return frames


def vits_bucket_cases(cls, boundaries):
    """The DistributedBucketSampler of VITS (and the projects that copied it) as their
    train.py builds it: (dataset, batch_size, boundaries, num_replicas, rank, shuffle)."""
    from wild.entry import Case

    for n in (12, 50, 173, 400):
        for batch in (4, 16):
            for size in (1, 2, 4):
                for rank in range(size):
                    for shuffle in (True, False):
                        for epoch in (0, 5):

                            def build(n=n, b=batch, s=size, r=rank, sh=shuffle, e=epoch):
                                data = SpectrogramLengths(utterance_frames(n, seed=n))
                                sampler = cls(data, b, list(boundaries), num_replicas=s, rank=r, shuffle=sh)
                                sampler.set_epoch(e)
                                return sampler

                            yield Case(
                                f"utterances={n} batch={batch} world={size} rank={rank} shuffle={shuffle} epoch={epoch}",
                                build,
                            )


def megatron_pretraining_cases(make, random=False, drop_last=True):
    """Cases for Megatron-LM's MegatronPretrainingSampler / MegatronPretrainingRandomSampler
    as their copies take them: `make(total, consumed, micro_batch, rank, size[, drop_last])`,
    from the start and resumed (consumed_samples a whole number of global steps), each rank
    of data-parallel worlds 1-4."""
    from wild.entry import Case

    for n in (9, 40, 131):
        for mbs in (1, 4):
            for size in (1, 2, 4):
                if random and n < mbs * size:
                    continue  # its shard of whole global batches would be empty
                for rank in range(size):
                    step = mbs * size
                    for consumed in sorted({0, (n // 3) // step * step}):
                        for last in ((True, False) if drop_last and not random else (None,)):
                            extra = "" if last is None else f" drop_last={last}"
                            yield Case(
                                f"total={n} consumed={consumed} micro_batch={mbs} dp={size} rank={rank}{extra}",
                                lambda n=n, c=consumed, m=mbs, s=size, r=rank, d=last: (
                                    make(n, c, m, r, s) if d is None else make(n, c, m, r, s, d)
                                ),
                            )
