"""ray0809/pytorch: a collection of vision experiments; its image-retrieval ones (distance
weighted sampling, multi-similarity loss) pass BalancedBatchSampler(train_txt, batch_size,
batch_k) as `batch_sampler=`. The txt lists one "path label" line per image (cifar10-like
and the project's bread data set); the training scripts use batch 40-128, K 4-32."""

import random
import tempfile

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ray0809/pytorch",
    source="github",
    ref="3925e966f63223c57e5a1223deb796a06d5d5dae",
    domain="metric learning",
    absent=("PIL", "torchvision", "tqdm"),
)

FILES = (
    "retrieval/DistanceWeightedSampling/version_1/data_loader.py",
    "retrieval/Multi-Similarity-Loss/data_loader.py",
)


def _txt(classes, per_class, seed):
    """A train txt as the project's txt/ folder holds: "path label" per line, label-grouped
    or shuffled."""
    rng = random.Random(seed)
    lines = [f"imgs/{c}/{i}.jpg {c}" for c in range(classes) for i in range(rng.randint(*per_class))]
    if seed % 2:
        rng.shuffle(lines)
    handle = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    handle.write("\n".join(lines) + "\n")
    handle.close()
    return handle.name


def _cases(cls, module):
    for classes, per_class in ((10, (500, 500)), (40, (32, 80)), (7, (20, 31))):
        txt = _txt(classes, per_class, classes)
        for batch, k in ((128, 32), (40, 5), (60, 4), (16, 4)):
            if batch // k > classes or k > per_class[0]:
                continue  # random.sample needs that many classes and images a class
            yield Case(
                f"{classes} classes of {per_class[0]}-{per_class[1]}, batch {batch}, K {k}",
                lambda t=txt, b=batch, k=k: cls(t, b, k),
            )


for path in FILES:
    sampler(PROJECT, path, "BalancedBatchSampler")(_cases)
