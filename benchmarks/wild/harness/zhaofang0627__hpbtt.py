"""zhaofang0627/HPBTT: human pose-based texture transfer, trained with re-identification
losses. data/base.py's base_id_loader gives RandomIdentitySampler(dset.data_list, 2) as
`sampler=`: num_instances images of every identity, in a shuffled order of identities.
data_list holds (dataset index, pid, pose) (data/market1501.py)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="zhaofang0627/HPBTT",
    source="github",
    ref="98cec9ff4ef95a01393718b024e9645e77fb70ee",
    domain="re-identification",
    empty_init=("data",),  # the dataset modules (absl flags, PIL)
)


def _data_list(ids, seed):
    """Market-1501-like: `ids` identities of 1-14 images, in the dataset's order."""
    rng = random.Random(seed)
    pids = [pid for pid in range(ids) for _ in range(rng.randint(1, 14))]
    return [(i, pid, None) for i, pid in enumerate(pids)]


@sampler(PROJECT, "data/sampler.py", "RandomIdentitySampler")
def _(cls, module):
    for ids in (1, 6, 80, 751):
        for k in (1, 2, 4):
            yield Case(f"{ids} identities, num_instances={k}", lambda i=ids, k=k: cls(_data_list(i, i), k))
