"""okotaku/diffengine: diffusion fine-tuning on MMEngine. Its aspect-ratio bucketing
(docs/source/user_guides/aspect_ratio_bucketing.md) sets
`batch_sampler=dict(type=AspectRatioBatchSampler)` over MMEngine's DefaultSampler: ids
grouped by the image's height/width (read from every item, or a bucket_ids file), a batch
whenever a group fills, the groups' leftovers at the end unless drop_last. MMEngine builds
it as AspectRatioBatchSampler(sampler, batch_size=..., drop_last=...) on every rank."""

import json
import math
import random
import tempfile

import torch
from torch.utils.data import Sampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="okotaku/diffengine",
    source="github",
    ref="f80c228d4eb9deb88e3c18f9d8941ac5c456cc26",
    domain="generative models",
    stubs={
        "mmengine": (
            "import json\n\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n"
        ),
        "diffengine.registry": (
            "class _Registry:\n    def register_module(self, *args, **kwargs):\n"
            "        return lambda cls: cls\n\n\nDATA_SAMPLERS = _Registry()\n"
        ),
    },
    empty_init=("diffengine", "diffengine.datasets"),  # the CLI, the HF datasets
)


class _DefaultSampler(Sampler):
    """mmengine.dataset.DefaultSampler as the batch sampler meets it: `dataset`, this rank's
    share of a (seeded, per-epoch) permutation, rounded up to a whole share a rank."""

    def __init__(self, dataset, shuffle=True, seed=0, rank=0, world_size=1):
        self.dataset, self.shuffle, self.seed = dataset, shuffle, seed
        self.rank, self.world_size, self.epoch = rank, world_size, 0
        self.num_samples = math.ceil(len(dataset) / world_size)

    def __iter__(self):
        if self.shuffle:
            g = torch.Generator()
            g.manual_seed(self.seed + self.epoch)
            indices = torch.randperm(len(self.dataset), generator=g).tolist()
        else:
            indices = list(range(len(self.dataset)))
        total = self.num_samples * self.world_size
        indices = (indices * int(total / len(indices) + 1))[:total]
        return iter(indices[self.rank : total : self.world_size])

    def __len__(self):
        return self.num_samples

    def set_epoch(self, epoch):
        self.epoch = epoch


class _BucketedImages(torch.utils.data.Dataset):
    """Items as MultiAspectRatioResizeCenterCrop leaves them: {"inputs": {"img": C x H x W}},
    H x W one of a few bucket sizes."""

    SIZES = ((1024, 1024), (896, 1152), (1152, 896), (768, 1344), (1344, 768))

    def __init__(self, length, buckets, seed):
        rng = random.Random(seed)
        self.shapes = [rng.choice(self.SIZES[:buckets]) for _ in range(length)]

    def __len__(self):
        return len(self.shapes)

    def __getitem__(self, idx):
        h, w = self.shapes[idx]
        return {"inputs": {"img": torch.zeros(1, 1, 1).expand(3, h, w)}}


def _bucket_file(dataset):
    """The bucket_ids file a user precomputes: height / width of every item."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        json.dump([h / w for h, w in dataset.shapes], out)
    return out.name


@sampler(PROJECT, "diffengine/datasets/samplers/batch_sampler.py", "AspectRatioBatchSampler")
def _(cls, module):
    for length, buckets in ((40, 1), (100, 2), (333, 5)):
        data = _BucketedImages(length, buckets, length)
        for batch in (1, 4, 6):
            for drop_last in (False, True):
                for world in (1, 2):
                    for rank in range(world):
                        for from_file in (False, True):

                            def build(d=data, b=batch, dl=drop_last, w=world, r=rank, f=from_file):
                                made = cls(
                                    _DefaultSampler(d, shuffle=True, rank=r, world_size=w),
                                    batch_size=b,
                                    bucket_ids=_bucket_file(d) if f else None,
                                    drop_last=dl,
                                )
                                return made

                            yield Case(
                                f"{length} images in {buckets} bucket(s), batch_size={batch}"
                                f" drop_last={drop_last} world={world} rank={rank}"
                                f"{' bucket_ids file' if from_file else ''}, two epochs",
                                build,
                                repeat=2,
                            )
