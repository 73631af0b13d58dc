"""torchmeta (PyPI, 1.8.0): few-shot learning / meta-learning. Its two samplers of task
class combinations (torchmeta/utils/data/sampler.py), given as `sampler=` by
MetaDataLoader (CombinationRandomSampler when shuffle, CombinationSequentialSampler
otherwise) over a CombinationMetaDataset: every `num_classes_per_task`-combination of the
class dataset's classes is a task. Both keep the __len__ they inherit (SequentialSampler,
RandomSampler with replacement: len(data_source), the number of combinations) under a new
__iter__."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="torchmeta",
    source="pypi",
    ref="1.8.0",
    domain="few-shot learning",
    absent=("torchvision", "ordered_set", "PIL", "h5py", "tqdm", "requests"),
    empty_init=("torchmeta", "torchmeta.utils", "torchmeta.utils.data"),
)

PATH = "torchmeta/utils/data/sampler.py"


def _tasks(classes, ways):
    """A CombinationMetaDataset over a ClassDataset of `classes` classes (Omniglot-like),
    as the benchmark helpers (torchmeta.datasets.helpers) make one."""
    from torchmeta.utils.data.dataset import ClassDataset, CombinationMetaDataset

    class Characters(ClassDataset):
        def __init__(self, count):
            super().__init__(meta_train=True)
            self.count = count

        @property
        def num_classes(self):
            return self.count

        def __getitem__(self, index):
            return list(range(20))

    return CombinationMetaDataset(Characters(classes), num_classes_per_task=ways)


SIZES = ((5, 5), (7, 2), (12, 5), (20, 3), (6, 1))


@sampler(PROJECT, PATH, "CombinationSequentialSampler")
def _(cls, module):
    for classes, ways in SIZES:
        yield Case(f"{classes} classes, {ways}-way tasks", lambda c=classes, w=ways: cls(_tasks(c, w)))


@sampler(PROJECT, PATH, "CombinationRandomSampler")
def _(cls, module):
    for classes, ways in SIZES:
        yield Case(f"{classes} classes, {ways}-way tasks", lambda c=classes, w=ways: cls(_tasks(c, w)))
