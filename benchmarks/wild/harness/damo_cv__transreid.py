"""damo-cv/TransReID: re-identification (person and vehicle). Its P x K sampler, given as
`sampler=` (IMS_PER_BATCH 64, NUM_INSTANCE 4 in its configs), and the distributed one
(MODEL.DIST_TRAIN): RandomIdentitySampler_DDP asks torch.distributed for the world size
and rank and gathers a shared seed; it is wrapped in BatchSampler(sampler,
IMS_PER_BATCH // world_size, True) by datasets/make_dataloader.py."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import Ranked, ranks, reid_items

PROJECT = Project(
    name="damo-cv/TransReID",
    source="github",
    ref="dec55046fcdfadee14e2c28e2df89305d8f7557a",
    domain="re-identification",
    empty_init=("datasets",),
)

IDENTITIES = (9, 17, 40, 151)
BATCHES = ((64, 4), (32, 4), (16, 2), (48, 8))


@sampler(PROJECT, "datasets/sampler.py", "RandomIdentitySampler")
def _(cls, module):
    for ids in IDENTITIES:
        for batch, k in BATCHES:
            if ids < batch // k:
                continue  # fewer identities than one batch takes
            train = reid_items(ids, seed=ids, view=True)
            yield Case(
                f"{ids} identities ({len(train)} images), batch {batch}, K {k}",
                lambda train=train, batch=batch, k=k: cls(train, batch, k),
                epochs=20,
            )


@sampler(PROJECT, "datasets/sampler_ddp.py", "RandomIdentitySampler_DDP")
def _(cls, module):
    for ids in (17, 40, 151):
        for batch, k in ((64, 4), (32, 4)):
            for size, rank in ranks((1, 2, 4)):
                if ids < batch // size // k:
                    continue
                train = reid_items(ids, seed=ids, view=True)
                yield Case(
                    f"{ids} identities ({len(train)} images), batch {batch}, K {k}, rank {rank} of {size}",
                    lambda train=train, batch=batch, k=k, size=size, rank=rank: Ranked(
                        lambda: cls(train, batch, k), size, rank
                    ),
                    epochs=20,
                )
