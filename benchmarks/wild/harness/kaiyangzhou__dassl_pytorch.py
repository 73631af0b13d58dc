"""KaiyangZhou/Dassl.pytorch: domain adaptation and generalisation, semi-supervised learning.
dassl/data/samplers.py's build_sampler (DataManager's train_x loader, batch_size, n_domain,
n_ins from the config) gives RandomDomainSampler (n_domain domains x batch_size / n_domain
images; n_domain 0 means all), SeqDomainSampler (every domain, in order) and
RandomClassSampler (batch_size // n_ins classes x n_ins images) as `sampler=`; each counts
one draw of its own __iter__ at build for its len(). Datums carry `label` and `domain`."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="KaiyangZhou/Dassl.pytorch",
    source="github",
    ref="c61a1b570ac6333bd50fb5ae06aea59002fb20bb",
    domain="domain generalisation",
    empty_init=("dassl", "dassl.data"),  # the data manager, datasets and transforms
)

FILE = "dassl/data/samplers.py"


class _Datum:
    def __init__(self, label, domain):
        self.label = label
        self.domain = domain


def _source_domains(sizes, classes, seed):
    """PACS/Office-Home-like training items: domain d holds sizes[d] images of `classes`
    classes, the domains interleaved."""
    rng = random.Random(seed)
    items = [_Datum(rng.randrange(classes), d) for d, size in enumerate(sizes) for _ in range(size)]
    rng.shuffle(items)
    return items


SETS = (((1670, 2048, 2344), 7), ((40, 75, 21), 7), ((300, 300), 65), ((90,), 10))


def _each(cls, build, settings, **judged):
    for sizes, classes in SETS:
        items = _source_domains(sizes, classes, sum(sizes))
        for label, args in settings(sizes, classes):
            yield Case(
                f"domains {sizes}, {classes} classes, {label}", lambda i=items, a=args: build(i, a), **judged
            )


@sampler(PROJECT, FILE, "RandomDomainSampler")
def _(cls, module):
    def settings(sizes, classes):
        domains = len(sizes)
        for batch, n_domain in ((32, 0), (30, 3), (32, 2), (16, 1), (48, 0)):
            if (n_domain or domains) <= domains and batch % (n_domain or domains) == 0:
                yield f"batch {batch} n_domain={n_domain}", (batch, n_domain)

    # the domains drawn, and so where the draw stops, are random: judged over epochs
    yield from _each(cls, lambda items, a: cls(items, *a), settings, epochs=20)


@sampler(PROJECT, FILE, "SeqDomainSampler")
def _(cls, module):
    def settings(sizes, classes):
        for per_domain in (1, 8, 32):
            if per_domain <= min(sizes):  # it draws that many of every domain
                yield f"batch {per_domain * len(sizes)}", per_domain * len(sizes)

    yield from _each(cls, lambda items, batch: cls(items, batch), settings, repeat=2)


@sampler(PROJECT, FILE, "RandomClassSampler")
def _(cls, module):
    def settings(sizes, classes):
        for batch, n_ins in ((32, 16), (64, 4), (16, 16), (12, 3)):
            if batch // n_ins <= classes:  # asserted at build
                yield f"batch {batch} n_ins={n_ins}", (batch, n_ins)

    # the order classes run out in, and so where the draw stops, is random: judged over epochs
    yield from _each(cls, lambda items, a: cls(items, *a), settings, epochs=20)
