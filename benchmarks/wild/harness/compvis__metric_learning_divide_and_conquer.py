"""CompVis/metric-learning-divide-and-conquer: deep metric learning (divide and conquer the
embedding space) on SOP, In-Shop and VehicleID. lib/data/loader/utils.py's make(type='train')
gives ClassBalancedSampler(ds, batch_size=config['dataloader']['batch_size'] (80),
num_samples_per_class=4) as `batch_sampler=`, one loader per cluster: ds is the training set
restricted to that cluster's images (set_subset), whose `ys` are the class labels."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="CompVis/metric-learning-divide-and-conquer",
    source="github",
    ref="1766c2cffe1075692657898d2086af4bc9d92929",
    domain="metric learning",
    empty_init=("lib", "lib.data", "lib.data.loader"),  # the models, datasets (PIL), faiss clustering
)


class _ClusterSubset:
    """A cluster's share of an SOP-like training set: `ys`, 2-12 images a class, and len()."""

    def __init__(self, classes, seed, per_class=None):
        rng = random.Random(seed)
        self.ys = [
            c for c in rng.sample(range(11318), classes) for _ in range(per_class or rng.randint(2, 12))
        ]
        rng.shuffle(self.ys)

    def __len__(self):
        return len(self.ys)


@sampler(PROJECT, "lib/data/loader/sampler.py", "ClassBalancedSampler")
def _(cls, module):
    # SOP-like clusters, and a custom set of 50 classes x 8 images.
    for classes, per_class in ((10, None), (100, None), (1400, None), (50, 8)):
        data = _ClusterSubset(classes, classes, per_class)
        for batch, per_class in ((80, 4), (32, 4), (40, 8)):
            yield Case(
                f"{classes} classes ({len(data)} images), batch_size={batch}"
                f" num_samples_per_class={per_class}, two epochs",
                lambda d=data, b=batch, k=per_class: cls(d, batch_size=b, num_samples_per_class=k),
                repeat=2,
            )
