"""thuml/Transfer-Learning-Library: domain adaptation and generalisation (image
classification, re-identification). examples/domain_generalization/image_classification
(coral.py, groupdro.py, irm.py...) give utils.RandomDomainSampler(train ConcatDataset,
batch_size, n_domains_per_batch) as `sampler=`; the re-identification examples give
tllib/utils/data.py's RandomMultipleGallerySampler(train set of (path, pid, camid),
num_instances); tllib/normalization/mixstyle/sampler.py's RandomDomainMultiInstanceSampler
(items (image, pid, domain id)) serves the MixStyle re-identification example. The two
domain samplers count one draw of their own __iter__ at build for len(): their counts
are random, judged over epochs."""

import random

from torch.utils.data import ConcatDataset

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="thuml/Transfer-Learning-Library",
    source="github",
    ref="c4aa59eb565650a552b809411601d0589efbbfe4",
    domain="domain adaptation",
    # the example's utils.py imports the library's models, datasets and meters, timm and
    # torchvision at module level; the sampler uses none of them
    stubs={
        # the tree's `examples` has no __init__: an installed package of that name would win
        "examples": "",
        "tllib.modules": "import torch.nn as nn\n\nClassifier = nn.Module\n",
        "tllib.vision.datasets": "",
        "tllib.vision.models": "",
        "tllib.vision.transforms": "ResizeImage = None\n",
        "tllib.normalization.ibn": "",
        "tllib.utils.metric": "accuracy = None\n",
        "tllib.utils.meter": "AverageMeter = ProgressMeter = None\n",
    },
    absent=("timm", "torchvision"),
    empty_init=(
        "tllib",
        "tllib.normalization",
        "tllib.normalization.mixstyle",
        "tllib.utils",
        "tllib.vision",
    ),
)

DOMAINS = ((2048, 1670, 2344), (40, 75, 21), (300, 300, 300, 300))


@sampler(PROJECT, "examples/domain_generalization/image_classification/utils.py", "RandomDomainSampler")
def _(cls, module):
    for sizes in DOMAINS:
        data = ConcatDataset([range(size) for size in sizes])
        for batch, per_batch in ((36, 3), (32, 2), (32, 1), (30, 3)):
            if per_batch <= len(sizes) and batch % per_batch == 0:
                yield Case(
                    f"domains {sizes}, batch {batch}, {per_batch} domains a batch",
                    lambda d=data, b=batch, p=per_batch: cls(d, b, p),
                    epochs=20,
                )


def _reid_domains(sizes, seed):
    """(image, pid, domain id): domain d with sizes[d] images of 1-9 a pid."""
    rng = random.Random(seed)
    items, pid = [], 0
    for domain, size in enumerate(sizes):
        left = size
        while left > 0:
            count = min(left, rng.randint(1, 9))
            items += [(f"{len(items)}.jpg", pid, domain)] * count
            left -= count
            pid += 1
    return items


@sampler(PROJECT, "tllib/normalization/mixstyle/sampler.py", "RandomDomainMultiInstanceSampler")
def _(cls, module):
    for sizes in ((400, 300), (120, 80, 95), (1000, 1000, 1000, 1000)):
        items = _reid_domains(sizes, sum(sizes))
        for batch, per_batch, instances in ((32, 2, 4), (64, 4, 4), (16, 1, 2)):
            if per_batch <= len(sizes):
                yield Case(
                    f"domains {sizes}, batch {batch}, {per_batch} domains a batch, {instances} instances",
                    lambda d=items, b=batch, p=per_batch, k=instances: cls(d, b, p, k),
                    epochs=20,
                )


@sampler(PROJECT, "tllib/utils/data.py", "RandomMultipleGallerySampler")
def _(cls, module):
    rng = random.Random(0)
    for ids in (1, 12, 751):
        for singletons in (False, True):
            data = [
                (f"{pid}_{j}.jpg", pid, rng.randrange(6))
                for pid in range(ids)
                for j in range(1 if singletons and pid % 5 == 4 else rng.randint(2, 12))
            ]
            for k in (1, 4, 8):
                yield Case(
                    f"{ids} identities ({len(data)} images, one-image ids: {singletons}), num_instances={k}",
                    lambda d=data, k=k: cls(d, k),
                )
