"""otx (PyPI; OpenVINO Training Extensions): its samplers for imbalanced and class-incremental
classification. BalancedSampler draws the same number of images per class (fewer trials in
efficient mode); ClassIncrementalSampler mixes old-class and new-class images in each batch at a
set ratio. Both shard over ranks themselves (num_replicas, rank)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="otx",
    source="pypi",
    ref="2.6.0",
    domain="class-incremental and imbalanced image classification",
    absent=(
        "datumaro",
        "cv2",
        "torchvision",
        "lightning",
        "jsonargparse",
        "omegaconf",
        "openvino",
        "onnx",
        "nncf",
        "importlib_resources",
        "PIL",
        "pycocotools",
        "shapely",
        "timm",
        "einops",
        "yaml",
        "typeguard",
    ),
    empty_init=("otx", "otx.data", "otx.data.dataset", "otx.data.samplers"),
)


class _Label:
    def __init__(self, name):
        self.name = name


class _Categories:
    """datumaro's LabelCategories: items[label].name."""

    def __init__(self, names):
        self.items = [_Label(n) for n in names]


class _CategoriesByType:
    """What dm_subset.categories() gives: the categories by annotation type; these datasets
    hold only labels, so any type asked gets the label categories."""

    def __init__(self, names):
        self.labels = _Categories(names)

    def get(self, annotation_type, default=None):
        return self.labels


class _Item:
    def __init__(self, label):
        self.annotations = [type("Label", (), {"label": label})()]


class _Subset:
    def __init__(self, labels, names):
        self.items = [_Item(label) for label in labels]
        self.names = names

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def categories(self):
        return _CategoriesByType(self.names)


class _Dataset:
    """An OTX classification dataset as the samplers read it: len() and dm_subset (a
    datumaro subset: items with label annotations, and the label categories)."""

    def __init__(self, counts, names):
        labels = [label for label, count in enumerate(counts) for _ in range(count)]
        # interleave the classes as a real annotation list would be
        labels = sorted(labels, key=lambda x: (hash((x * 7919) % 97), x))
        self.dm_subset = _Subset(labels, names)

    def __len__(self):
        return len(self.dm_subset)


NAMES = ["cat", "dog", "bird", "fish", "horse"]
COUNTS = ((50, 10, 3, 1), (20, 20), (5, 1, 1), (120, 40, 9, 2, 2))


@sampler(PROJECT, "otx/data/samplers/balanced_sampler.py", "BalancedSampler")
def _(cls, module):
    for counts in COUNTS:
        for efficient in (False, True):
            for repeats in (1, 2):
                for replicas in (1, 2, 3, 4):
                    for rank in range(replicas):
                        for drop_last in (False, True):
                            yield Case(
                                f"counts={counts} efficient_mode={efficient} n_repeats={repeats} "
                                f"replicas={replicas} rank={rank} drop_last={drop_last}",
                                lambda c=counts, e=efficient, n=repeats, r=replicas, k=rank, d=drop_last: cls(
                                    _Dataset(c, NAMES[: len(c)]),
                                    efficient_mode=e,
                                    num_replicas=r,
                                    rank=k,
                                    drop_last=d,
                                    n_repeats=n,
                                ),
                            )


@sampler(PROJECT, "otx/data/samplers/class_incremental_sampler.py", "ClassIncrementalSampler")
def _(cls, module):
    # (counts per class, how many of the classes are new): new classes come with fewer images
    for counts, new in (((50, 40, 10), 1), ((30, 30, 30, 8, 6), 2), ((100, 12), 1), ((9, 8, 7, 7), 2)):
        names = NAMES[: len(counts)]
        old_classes, new_classes = names[: len(names) - new], names[len(names) - new :]
        for batch_size in (4, 8, 16):
            for efficient in (False, True):
                for replicas in (1, 2, 3):
                    for rank in range(replicas):
                        for drop_last in (False, True):
                            yield Case(
                                f"counts={counts} new={new_classes} batch_size={batch_size} efficient_mode={efficient} "
                                f"replicas={replicas} rank={rank} drop_last={drop_last}",
                                lambda c=counts, b=batch_size, e=efficient, r=replicas, k=rank, d=drop_last, o=old_classes, w=new_classes: (
                                    cls(
                                        _Dataset(c, NAMES[: len(c)]),
                                        b,
                                        o,
                                        w,
                                        efficient_mode=e,
                                        num_replicas=r,
                                        rank=k,
                                        drop_last=d,
                                    )
                                ),
                            )
