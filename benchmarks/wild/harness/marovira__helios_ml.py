"""marovira/helios-ml: a light training framework on PyTorch (trainer, data modules,
resumable training). src/helios/data/samplers.py: ResumableRandomSampler (epoch-seeded
permutation), ResumableSequentialSampler and ResumableDistributedSampler (torch's
DistributedSampler), each skipping `start_iter * batch_size` indices; the trainer sets
`sampler.start_iter = state.dataset_iter` when it resumes, then `set_epoch(epoch)` each epoch."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="marovira/helios-ml",
    source="github",
    ref="5cff0173c11193eb6a4b1ec8323cc868cd1fb6a1",
    domain="general training library (resumable samplers)",
    root="src",
    # _version.py reads the installed distribution's version, and there is none here
    stubs={"helios._version": '__version__ = "0+repository"\n'},
    # helios.core (its Registry) imports torchvision, matplotlib, tensorboard for its loggers and utilities
    absent=("torchvision", "tensorboard", "matplotlib", "tqdm", "cv2", "PIL"),
    # helios' and helios.data's __init__ import the trainer, models, data modules, transforms
    empty_init=("helios", "helios.data"),
)

PATH = "src/helios/data/samplers.py"


class _Images(torch.utils.data.Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.zeros(3, 8, 8), i % 10


def _resumed(sampler, start_iter, epoch):
    """The trainer's resume: start_iter from the checkpoint, then set_epoch."""
    sampler.start_iter = start_iter
    sampler.set_epoch(epoch)
    return sampler


def _single(make):
    for n in (1, 10, 100):
        for batch_size in (1, 4, 16):
            yield Case(f"n={n} batch_size={batch_size}", lambda n=n, b=batch_size: make(n, b), repeat=2)
            yield Case(
                f"n={n} batch_size={batch_size} set_epoch(3)",
                lambda n=n, b=batch_size: _resumed(make(n, b), 0, 3),
            )
            for start in (1, 2):
                if start * batch_size >= n:
                    continue  # a checkpoint inside the epoch
                yield Case(
                    f"n={n} batch_size={batch_size} resumed start_iter={start} epoch=1",
                    lambda n=n, b=batch_size, s=start: _resumed(make(n, b), s, 1),
                )


@sampler(PROJECT, PATH, "ResumableRandomSampler")
def _(cls, module):
    yield from _single(lambda n, b: cls(_Images(n), seed=5, batch_size=b))


@sampler(PROJECT, PATH, "ResumableSequentialSampler")
def _(cls, module):
    yield from _single(lambda n, b: cls(_Images(n), batch_size=b))


@sampler(PROJECT, PATH, "ResumableDistributedSampler")
def _(cls, module):
    for n in (7, 64, 101):
        for world in (1, 2, 3, 4):
            for rank in range(world):
                for shuffle in (True, False):
                    for drop_last in (False, True):
                        for batch_size, start in ((1, 0), (4, 0), (4, 1), (2, 3)):
                            share = n // world
                            if start * batch_size >= share:
                                continue
                            yield Case(
                                f"n={n} num_replicas={world} rank={rank} shuffle={shuffle} drop_last={drop_last} "
                                f"batch_size={batch_size} start_iter={start} epoch=2",
                                lambda n=n, w=world, r=rank, s=shuffle, d=drop_last, b=batch_size, k=start: _resumed(
                                    cls(_Images(n), num_replicas=w, rank=r, shuffle=s, seed=1, drop_last=d,
                                        batch_size=b), k, 2),
                            )
