"""bnu-wangxun/Deep_metric: deep metric learning (image retrieval on CUB, Cars, SOP, In-Shop).
train.py gives FastRandomIdentitySampler(data.train, num_instances=...) as `sampler=`,
reading the dataset's `Index` {label: [indices]}; RandomIdentitySampler walks (image,
label) pairs instead. Both: num_instances images of every class, classes shuffled."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="bnu-wangxun/Deep_metric",
    source="github",
    ref="04ca51093db13135a04e3c94401bc898c6af0c40",
    domain="metric learning",
    empty_init=("utils",),  # meters, clustering (sklearn) and the other training helpers
)


class _Retrieval:
    """A CUB-/SOP-like training set: (image, label) pairs and the `Index` of its labels."""

    def __init__(self, classes, low, high, seed):
        rng = random.Random(seed)
        labels = [c for c in range(classes) for _ in range(rng.randint(low, high))]
        rng.shuffle(labels)
        self.pairs = [(f"{i}.jpg", label) for i, label in enumerate(labels)]
        self.Index = {}
        for i, label in enumerate(labels):
            self.Index.setdefault(label, []).append(i)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self):
        return len(self.pairs)


SETS = ((100, 50, 60), (300, 2, 12), (5, 1, 9))


def _cases(cls):
    for classes, low, high in SETS:
        data = _Retrieval(classes, low, high, classes)
        for k in (1, 5, 8):
            yield Case(
                f"{classes} classes of {low}-{high} images, num_instances={k}", lambda d=data, k=k: cls(d, k)
            )


@sampler(PROJECT, "utils/sampler.py", "RandomIdentitySampler")
def _(cls, module):
    yield from _cases(cls)


@sampler(PROJECT, "utils/sampler.py", "FastRandomIdentitySampler")
def _(cls, module):
    yield from _cases(cls)
