"""alibaba/cluster-contrast-reid: unsupervised re-identification (cluster contrast). Its
samplers (examples/cluster_contrast_train_usl.py, get_train_loader:
RandomMultipleGallerySampler(train_set, num_instances), or ...NoCam with --no-cam, as
`sampler=`, K 4 or 16). The training set is the pseudo-labelled one: DBSCAN clusters
(min_samples 4, so 4 images or more an identity); un-clustered images are left out by the
script, and the samplers skip pid -1 themselves, so a few -1 items are passed as well."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import reid_items

PROJECT = Project(
    name="alibaba/cluster-contrast-reid",
    source="github",
    ref="57b62e95eb3ade3da4a464c5eead69ca7d5f4e1d",
    domain="re-identification",
    empty_init=("clustercontrast", "clustercontrast.utils.data"),
)

PATH = "clustercontrast/utils/data/sampler.py"


def _sets():
    for ids in (3, 20, 90):
        for k in (4, 16):
            for cameras in (1, 6):
                train = reid_items(ids, seed=ids, cameras=cameras, least=4, outliers=ids // 3)
                yield f"{ids} clusters ({len(train)} images, {cameras} camera(s)), K {k}", train, k


@sampler(PROJECT, PATH, "RandomIdentitySampler")
def _(cls, module):
    for ids in (3, 20, 90):
        for k in (4, 16):
            train = reid_items(ids, seed=ids, least=4)
            yield Case(f"{ids} clusters ({len(train)} images), K {k}", lambda train=train, k=k: cls(train, k))


@sampler(PROJECT, PATH, "RandomMultipleGallerySampler")
def _(cls, module):
    for config, train, k in _sets():
        yield Case(config, lambda train=train, k=k: cls(train, k), epochs=20)


@sampler(PROJECT, PATH, "RandomMultipleGallerySamplerNoCam")
def _(cls, module):
    for config, train, k in _sets():
        yield Case(config, lambda train=train, k=k: cls(train, k), epochs=20)
