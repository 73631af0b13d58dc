"""michuanhaohao/reid-strong-baseline: re-identification. The P x K samplers of its data
loader (data/build.py passes RandomIdentitySampler(dataset.train, IMS_PER_BATCH,
NUM_INSTANCE) as `sampler=`; defaults 64 and 4)."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import reid_items

PROJECT = Project(
    name="michuanhaohao/reid-strong-baseline",
    source="github",
    ref="3da7e6f03164a92e696cb6da059b1cd771b0346d",
    domain="re-identification",
    empty_init=("data",),
)

PATH = "data/samplers/triplet_sampler.py"
# identities in the training list; (IMS_PER_BATCH, NUM_INSTANCE)
IDENTITIES = (9, 17, 40, 151)
BATCHES = ((64, 4), (32, 4), (16, 2), (48, 8))


@sampler(PROJECT, PATH, "RandomIdentitySampler")
def _(cls, module):
    for ids in IDENTITIES:
        for batch, k in BATCHES:
            if ids < batch // k:
                continue  # fewer identities than one batch takes
            train = reid_items(ids, seed=ids)
            yield Case(
                f"{ids} identities ({len(train)} images), batch {batch}, K {k}",
                lambda train=train, batch=batch, k=k: cls(train, batch, k),
                epochs=20,
            )


@sampler(PROJECT, PATH, "RandomIdentitySampler_alignedreid")
def _(cls, module):
    for ids in IDENTITIES:
        for k in (2, 4, 8):
            train = reid_items(ids, seed=ids)
            yield Case(f"{ids} identities ({len(train)} images), K {k}", lambda train=train, k=k: cls(train, k))
