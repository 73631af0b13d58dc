"""MalongTech/research-ms-loss: deep metric learning (multi-similarity loss; image retrieval on
CUB, Cars, SOP, In-Shop). ret_benchmark/data/build.py gives RandomIdentitySampler(dataset,
TRAIN_BATCHSIZE, NUM_INSTANCES, MAX_ITERS) as `batch_sampler=` (defaults: batch 70, 5
instances, 4000 iterations): MAX_ITERS batches of batch // K labels x K images, reading the
dataset's label_index_dict {label: [indices]}."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="MalongTech/research-ms-loss",
    source="github",
    ref="8db6c9ccb58acf1530444f40185215465603046c",
    domain="metric learning",
    empty_init=("ret_benchmark.data",),  # the datasets and transforms (cv2, PIL, torchvision)
)


class _Retrieval:
    def __init__(self, classes, low, high, seed):
        rng = random.Random(seed)
        self.label_index_dict, index = {}, 0
        for label in range(classes):
            count = rng.randint(low, high)
            self.label_index_dict[label] = list(range(index, index + count))
            index += count


@sampler(PROJECT, "ret_benchmark/data/samplers/random_identity_sampler.py", "RandomIdentitySampler")
def _(cls, module):
    # CUB-like (100 classes of ~60), SOP-like (many classes of 2-12)
    for classes, low, high in ((100, 50, 60), (2000, 2, 12), (20, 1, 8)):
        data = _Retrieval(classes, low, high, classes)
        for batch, k, iterations in ((70, 5, 400), (80, 5, 50), (64, 4, 7), (10, 2, 100)):
            yield Case(
                f"{classes} classes of {low}-{high} images, batch {batch}, K={k}, {iterations} iterations",
                lambda d=data, b=batch, k=k, i=iterations: cls(d, b, k, i),
            )
