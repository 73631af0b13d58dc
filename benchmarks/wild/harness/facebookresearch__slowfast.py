"""facebookresearch/SlowFast: video understanding. The batch sampler of multigrid training's
short cycle (slowfast/datasets/loader.py builds it over the train split's sampler): batch
sizes cycle through three values, len() divides by their mean."""

import types

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/SlowFast",
    source="github",
    ref="287ec0076846560f44a9327e931a5a2360240533",
    domain="video understanding",
    root="",
    absent=("iopath",),  # slowfast/__init__ sets up its path managers
    empty_init=("slowfast.datasets",),  # imports every dataset and its decoders
)


def _cfg(crop, default_s=224):
    """The fields the sampler reads: config/defaults.py values, DEFAULT_S as
    utils/multigrid.py sets it (the train crop size of the base shape)."""
    return types.SimpleNamespace(
        DATA=types.SimpleNamespace(TRAIN_CROP_SIZE=crop),
        MULTIGRID=types.SimpleNamespace(DEFAULT_S=default_s, SHORT_CYCLE_FACTORS=[0.5, 0.5**0.5]),
    )


@sampler(PROJECT, "slowfast/datasets/multigrid_helper.py", "ShortCycleBatchSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n in (3, 10, 21, 50, 97, 256):
        for b in (1, 2, 8):
            for drop_last in (True, False):  # loader.py: True for train
                for crop in (224, 158):  # the base shape, and a long-cycle shape
                    yield Case(
                        f"n={n} batch={b} drop_last={drop_last} crop={crop}",
                        lambda n=n, b=b, d=drop_last, c=crop: cls(tud.RandomSampler(range(n)), b, d, _cfg(c)),
                        marker="avg_batch_size",
                    )
