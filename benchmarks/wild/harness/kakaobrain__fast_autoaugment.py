"""kakaobrain/fast-autoaugment: learned data augmentation policies (Fast AutoAugment) for
image classification. FastAutoAugment/data.py's get_dataloaders splits the training set with
StratifiedShuffleSplit (test_size=split, 0.15 by default) and gives SubsetSampler(valid_idx) as
the validation loader's `sampler=` (SubsetSampler([]) when split is 0), in order."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="kakaobrain/fast-autoaugment",
    source="github",
    ref="2424224291616a2158a2265069ee95a78a2d13d9",
    domain="image classification (augmentation search)",
    # data.py's transforms, the split, the config and the ImageNet/EfficientNet modules: to load only
    absent=("torchvision", "PIL", "sklearn", "theconf", "tqdm", "pandas", "scipy"),
)


@sampler(PROJECT, "FastAutoAugment/data.py", "SubsetSampler")
def _(cls, module):
    # CIFAR-10's 50000 training images, reduced sets of 4000 and 1000 (SVHN), split 0.15 or 0.2.
    for total in (1000, 4000, 50000):
        for split in (0.15, 0.2):
            valid = sorted(random.Random(total).sample(range(total), int(total * split)))
            yield Case(
                f"{total} images, split={split}: {len(valid)} validation indices", lambda v=valid: cls(v)
            )
    yield Case("split=0: no validation indices", lambda: cls([]))
