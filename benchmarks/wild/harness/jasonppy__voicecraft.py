"""jasonppy/VoiceCraft: zero-shot speech editing and TTS with a neural codec language model.
steps/trainer_utils.py: StatefulDistributedSampler (torch's DistributedSampler whose order is
made in set_epoch, and on a resume cut to the steps not yet taken), StatefulSampler (the same
for one process) and DistributedDynamicBatchSampler (SpeechBrain's dynamic batching over
codec-frame lengths in lognormal buckets, the batches dealt over the ranks, set_epoch
re-forming them, a resume cutting the rank's batches). steps/trainer.py builds the dynamic
one (with --dynamic_batching) or StatefulDistributedSampler(batch_size // world_size,
drop_last=True) with seed, rank and world size; it calls set_epoch_resume(epoch, cur_step)
on a resume and set_epoch(epoch) at every epoch start (config: max_num_tokens 100000,
num_buckets 6, audio_max_length 20 s at encodec_sr 50)."""

import random
import types

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="jasonppy/VoiceCraft",
    source="github",
    ref="a702dfd2ced6d4fd6b04bdc160c832c6efc8f6c5",
    domain="speech: codec language model TTS (dynamic and stateful distributed samplers)",
)

PATH = "steps/trainer_utils.py"


class _GigaSpeech:
    """dataset(args, split) as the samplers read it: its split and length, and lengths_list
    (codec frames, 50 Hz, of 1..25 s utterances)."""

    def __init__(self, n, split="train", seed=0):
        rng = random.Random(seed)
        self.split = split
        self.lengths_list = [rng.randint(50, 1250) for _ in range(n)]

    def __len__(self):
        return len(self.lengths_list)


def _args(max_tokens, buckets):
    return types.SimpleNamespace(
        max_num_tokens=max_tokens,
        val_max_num_tokens=max_tokens,
        num_buckets=buckets,
        audio_max_length=20,
        encodec_sr=50,
    )


def _epoch(sampler, epoch, resume_step=None):
    """The trainer's epoch start: set_epoch, after set_epoch_resume when resuming."""
    if resume_step is not None:
        sampler.set_epoch_resume(epoch, resume_step)
    sampler.set_epoch(epoch)
    return sampler


@sampler(PROJECT, PATH, "StatefulDistributedSampler")
def _(cls, module):
    for n in (7, 100, 1001):
        for batch_size, world in ((100, 1), (50, 2), (25, 4), (33, 3)):
            for rank in sorted({0, world - 1}):
                for drop_last in (True, False):

                    def make(n=n, b=batch_size, w=world, r=rank, d=drop_last):
                        return cls(
                            _GigaSpeech(n), b, num_replicas=w, rank=r, shuffle=True, seed=1, drop_last=d
                        )

                    config = (
                        f"utterances={n} batch_size={batch_size} num_replicas={world} rank={rank} "
                        f"drop_last={drop_last}"
                    )
                    for epoch in (0, 1):
                        yield Case(f"{config} epoch={epoch}", lambda m=make, e=epoch: _epoch(m(), e))
                    for step in (1, 3):
                        yield Case(
                            f"{config} resumed at epoch 1 step {step}",
                            lambda m=make, s=step: _epoch(m(), 1, s),
                        )
                    yield Case(
                        f"{config} the epoch after one resumed at step 1",
                        lambda m=make: _epoch(_epoch(m(), 1, 1), 2),
                    )


@sampler(PROJECT, PATH, "StatefulSampler")
def _(cls, module):
    for n in (7, 100, 1001):
        for batch_size in (1, 16):
            for use_random in (True, False):

                def make(n=n, b=batch_size, u=use_random):
                    return cls(n, b, use_random=u, seed=1)

                config = f"data_source_length={n} batch_size={batch_size} use_random={use_random}"
                for epoch in (0, 1):
                    yield Case(f"{config} epoch={epoch}", lambda m=make, e=epoch: _epoch(m(), e))
                for step in (1, 3):
                    yield Case(
                        f"{config} resumed at epoch 1 step {step}", lambda m=make, s=step: _epoch(m(), 1, s)
                    )
                yield Case(
                    f"{config} the epoch after one resumed at step 1",
                    lambda m=make: _epoch(_epoch(m(), 1, 1), 2),
                )


@sampler(PROJECT, PATH, "DistributedDynamicBatchSampler")
def _(cls, module):
    for n in (40, 600, 3000):
        for max_tokens, buckets in ((100000, 6), (8000, 6), (3000, 2)):
            for world in (1, 2, 3):
                for rank in sorted({0, world - 1}):

                    def make(n=n, t=max_tokens, k=buckets, w=world, r=rank):
                        data = _GigaSpeech(n)
                        return cls(
                            data,
                            _args(t, k),
                            num_replicas=w,
                            rank=r,
                            shuffle=True,
                            seed=1,
                            drop_last=True,
                            lengths_list=data.lengths_list,
                            epoch=0,
                        )

                    config = (
                        f"utterances={n} max_num_tokens={max_tokens} num_buckets={buckets} "
                        f"num_replicas={world} rank={rank}"
                    )
                    yield Case(f"{config} as built (epoch 0)", make)
                    yield Case(f"{config} epoch=1", lambda m=make: _epoch(m(), 1))
                    yield Case(f"{config} resumed at epoch 1 step 1", lambda m=make: _epoch(m(), 1, 1))
                    yield Case(
                        f"{config} the epoch after one resumed at step 1",
                        lambda m=make: _epoch(_epoch(m(), 1, 1), 2),
                    )
