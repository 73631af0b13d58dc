"""alibaba-edu/Ranking-based-Instance-Selection (PRISM): noise-robust deep metric learning.
ret_benchmark/data/build.py passes RandomIdentitySampler(dataset, batch_size=TRAIN_BATCHSIZE,
num_instances=NUM_INSTANCES, max_iters=SOLVER.MAX_ITERS) as `batch_sampler=`; the dataset
(BaseDataSet) carries label_index_dict, class label -> its image indices. Configs: batch 64,
K 4 or 5 (the default), CARS-98N / SOP / CUB / Food-101N, MAX_ITERS a few thousand."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="alibaba-edu/Ranking-based-Instance-Selection",
    source="github",
    ref="06e7fa2061d42f5e8181f7181fe591fc3d294f8d",
    domain="metric learning",
    empty_init=("ret_benchmark.data",),  # imports the datasets and torchvision transforms
)


class LabelledImages:
    """BaseDataSet as the sampler reads it: label_index_dict over consecutive indices."""

    def __init__(self, classes, per_class, seed):
        rng = random.Random(seed)
        self.label_index_dict = {}
        start = 0
        for label in range(classes):
            count = rng.randint(*per_class)
            self.label_index_dict[label] = list(range(start, start + count))
            start += count
        self.length = start

    def __len__(self):
        return self.length


@sampler(PROJECT, "ret_benchmark/data/samplers/random_identity_sampler.py", "RandomIdentitySampler")
def _(cls, module):
    # CARS-98N-like (98 classes of ~80), SOP-like (many classes of 2-12), a small CUB-like one
    for classes, per_class in ((98, (40, 120)), (600, (2, 12)), (20, (30, 60))):
        data = LabelledImages(classes, per_class, seed=classes)
        for batch, k in ((64, 4), (64, 5), (32, 8), (60, 5)):
            if batch // k > classes:
                continue  # fewer classes than one batch takes
            for iters in (1, 25, 300):
                yield Case(
                    f"{classes} classes, batch {batch}, K {k}, max_iters {iters}",
                    lambda d=data, b=batch, k=k, i=iters: cls(d, b, k, i),
                )
