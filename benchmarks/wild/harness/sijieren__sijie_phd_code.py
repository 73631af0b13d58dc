"""SijieRen/Sijie-PhD-code: lung-lesion (STAS) classification from 2D and 3D CT
(Causality/zhongshan_lung/DarMo_stas_2D and _3D). utils/utils.py's
generate_random_sampler_for_train cuts class-balanced batches of indices (batch_size
divisible by the number of classes, asserted), shuffles them into a SubsetRandomSampler
that yields whole batches, and wraps it in data/batchsampler.py's MyBatchSampler(sub_sampler,
batch_size=batch_size, drop_last=False), which gathers the indices of those batches into
batches of batch_size. The two folders hold the same file."""

import random

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="SijieRen/Sijie-PhD-code",
    source="github",
    ref="2e50b44ed45727b8d1a2dd7087f2a4fbb14fe559",
    domain="medical imaging",
    # the data packages' __init__s load the CT datasets (PIL, torchvision)
    empty_init=(
        "Causality.zhongshan_lung.DarMo_stas_2D.data",
        "Causality.zhongshan_lung.DarMo_stas_3D.data",
    ),
)


def _balanced_batches(per_class, classes, batch_size, seed):
    """As generate_random_sampler_for_train builds them: max_len * classes // batch_size
    batches, each batch_size // classes indices of every class, shuffled."""
    rng = random.Random(seed)
    by_class = {c: list(range(c, per_class[c] * classes, classes)) for c in range(classes)}
    longest = max(per_class)
    per_batch = batch_size // classes
    batches = []
    for i in range(longest * classes // batch_size):
        batch = [
            by_class[c][(i * per_batch + j) % len(by_class[c])]
            for c in range(classes)
            for j in range(per_batch)
        ]
        rng.shuffle(batch)
        batches.append(batch)
    rng.shuffle(batches)
    return batches


def _cases(cls):
    for per_class in ((30, 12), (100, 100), (7, 40), (5, 9, 21)):
        classes = len(per_class)
        for batch_size in (classes, 2 * classes, 4 * classes, 8 * classes):
            batches = _balanced_batches(per_class, classes, batch_size, sum(per_class))
            if not batches:
                continue
            yield Case(
                f"{classes} classes of {per_class} images, batch_size={batch_size} "
                f"({len(batches)} balanced batches)",
                lambda b=batches, s=batch_size: cls(
                    torch.utils.data.sampler.SubsetRandomSampler(b), batch_size=s, drop_last=False
                ),
            )


@sampler(PROJECT, "Causality/zhongshan_lung/DarMo_stas_2D/data/batchsampler.py", "MyBatchSampler")
def _(cls, module):
    yield from _cases(cls)


@sampler(PROJECT, "Causality/zhongshan_lung/DarMo_stas_3D/data/batchsampler.py", "MyBatchSampler")
def _(cls, module):
    yield from _cases(cls)
