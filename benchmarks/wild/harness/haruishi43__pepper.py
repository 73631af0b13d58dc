"""haruishi43/pepper: person re-identification on MMCV. datasets/builder.py's
build_dataloader gives its samplers as `sampler=` with batch_size=samples_per_gpu (64 in
the configs), num_instances 4 (or batch_size // 8 by default), num_replicas/rank from
get_dist_info(), and seed; validation uses DistributedSampler(is_val=True, shuffle=False).
The Infinite* samplers are for IterBasedRunner (endless by design, len() a stated
approximation). Datasets expose data_infos, each {"img_info": {"pid", "camid", ...}}."""

import random

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="haruishi43/pepper",
    source="github",
    ref="919e76287d6c1a36321122744be9db42f504f30f",
    domain="re-identification",
    stubs={
        "pepper.datasets.builder": (
            "class _Registry:\n    def register_module(self, *args, **kwargs):\n"
            "        return lambda cls: cls\n\n\nSAMPLERS = _Registry()\n"
        ),
    },
    empty_init=("pepper", "pepper.datasets"),  # mmcv, the dataset modules
)

S = "pepper/datasets/samplers/"


class _ReIDSet:
    """A Market-1501-like training set: `ids` identities, 1-20 images each over `cameras`
    cameras (most identities seen by two cameras or more)."""

    def __init__(self, ids, cameras, seed, per_camera_once=False):
        rng = random.Random(seed)
        self.data_infos = []
        for pid in range(ids):
            if per_camera_once:  # one image of the identity in each camera (set)
                cams = list(range(cameras))
            else:
                cams = [rng.randrange(cameras) for _ in range(rng.randint(1, 20))]
            for cam in cams:
                self.data_infos.append({"img_info": {"pid": pid, "camid": cam, "img_prefix": ""}})

    def __len__(self):
        return len(self.data_infos)


def _sets():
    for ids, cameras in ((16, 2), (50, 6), (751, 6)):
        yield f"{ids} ids over {cameras} cameras", _ReIDSet(ids, cameras, ids)


_PK = ((64, 4), (32, 8), (16, 4))


@sampler(PROJECT, S + "balanced_sampler.py", "BalancedIdentitySampler")
def _(cls, module):
    for name, data in _sets():
        for batch, k in _PK:
            for shuffle, round_up in ((True, True), (True, False), (False, True)):
                yield Case(
                    f"{name} ({len(data)} images), batch_size={batch} num_instances={k}"
                    f" shuffle={shuffle} round_up={round_up}, two epochs",
                    lambda d=data, b=batch, k=k, s=shuffle, r=round_up: cls(
                        d, batch_size=b, num_instances=k, shuffle=s, round_up=r
                    ),
                    repeat=2,
                )


def _distributed(cls, extra=((True, True), (True, False), (False, True))):
    for name, data in _sets():
        for batch, k in _PK:
            for world in (1, 2, 4):
                for rank in range(world):
                    for shuffle, round_up in extra:
                        for epoch in (0, 1):

                            def build(d=data, b=batch, k=k, w=world, r=rank, s=shuffle, u=round_up, e=epoch):
                                made = cls(
                                    d,
                                    num_replicas=w,
                                    rank=r,
                                    batch_size=b,
                                    num_instances=k,
                                    shuffle=s,
                                    round_up=u,
                                )
                                made.set_epoch(e)
                                return made

                            yield Case(
                                f"{name} ({len(data)} images), batch_size={batch} num_instances={k}"
                                f" world={world} rank={rank} shuffle={shuffle} round_up={round_up}"
                                f" epoch={epoch}",
                                build,
                            )


@sampler(PROJECT, S + "balanced_sampler.py", "BalancedIdentityDistributedSampler")
def _(cls, module):
    yield from _distributed(cls)


@sampler(PROJECT, S + "naive_sampler.py", "NaiveIdentitySampler")
def _(cls, module):
    for name, data in _sets():
        for batch, k in _PK:
            for shuffle, round_up in ((True, True), (True, False)):
                yield Case(
                    f"{name} ({len(data)} images), batch_size={batch} num_instances={k}"
                    f" shuffle={shuffle} round_up={round_up}, two epochs",
                    lambda d=data, b=batch, k=k, s=shuffle, r=round_up: cls(
                        d, batch_size=b, num_instances=k, shuffle=s, round_up=r
                    ),
                    repeat=2,
                )


@sampler(PROJECT, S + "naive_sampler.py", "NaiveIdentityDistributedSampler")
def _(cls, module):
    yield from _distributed(cls, extra=((True, True), (True, False)))


@sampler(PROJECT, S + "distributed_sampler.py", "DistributedSampler")
def _(cls, module):
    for name, data in _sets():
        for world in (1, 2, 3, 4):
            for rank in range(world):
                for shuffle, round_up, is_val in (
                    (True, True, False),
                    (True, False, False),
                    (False, True, True),
                ):
                    for epoch in (0, 2):

                        def build(d=data, w=world, r=rank, s=shuffle, u=round_up, v=is_val, e=epoch):
                            made = cls(d, num_replicas=w, rank=r, shuffle=s, round_up=u, is_val=v)
                            made.set_epoch(e)
                            return made

                        yield Case(
                            f"{name} ({len(data)} images), world={world} rank={rank} shuffle={shuffle}"
                            f" round_up={round_up} is_val={is_val} epoch={epoch}",
                            build,
                        )


def _infinite(cls, **extra):
    for name, data in _sets():
        for batch, k in _PK:
            for world in (1, 2):
                if len({i["img_info"]["pid"] for i in data.data_infos}) < batch // k * world:
                    continue  # fewer identities than one batch of all ranks: no batch ever
                for rank in range(world):
                    yield Case(
                        f"{name} ({len(data)} images), batch_size={batch} num_instances={k}"
                        f" world={world} rank={rank}",
                        lambda d=data, b=batch, k=k, w=world, r=rank: cls(
                            d, num_replicas=w, rank=r, batch_size=b, num_instances=k, seed=0, **extra
                        ),
                    )


not_run(
    PROJECT,
    S + "infinite_sampler.py",
    "BaseInfiniteDistributedSampler",
    "abstract: its _infinite_indices is a stub the subclasses replace",
)


@sampler(PROJECT, S + "infinite_sampler.py", "InfiniteBalancedIdentityDistributedSampler")
def _(cls, module):
    yield from _infinite(cls)


@sampler(PROJECT, S + "infinite_sampler.py", "InfiniteNaiveIdentityDistributedSampler")
def _(cls, module):
    yield from _infinite(cls)


@sampler(PROJECT, S + "infinite_sampler.py", "InfiniteSetReWeightDistributedSampler")
def _(cls, module):
    # set_weight: identities drawn from each set (camid) a batch; its per-set draw weights
    # sum to 1 only when an identity has one image in each set. (Its `batch_indices +=`
    # of a numpy array onto a list raises in numpy itself, whatever the input.)
    for ids, sets in ((20, 2), (60, 4)):
        data = _ReIDSet(ids, sets, ids, per_camera_once=True)
        for batch, k, weight in ((64, 4, [2] * sets), (32, 4, [1] * sets)):
            for world in (1, 2):
                for rank in range(world):
                    yield Case(
                        f"{ids} ids, one image in each of {sets} sets, set_weight={weight}"
                        f" batch_size={batch} num_instances={k} world={world} rank={rank}",
                        lambda d=data, b=batch, k=k, sw=weight, w=world, r=rank: cls(
                            d, sw, num_replicas=w, rank=r, batch_size=b, num_instances=k, seed=0
                        ),
                    )
