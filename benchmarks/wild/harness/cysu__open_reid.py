"""Cysu/open-reid: re-identification. Its P x K sampler (examples/triplet_loss.py passes
RandomIdentitySampler(train_set, num_instances) as `sampler=`, batch 256, K 4)."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import reid_items

PROJECT = Project(
    name="Cysu/open-reid",
    source="github",
    ref="3293ca79a07ebee7f995ce647aafa7df755207b8",
    domain="re-identification",
    empty_init=("reid", "reid.utils.data"),
)


@sampler(PROJECT, "reid/utils/data/sampler.py", "RandomIdentitySampler")
def _(cls, module):
    for ids in (1, 7, 40, 151):
        for k in (1, 4, 8):
            train = reid_items(ids, seed=ids)
            yield Case(f"{ids} identities ({len(train)} images), K {k}", lambda train=train, k=k: cls(train, k))
