"""hexhew/reid-usl: unsupervised person re-identification (mmcv-based). The samplers of
reid/datasets/samplers, built from the config's `sampler=dict(type=...)` (SpCL configs:
FixedStepIdentitySampler, 32 images a GPU, num_instances 4, step 400) over the dataset's
img_items (path, pid, camid), pseudo labels from clustering with their outliers kept as
one-image identities: FixedStepIdentitySampler and DistributedFixedStepIdentitySampler
(identity.py), and the deprecated IdentitySampler, FixedStepsIdentitySampler and
DistributedFixedStepsIdentitySampler (whose __iter__ fails its own assertion in worlds of
more than one rank: it cuts the indices to one rank's count before taking the rank's
stride; those cases are left in, not built)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="hexhew/reid-usl",
    source="github",
    ref="8beb32c2eb5219db8b10c5651b91d6ccbd655d86",
    domain="re-identification",
    stubs={
        "mmcv.runner": "def get_dist_info():\n    return 0, 1\n",
        # builder.py sets resource limits and builds mmcv registries at import
        "reid.datasets.builder": (
            "class _Registry:\n"
            "    def register_module(self, *args, **kwargs):\n        return lambda cls: cls\n\n\n"
            "SAMPLERS = _Registry()\n"
        ),
    },
    empty_init=("reid", "reid.datasets"),  # reid.version is written by setup.py
)

FOLDER = "reid/datasets/samplers/"


class _Pseudo:
    """img_items of `ids` identities with 2-12 images over 6 cameras; with `outliers`,
    every fourth identity is a single image (an un-clustered instance)."""

    def __init__(self, ids, seed, outliers):
        rng = random.Random(seed)
        self.img_items = []
        for pid in range(ids):
            count = 1 if outliers and pid % 4 == 3 else rng.randint(2, 12)
            self.img_items += [(f"{pid}_{j}.jpg", pid, rng.randrange(6)) for j in range(count)]
        rng.shuffle(self.img_items)

    def __len__(self):
        return len(self.img_items)


def _sets():
    for ids in (5, 60, 400):
        for outliers in (False, True):
            yield f"{ids} ids, outliers={outliers}", _Pseudo(ids, ids, outliers)


@sampler(PROJECT, FOLDER + "_identity_deprecated.py", "IdentitySampler")
def _(cls, module):
    for label, data in _sets():
        for k in (1, 4, 8):
            yield Case(f"{label}, num_instances={k}", lambda d=data, k=k: cls(d, num_instances=k))


@sampler(PROJECT, FOLDER + "_identity_deprecated.py", "FixedStepsIdentitySampler")
def _(cls, module):
    for label, data in _sets():
        for batch, steps in ((32, 50), (64, 20), (8, 3)):
            yield Case(
                f"{label}, batch {batch}, {steps} steps",
                lambda d=data, b=batch, s=steps: cls(d, b, num_instances=4, steps=s),
            )


@sampler(PROJECT, FOLDER + "_identity_deprecated.py", "DistributedFixedStepsIdentitySampler")
def _(cls, module):
    for label, data in _sets():
        for batch, steps in ((32, 50), (8, 3)):
            for world in (1, 2, 4):
                for rank in range(world):
                    yield Case(
                        f"{label}, batch {batch}, {steps} steps, world={world} rank={rank}",
                        lambda d=data, b=batch, s=steps, w=world, r=rank: cls(
                            d, b, num_instances=4, steps=s, num_replicas=w, rank=r
                        ),
                    )


@sampler(PROJECT, FOLDER + "identity.py", "FixedStepIdentitySampler")
def _(cls, module):
    for label, data in _sets():
        for batch, step in ((32, 50), (64, 20), (8, 3)):
            yield Case(
                f"{label}, batch {batch}, step {step}",
                lambda d=data, b=batch, s=step: cls(d, b, num_instances=4, step=s),
            )


@sampler(PROJECT, FOLDER + "identity.py", "DistributedFixedStepIdentitySampler")
def _(cls, module):
    for label, data in _sets():
        for batch, step in ((32, 50), (8, 3)):
            for world in (1, 2, 4):
                for rank in range(world):

                    def build(d=data, b=batch, s=step, w=world, r=rank):
                        made = cls(d, b, num_instances=4, step=s, num_replicas=w, rank=r)
                        made.set_epoch(1)
                        return made

                    yield Case(f"{label}, batch {batch}, step {step}, world={world} rank={rank}", build)
