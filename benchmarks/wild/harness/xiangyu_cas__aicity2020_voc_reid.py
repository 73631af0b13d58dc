"""Xiangyu-CAS/AICity2020-VOC-ReID: vehicle re-identification (AI City 2020). lib/data/build.py
gives MPerClassSampler(dataset.train, cfg.SOLVER.IMS_PER_BATCH, cfg.DATALOADER.NUM_INSTANCE)
or RandomIdentitySampler(...) as `sampler=` (IMS_PER_BATCH 64, NUM_INSTANCE 16 by default,
4 or 8 in its scripts); RandomIdentitySampler_alignedreid(data, num_instances) is the
aligned-reid variant it keeps. dataset.train is a list of (img_path, pid, camid)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Xiangyu-CAS/AICity2020-VOC-ReID",
    source="github",
    ref="7c2bf0455371a8178e7522317203e18f3c311791",
    domain="re-identification",
    empty_init=("lib.data",),  # build.py: the datasets, transforms (PIL, torchvision)
)

PATH = "lib/data/samplers/triplet_sampler.py"


def _train(ids, seed):
    """AI City / VeRi-like: 2-80 images a vehicle over up to 20 cameras."""
    rng = random.Random(seed)
    items = []
    for pid in range(ids):
        for _ in range(rng.randint(2, 80)):
            items.append((f"{pid:05d}_{len(items)}.jpg", pid, rng.randrange(20)))
    rng.shuffle(items)
    return items


def _sets():
    for ids in (16, 60, 333):
        train = _train(ids, ids)
        for batch, k in ((64, 16), (64, 4), (32, 8)):
            if batch // k <= ids:
                yield (
                    f"{ids} vehicles ({len(train)} images), IMS_PER_BATCH={batch} NUM_INSTANCE={k}",
                    train,
                    batch,
                    k,
                )


@sampler(PROJECT, PATH, "MPerClassSampler")
def _(cls, module):
    for config, train, batch, k in _sets():
        yield Case(config, lambda t=train, b=batch, k=k: cls(t, b, k), epochs=20)


@sampler(PROJECT, PATH, "RandomIdentitySampler")
def _(cls, module):
    for config, train, batch, k in _sets():
        yield Case(config, lambda t=train, b=batch, k=k: cls(t, b, k), epochs=20)


@sampler(PROJECT, PATH, "RandomIdentitySampler_alignedreid")
def _(cls, module):
    for config, train, _, k in _sets():
        yield Case(config, lambda t=train, k=k: cls(t, k))
