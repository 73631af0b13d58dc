"""Dao-AILab/flash-attention: its training code (GPT pre-training with Lightning).
training/src/datamodules/fault_tolerant_sampler.py: a random and a distributed sampler that
resume mid-epoch; language_modeling_hf.py builds them over the training set and, on a
resume, calls `load_state_dict({'epoch': ..., 'counter': fast_forward_batches * batch_size})`.
Both keep the `__len__` of torch's RandomSampler / DistributedSampler."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Dao-AILab/flash-attention",
    source="github",
    ref="0251105a2fb19d2957484b7f023cd8c115286ced",
    domain="LLM pre-training (resumable samplers)",
    root="training",
)

PATH = "training/src/datamodules/fault_tolerant_sampler.py"


class _Tokens:
    """The training set of language_modeling_hf: fixed-length chunks of token ids."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.arange(i * 8, i * 8 + 9)


def _resumed(make, state):
    sampler = make()
    sampler.load_state_dict(state)
    return sampler


def _after(make, consumed):
    """A sampler whose state_dict was saved `consumed` indices into an epoch, then a new
    one built and given that state (what Lightning's fault-tolerant resume does)."""
    first = make()
    iterator = iter(first)
    for _ in range(consumed):
        next(iterator)
    state = first.state_dict()
    return _resumed(make, state)


@sampler(PROJECT, PATH, "RandomFaultTolerantSampler")
def _(cls, module):
    for n in (1, 7, 100):
        yield Case(f"n={n}", lambda n=n: cls(_Tokens(n)), repeat=2)
        yield Case(
            f"n={n} seeded generator",
            lambda n=n: cls(_Tokens(n), generator=torch.Generator().manual_seed(3)),
            repeat=2,
        )
        for consumed in sorted({1, n // 2, n - 1} - {0, n}):  # a checkpoint inside the epoch
            yield Case(
                f"n={n} resumed after {consumed} indices",
                lambda n=n, k=consumed: _after(lambda: cls(_Tokens(n)), k),
                repeat=2,
            )


@sampler(PROJECT, PATH, "FaultTolerantDistributedSampler")
def _(cls, module):
    for n in (7, 64, 101):
        for world in (1, 2, 3, 4):
            for rank in range(world):
                for shuffle in (True, False):
                    for drop_last in (False, True):
                        def make(n=n, w=world, r=rank, s=shuffle, d=drop_last):
                            return cls(_Tokens(n), num_replicas=w, rank=r, shuffle=s, drop_last=d)

                        label = f"n={n} replicas={world} rank={rank} shuffle={shuffle} drop_last={drop_last}"
                        yield Case(label, make, repeat=2)
                        # the project's fast-forward: epoch and counter = batches * batch size
                        # (a counter within the rank's share of an epoch)
                        for epoch, counter in ((0, 0), (2, 4), (1, 8)):
                            if counter >= n // world:
                                continue
                            yield Case(
                                f"{label} load_state_dict(epoch={epoch}, counter={counter})",
                                lambda make=make, e=epoch, c=counter: _resumed(make, {"epoch": e, "counter": c}),
                                repeat=2,
                            )
