"""CaoWGG/multi-scale-training: multi-scale training for object detection (YOLO-style).
batch_sampler.py's BatchSampler(sampler, batch_size, drop_last, multiscale_step, img_sizes)
is the `batch_sampler=` of demo.py (RandomSampler or SequentialSampler over the set, batch
64, drop_last, a new size from 320..608 every multiscale_step batches): batches of
[index, size]."""

import torch.utils.data as tud

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="CaoWGG/multi-scale-training",
    source="github",
    ref="4f019b49d30a127cf763796ec9e1bd8bf5ab8747",
    domain="object detection",
)

SIZES = list(range(320, 608 + 1, 32))


@sampler(PROJECT, "batch_sampler.py", "BatchSampler")
def _(cls, module):
    for n in (1, 63, 10000):
        for batch in (1, 16, 64):
            for drop_last in (True, False):
                for step in (None, 1, 10):
                    for shuffle in (True, False):
                        yield Case(
                            f"n={n} batch_size={batch} drop_last={drop_last} multiscale_step={step} "
                            f"shuffle={shuffle}",
                            lambda n=n, b=batch, d=drop_last, k=step, s=shuffle: cls(
                                tud.RandomSampler(range(n)) if s else tud.SequentialSampler(range(n)),
                                b,
                                d,
                                multiscale_step=k,
                                img_sizes=SIZES if k else None,
                            ),
                        )
