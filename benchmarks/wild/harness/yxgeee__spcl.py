"""yxgeee/SpCL: unsupervised re-identification (self-paced contrastive learning). Its
samplers (examples/spcl_train_usl.py, get_train_loader: RandomMultipleGallerySampler(
train_set, num_instances) as `sampler=`, K 4 by default). The training set is
pseudo-labelled: clusters, and every un-clustered image as an identity of its own, so
identities with a single image are the common case."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import reid_items

PROJECT = Project(
    name="yxgeee/SpCL",
    source="github",
    ref="01a486e50f7324520a7d9e3741d6c7e1cfd540cf",
    domain="re-identification",
    empty_init=("spcl", "spcl.utils.data"),
)

PATH = "spcl/utils/data/sampler.py"


@sampler(PROJECT, PATH, "RandomIdentitySampler")
def _(cls, module):
    for ids in (1, 7, 40, 151):
        for k in (2, 4, 8):
            train = reid_items(ids, seed=ids)
            yield Case(f"{ids} identities ({len(train)} images), K {k}", lambda train=train, k=k: cls(train, k))


@sampler(PROJECT, PATH, "RandomMultipleGallerySampler")
def _(cls, module):
    for ids in (7, 40, 151):
        for k in (2, 4, 8):
            for cameras in (1, 6):
                train = reid_items(ids, seed=ids, cameras=cameras)
                yield Case(
                    f"{ids} pseudo-identities ({len(train)} images, {cameras} camera(s)), K {k}",
                    lambda train=train, k=k: cls(train, k),
                    epochs=20,
                )
    # Supervised source domain: every identity seen by at least two images.
    for ids in (40, 151):
        train = reid_items(ids, seed=ids, least=2)
        yield Case(f"{ids} identities of 2+ images ({len(train)} images), K 4", lambda train=train: cls(train, 4), epochs=20)
