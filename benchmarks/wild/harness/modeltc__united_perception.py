"""ModelTC/United-Perception: object detection (and classification, segmentation) framework.
The samplers its registries offer (up/data/samplers): distributed, local and test
samplers, two class/list-balanced ones, a repeat-factor resampler for long-tailed data
(LVIS), and the aspect-ratio grouped batch sampler the detection configs put over them.
Only the resampler sets `static_size`, and for it the batch sampler's len() divides the
resampler's len() (the images before repeats) instead of counting its batches."""

from collections import defaultdict

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="ModelTC/United-Perception",
    source="github",
    ref="52aaeb9ed27a490820696d7754d19f98cd6ecd11",
    domain="object detection",
    root="",
    absent=(
        "spring_analytics",
        "onnx",
        "matplotlib",
        "cv2",
        "PIL",
        "easydict",
        "yaml",
        "tensorboardX",
        "pandas",
    ),
    empty_init=("up", "up.data", "up.utils", "up.utils.general", "up.data.samplers"),
)

SIZES = (4, 7, 10, 23, 64, 101)
WORLDS = ((1, 0), (2, 0), (2, 1), (3, 2), (4, 1), (4, 3))


class _Detections:
    """A detection dataset as the samplers read it (CocoDataset's properties): len(),
    aspect_ratios, the classes of each image, and images per class for the classes that occur
    (class 0 is the background, which num_classes counts); images per list for the list-aware
    sampler."""

    def __init__(self, n, lists=2):
        # long-tailed: classes 1 and 2 in every other image, 3 in a fifth, 4 in an eleventh,
        # every seventh image without objects
        self.classes = []
        for i in range(n):
            found = [] if i % 7 == 6 else [1 + i % 2]
            found += [3] if i % 5 == 3 else []
            found += [4] if i % 11 == 4 else []
            self.classes.append(sorted(set(found)))
        self.aspect_ratios = [(0.75, 1.33, 1.0, 0.56, 1.5)[(i * 3) % 5] for i in range(n)]
        per_class = defaultdict(list)
        for i, classes in enumerate(self.classes):
            for c in classes:
                per_class[c].append(i)
        self.images_per_class = dict(sorted(per_class.items()))
        self.num_images_per_class = {c: len(v) for c, v in self.images_per_class.items()}
        self.num_classes = max(per_class) + 1  # the classes that occur are 1..k
        self.num_list = lists
        self.images_per_list = {k: [i for i in range(n) if i % lists == k] for k in range(lists)}
        self.num_images_per_list = {k: len(v) for k, v in self.images_per_list.items()}

    def __len__(self):
        return len(self.classes)

    def get_image_classes(self, index):
        return self.classes[index]


def _world_cases(make, extra=""):
    for n in SIZES:
        for replicas, rank in WORLDS:
            yield Case(
                f"n={n} replicas={replicas} rank={rank}{extra}", lambda n=n, r=replicas, k=rank: make(n, r, k)
            )


@sampler(PROJECT, "up/data/samplers/sampler.py", "DistributedSampler")
def _(cls, module):
    yield from _world_cases(lambda n, r, k: cls(_Detections(n), num_replicas=r, rank=k))


@sampler(PROJECT, "up/data/samplers/sampler.py", "LocalSampler")
def _(cls, module):
    for n in SIZES:
        for rank in (0, 1):
            yield Case(f"n={n} rank={rank}", lambda n=n, k=rank: cls(_Detections(n), rank=k))


@sampler(PROJECT, "up/data/samplers/sampler.py", "TestDistributedSampler")
def _(cls, module):
    yield from _world_cases(lambda n, r, k: cls(_Detections(n), num_replicas=r, rank=k))


@sampler(PROJECT, "up/data/samplers/sampler.py", "TestLocalSampler")
def _(cls, module):
    for n in SIZES:
        yield Case(f"n={n}", lambda n=n: cls(_Detections(n), rank=0))


@sampler(PROJECT, "up/data/samplers/sampler.py", "DistributedRepeatFactorReSampler")
def _(cls, module):
    for mode in ("ceil", "floor", "round"):
        for t in (0.001, 0.3):
            yield from _world_cases(
                lambda n, r, k, m=mode, t=t: cls(_Detections(n), t=t, ri_mode=m, num_replicas=r, rank=k),
                f" t={t} ri_mode={mode}",
            )


@sampler(PROJECT, "up/data/samplers/sampler.py", "DistributedListAwareBalanceSampler")
def _(cls, module):
    yield from _world_cases(lambda n, r, k: cls(_Detections(n), num_replicas=r, rank=k))


@sampler(PROJECT, "up/data/samplers/sampler.py", "DistributedClassAwareBalanceSampler")
def _(cls, module):
    yield from _world_cases(lambda n, r, k: cls(_Detections(n), num_replicas=r, rank=k))


@sampler(PROJECT, "up/data/samplers/batch_sampler.py", "AspectRatioGroupedBatchSampler")
def _(cls, module):
    samplers = __import__("up.data.samplers.sampler", fromlist=["DistributedSampler"])
    for inner in ("dist", "dist_test", "repeat_factor"):
        for training in (True, False):
            for b in (1, 2, 4):
                for n in SIZES:
                    for replicas, rank in ((1, 0), (2, 1), (4, 3)):

                        def build(inner=inner, training=training, b=b, n=n, r=replicas, k=rank):
                            data = _Detections(n)
                            if inner == "dist":
                                base = samplers.DistributedSampler(data, num_replicas=r, rank=k)
                            elif inner == "dist_test":
                                base = samplers.TestDistributedSampler(data, num_replicas=r, rank=k)
                            else:
                                base = samplers.DistributedRepeatFactorReSampler(
                                    data, t=0.3, ri_mode="ceil", num_replicas=r, rank=k
                                )
                            return cls(base, b, [1.0], drop_last=False, training=training)

                        yield Case(
                            f"{inner} n={n} replicas={replicas} rank={rank} batch={b} training={training}",
                            build,
                        )


not_run(
    PROJECT,
    "up/data/samplers/batch_sampler.py",
    "InfiniteBatchSampler",
    "endless by design and its __len__ raises ValueError('Infinite sampler has no length'): "
    "no length to compare",
)
