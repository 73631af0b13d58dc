"""atriaml/atria: document image understanding (datasets and training framework). The batch
samplers of atria_datasets/core/batch_samplers, registered in atria_registry's
BATCH_SAMPLER: GroupBatchSampler(sampler, batch_size, drop_last), which batches indices of
one group (its `group_ids`, set by subclasses) and tops the epoch up to len(sampler) //
batch_size batches, and AspectRatioGroupBatchSampler(sampler, batch_size, drop_last,
group_factor), which would take its groups from the images' aspect ratios but whose module
does not import. utilities.py's SubsetSampler is a class local to
_compute_aspect_ratios_slow."""

from torch.utils.data import RandomSampler, SequentialSampler

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="atriaml/atria",
    source="github",
    ref="452d5ee22da1886040ec7faa99c596a39c9e5ad2",
    domain="document image understanding",
    root="atria_datasets/src",
    stubs={
        # the registry and logger packages of the same monorepo, each on its own src path
        "atria_registry": (
            "class _Registry:\n"
            "    def register(self, name, **kwargs):\n        return lambda cls: cls\n\n\n"
            "BATCH_SAMPLER = _Registry()\n"
        ),
        "atria_logger": "import logging\n\n\ndef get_logger(name):\n    return logging.getLogger(name)\n",
    },
    absent=("torchvision",),  # imported to test for COCO and VOC datasets, after the check that serves
    empty_init=("atria_datasets", "atria_datasets.core", "atria_datasets.core.batch_samplers"),
)

FOLDER = "atria_datasets/src/atria_datasets/core/batch_samplers/"


class _Pages:
    """Document images of three shapes (A4 portrait, landscape, square scans), as a
    dataset with get_height_and_width."""

    SHAPES = ((1754, 1240), (1240, 1754), (1000, 1000))

    def __init__(self, n):
        self.shapes = [self.SHAPES[(i * i) % 3 if i % 4 else 0] for i in range(n)]

    def __len__(self):
        return len(self.shapes)

    def get_height_and_width(self, index):
        return self.shapes[index]


def _base(n, shuffle):
    data = _Pages(n)
    return RandomSampler(data) if shuffle else SequentialSampler(data)


SIZES = (5, 17, 64, 150)


@sampler(PROJECT, FOLDER + "group_batch_sampler.py", "GroupBatchSampler")
def _(cls, module):
    for n in SIZES:
        for batch in (1, 2, 4, 16):
            for shuffle in (False, True):

                def build(n=n, b=batch, s=shuffle):
                    made = cls(_base(n, s), b, False)
                    made.group_ids = [i % 3 for i in range(n)]  # as its subclasses set them
                    return made

                yield Case(f"n={n} three groups batch={batch} shuffle={shuffle}", build)


not_run(
    PROJECT,
    FOLDER + "ar_group_batch_sampler.py",
    "AspectRatioGroupBatchSampler",
    "its module cannot be imported on the project's Python (3.11): the annotation"
    " `SequentialSampler | RandomSampler` names classes imported under TYPE_CHECKING only (NameError)",
)


not_run(
    PROJECT,
    FOLDER + "utilities.py",
    "SubsetSampler",
    "a class local to _compute_aspect_ratios_slow, not reachable from the module",
)
