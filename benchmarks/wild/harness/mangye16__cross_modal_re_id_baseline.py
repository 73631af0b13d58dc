"""mangye16/Cross-Modal-Re-ID-baseline: visible-infrared person re-identification (AGW,
CAJ). train.py (and ICCV21_CAJ/, PAMI23_Supervised/ train_ext.py, with the same utils.py
class) builds IdentitySampler(color labels, thermal labels, color_pos, thermal_pos,
num_pos, batch_size, epoch) every epoch (color_pos, thermal_pos = GenIdx(...)) and gives
it as `sampler=` with batch batch_size * num_pos, drop_last (batch_size 8 identities,
num_pos 4). PAMI23_Unsupervised: ClassUniformlySampler(samples, class_position, k=4) over
pseudo-labelled samples (train_cap.py), and the open-reid RandomIdentitySampler over
(path, pid, cam)."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="mangye16/Cross-Modal-Re-ID-baseline",
    source="github",
    ref="e817a2672c1e14e8802617acb980a79520ef9545",
    domain="re-identification",
    # preprocessor.py's image pipeline: PIL, torchvision and the project's ChannelAug
    # (a top-level module of PAMI23_Unsupervised/, run from there)
    absent=("PIL", "torchvision", "ChannelAug"),
    empty_init=("PAMI23_Unsupervised.reid", "PAMI23_Unsupervised.reid.utils.data"),
)


def _two_modalities(ids, seed):
    """RegDB/SYSU-MM01-like labels: `ids` identities 0..ids-1, 2-12 visible and 2-12
    thermal images each, in identity order as the datasets store them."""
    rng = random.Random(seed)
    color = [pid for pid in range(ids) for _ in range(rng.randint(2, 12))]
    thermal = [pid for pid in range(ids) for _ in range(rng.randint(2, 12))]
    return np.array(color), np.array(thermal)


def _identity_cases(cls, module):
    for ids in (10, 40, 206):
        color, thermal = _two_modalities(ids, ids)
        color_pos, thermal_pos = module.GenIdx(color, thermal)
        for batch_size, num_pos in ((8, 4), (6, 4), (4, 2), (10, 1)):
            yield Case(
                f"{ids} identities ({len(color)} visible, {len(thermal)} thermal), "
                f"batch_size={batch_size} num_pos={num_pos}",
                lambda c=color, t=thermal, cp=color_pos, tp=thermal_pos, b=batch_size, p=num_pos: cls(
                    c, t, cp, tp, p, b, 0
                ),
            )


@sampler(PROJECT, "utils.py", "IdentitySampler")
def _(cls, module):
    yield from _identity_cases(cls, module)


@sampler(PROJECT, "ICCV21_CAJ/utils.py", "IdentitySampler")
def _(cls, module):
    yield from _identity_cases(cls, module)


@sampler(PROJECT, "PAMI23_Supervised/utils.py", "IdentitySampler")
def _(cls, module):
    yield from _identity_cases(cls, module)


def _pseudo_labelled(ids, seed):
    """train_cap.py's new_train_samples: (fname, pid, camid, index, pseudo label, accumulated
    label) of the samples its clustering kept, 1-15 a pseudo identity."""
    rng = random.Random(seed)
    samples = []
    for label in range(ids):
        for _ in range(rng.randint(1, 15)):
            samples.append((f"{len(samples)}.jpg", label, rng.randrange(6), len(samples), label, label))
    rng.shuffle(samples)
    return samples


@sampler(PROJECT, "PAMI23_Unsupervised/reid/utils/data/preprocessor.py", "ClassUniformlySampler")
def _(cls, module):
    for ids in (1, 12, 150):
        samples = _pseudo_labelled(ids, ids)
        for k in (4, 1, 8):
            for outliers in (False, True):
                yield Case(
                    f"{ids} pseudo identities ({len(samples)} samples), k={k}, has_outlier={outliers}, "
                    "three epochs",
                    lambda s=samples, k=k, o=outliers: cls(
                        s, class_position=4, k=k, has_outlier=o, cam_num=2
                    ),
                    repeat=3,
                )


@sampler(PROJECT, "PAMI23_Unsupervised/reid/utils/data/sampler.py", "RandomIdentitySampler")
def _(cls, module):
    for ids in (1, 12, 150):
        data = [(f"{i}.jpg", pid, cam) for i, (_, pid, cam, *_) in enumerate(_pseudo_labelled(ids, ids))]
        for k in (1, 4, 8):
            yield Case(
                f"{ids} identities ({len(data)} images), num_instances={k}", lambda d=data, k=k: cls(d, k)
            )
