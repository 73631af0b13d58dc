"""yuhao318/BTM: long-tailed image classification. datasets/sampler.py: two weighted
samplers drawing num_samples indices with replacement (inverse class frequency, effective
number of samples) and the class-aware sampler that datasets/cifar10.py, cifar100.py and
imagenet.py build as ClassAwareSampler(train_dataset) for their balanced loaders; all read
the dataset's `targets` (labels 0..C-1)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="yuhao318/BTM",
    source="github",
    ref="3c221adb0facbb59671abcdbfa9cf51519174830",
    domain="long-tailed recognition",
)

FILE = "datasets/sampler.py"


class _LongTailed:
    """A CIFAR-LT-like dataset: `classes` classes, class i with head * imbalance^(-i/(C-1))
    images (the exponential profile of the long-tailed CIFAR sets), labels interleaved."""

    def __init__(self, classes, head, imbalance):
        counts = [max(1, int(head * imbalance ** (-i / max(classes - 1, 1)))) for i in range(classes)]
        self.targets = [label for label, count in enumerate(counts) for _ in range(count)]
        self.targets = self.targets[::2] + self.targets[1::2]

    def __len__(self):
        return len(self.targets)


DATASETS = ((2, 10, 1), (10, 50, 10), (10, 100, 100), (100, 20, 10))


def _weighted(cls):
    for classes, head, imbalance in DATASETS:
        data = _LongTailed(classes, head, imbalance)
        for num_samples in (None, 1, 64, 1000):
            yield Case(
                f"{classes} classes, head {head}, imbalance {imbalance} ({len(data)} images), "
                f"num_samples={num_samples}",
                lambda d=data, k=num_samples: cls(d, num_samples=k),
            )
        yield Case(
            f"{classes} classes, head {head}, imbalance {imbalance}, the even indices",
            lambda d=data: cls(d, indices=list(range(0, len(d), 2))),
        )


@sampler(PROJECT, FILE, "BalancedDatasetSampler")
def _(cls, module):
    yield from _weighted(cls)


@sampler(PROJECT, FILE, "EffectNumSampler")
def _(cls, module):
    yield from _weighted(cls)


@sampler(PROJECT, FILE, "ClassAwareSampler")
def _(cls, module):
    for classes, head, imbalance in DATASETS:
        data = _LongTailed(classes, head, imbalance)
        for per_class in (1, 4, 3):
            yield Case(
                f"{classes} classes, head {head}, imbalance {imbalance} ({len(data)} images), "
                f"num_samples_cls={per_class}",
                lambda d=data, k=per_class: cls(d, num_samples_cls=k),
            )
