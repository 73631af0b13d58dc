"""open-mmlab/OpenUnReID: unsupervised and domain-adaptive re-identification. The samplers
openunreid/data/samplers/__init__.py builds: a P x K identity sampler (num_instances > 0) or
a slice sampler, over one dataset's `data` list of (path, pid, camid) or, for a
JointDataset, over several at once (each yielding one index a dataset); epoch= is given at
build and set_epoch reseeds. The pseudo labels of its DBSCAN label generator keep the
outliers as one-image identities when use_outliers is set."""

import random

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="open-mmlab/OpenUnReID",
    source="github",
    ref="c3e3ada93f059c543ccaf9cd3804ecced2ccb87f",
    domain="re-identification",
    stubs={"multiprocess": ""},  # dist_utils imports it; the samplers are given rank and world
    empty_init=(
        "openunreid",
        "openunreid.data",
        "openunreid.data.samplers",
    ),  # openunreid.version is written by setup.py
)

SAMPLERS = "openunreid/data/samplers/"


def _reid_data(ids, seed, singletons):
    """(path, pid, camid) of `ids` identities with 2-9 images over 6 cameras; with
    `singletons`, every fourth identity is one image (a DBSCAN outlier kept as its own id)."""
    rng = random.Random(seed)
    data = []
    for pid in range(ids):
        count = 1 if singletons and pid % 4 == 3 else rng.randint(2, 9)
        data += [(f"{pid}_{j}.jpg", pid, rng.randrange(6)) for j in range(count)]
    rng.shuffle(data)
    return data


def _worlds(smallest):
    """Every rank of worlds of 1, 2 and 4; only those with no more replicas than the
    smallest count of identities (or images) padded across them, as the samplers pad once
    and assert the result."""
    for replicas in (1, 2, 4):
        if replicas <= smallest:
            for rank in range(replicas):
                yield replicas, rank


not_run(
    PROJECT,
    SAMPLERS + "distributed_sampler.py",
    "DistributedTemplateSampler",
    "the template of the others: its __len__ and __iter__ raise NotImplementedError",
)


@sampler(PROJECT, SAMPLERS + "distributed_identity_sampler.py", "DistributedIdentitySampler")
def _(cls, module):
    for ids in (1, 5, 40, 151):
        for singletons in (False, True):
            data = _reid_data(ids, ids, singletons)
            for k in (1, 2, 4, 8):
                for replicas, rank in _worlds(ids):
                    for shuffle in (True, False):
                        yield Case(
                            f"{ids} ids ({len(data)} images, outliers={singletons}) K={k} "
                            f"replicas={replicas} rank={rank} shuffle={shuffle} epoch=2",
                            lambda d=data, k=k, r=replicas, i=rank, s=shuffle: cls(
                                d, num_instances=k, shuffle=s, epoch=2, num_replicas=r, rank=i
                            ),
                        )


@sampler(PROJECT, SAMPLERS + "distributed_identity_sampler.py", "DistributedJointIdentitySampler")
def _(cls, module):
    for sizes in ((5, 5), (40, 12), (7, 151), (30, 30, 3)):
        for singletons in (False, True):
            datas = [_reid_data(ids, ids + j, singletons) for j, ids in enumerate(sizes)]
            for k in (1, 4, 8):
                for replicas, rank in _worlds(min(sizes)):
                    yield Case(
                        f"joint ids {sizes} (outliers={singletons}) K={k} replicas={replicas} rank={rank}",
                        lambda d=datas, k=k, r=replicas, i=rank: cls(
                            d, num_instances=k, shuffle=True, epoch=1, num_replicas=r, rank=i
                        ),
                    )


@sampler(PROJECT, SAMPLERS + "distributed_slice_sampler.py", "DistributedSliceSampler")
def _(cls, module):
    for n in (1, 3, 10, 33, 100, 257):
        data = _reid_data(n, n, False)[:n]
        for replicas, rank in _worlds(n):
            for shuffle in (True, False):
                for epoch in (0, 3):
                    yield Case(
                        f"n={n} replicas={replicas} rank={rank} shuffle={shuffle} epoch={epoch}",
                        lambda d=data, r=replicas, i=rank, s=shuffle, e=epoch: cls(
                            d, shuffle=s, epoch=e, num_replicas=r, rank=i
                        ),
                    )


@sampler(PROJECT, SAMPLERS + "distributed_slice_sampler.py", "DistributedJointSliceSampler")
def _(cls, module):
    for sizes in ((10, 10), (33, 100), (257, 7), (3, 50, 20)):
        datas = [_reid_data(n, n, False)[:n] for n in sizes]
        for replicas, rank in _worlds(min(sizes)):
            for shuffle in (True, False):
                yield Case(
                    f"joint sizes {sizes} replicas={replicas} rank={rank} shuffle={shuffle}",
                    lambda d=datas, r=replicas, i=rank, s=shuffle: cls(
                        d, shuffle=s, epoch=0, num_replicas=r, rank=i
                    ),
                )
