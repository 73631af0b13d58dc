"""uvavision/Curriculum-Labeling: curriculum labeling for semi-supervised learning (pseudo-
labels admitted by a self-paced threshold each cycle). Its dataloaders split CIFAR-10 /
ImageNet indices into labelled, validation and unlabelled sets and walk each with
SubsetSequentialSampler (in order) or CustomSubsetRandomSampler (a fresh permutation each
epoch), both of which remember the order they used."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="uvavision/Curriculum-Labeling",
    source="github",
    ref="9ea2227576675484306c9da339759ff2928d429e",
    domain="curriculum / semi-supervised learning",
    empty_init=("utils",),  # imports the augmentations and dataloaders (torchvision, PIL)
)

FILE = "utils/samplers.py"


def _splits():
    """CIFAR-10's 4000 labelled / 5000 validation / 41000 unlabelled split, and smaller ones."""
    import random

    for n, labelled, valid in ((50000, 4000, 5000), (1000, 100, 100), (10, 3, 2)):
        order = random.Random(n).sample(range(n), n)
        yield f"{n} images", {
            "labelled": order[:labelled],
            "validation": order[labelled:labelled + valid],
            "unlabelled": order[labelled + valid:],
        }


@sampler(PROJECT, FILE, "SubsetSequentialSampler")
def _(cls, module):
    for name, split in _splits():
        for part, indices in split.items():
            yield Case(f"{name}: the {len(indices)} {part}", lambda i=indices: cls(i))


@sampler(PROJECT, FILE, "CustomSubsetRandomSampler")
def _(cls, module):
    for name, split in _splits():
        for part, indices in split.items():
            yield Case(f"{name}: the {len(indices)} {part}", lambda i=indices: cls(i), epochs=3)
