"""naver/deep-image-retrieval (dirtorch): image retrieval (deep image retrieval, AP loss).
get_loader(dataset, ..., balanced, use_all) passes BalancedSampler(dataset, use_all=use_all,
balanced=balanced) as `sampler=` when balanced > 0: classes are over- or under-sampled toward
the median class size (size 1.0); the sampler reads the data set's nclass and
get_label(i, toint=True). Landmarks-style training sets: many classes of very unequal size."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="naver/deep-image-retrieval",
    source="github",
    ref="610247f721452393738690fc56d0f66f5823d581",
    domain="image retrieval",
    absent=("PIL",),
)


class Landmarks:
    """A labelled image set as dirtorch's datasets expose it."""

    def __init__(self, classes, sizes, seed):
        rng = random.Random(seed)
        self.nclass = classes
        self.labels = [c for c in range(classes) for _ in range(rng.randint(*sizes))]

    def __len__(self):
        return len(self.labels)

    def get_label(self, i, toint=False):
        return self.labels[i]


@sampler(PROJECT, "dirtorch/utils/pytorch_loader.py", "BalancedSampler")
def _(cls, module):
    for classes, sizes in ((586, (1, 120)), (40, (10, 12)), (5, (1, 300))):
        data = Landmarks(classes, sizes, classes)
        for size, balanced, use_all in (
            (1.0, 1.0, False),
            (1.0, 0.5, False),
            (1.0, 1.0, True),
            (0.5, 1.0, False),
        ):
            yield Case(
                f"{classes} classes of {sizes[0]}-{sizes[1]}, size {size}, balanced {balanced}, "
                f"use_all={use_all}",
                lambda d=data, s=size, b=balanced, u=use_all: cls(d, size=s, balanced=b, use_all=u),
                repeat=2,
            )
