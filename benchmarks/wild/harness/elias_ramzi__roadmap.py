"""elias-ramzi/ROADMAP: image retrieval (metric learning, AP optimisation). The
`batch_sampler=` of roadmap/engine/train.py, reshuffled every epoch: HierarchicalSampler
(SOP, In-Shop: batch 128, 4 or 8 images a class, 10 or 4 batches per pair of super
classes), MPerClassSampler (CUB, iNaturalist: batch 128, 4 a class) and RandomSampler
(full batches of a shuffled order). The datasets give `super_dict` {super label: {class:
[indices]}}, `super_labels` and `instance_dict` {class: [indices]}."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="elias-ramzi/ROADMAP",
    source="github",
    ref="fed37d75f475f636542b2ccd1ffc0c3918498a57",
    domain="metric learning",
    # the samplers use roadmap.utils' LOGGER alone; roadmap.utils imports torch models' helpers
    stubs={"roadmap.utils": "import logging\n\nLOGGER = logging.getLogger('roadmap')\n"},
    empty_init=("roadmap", "roadmap.samplers"),
)


class _Products:
    """An SOP-like set: `supers` super classes of 3-12 classes of 2-12 images each."""

    def __init__(self, supers, seed):
        rng = random.Random(seed)
        self.super_dict, self.instance_dict, self.super_labels = {}, {}, []
        index, label = 0, 0
        for sup in range(supers):
            self.super_dict[sup] = {}
            for _ in range(rng.randint(3, 12)):
                members = list(range(index, index + rng.randint(2, 12)))
                self.super_dict[sup][label] = members
                self.instance_dict[label] = members
                self.super_labels += [sup] * len(members)
                index += len(members)
                label += 1
        self.size = index

    def __len__(self):
        return self.size


SETS = (2, 5, 12)


@sampler(PROJECT, "roadmap/samplers/hierarchical_sampler.py", "HierarchicalSampler")
def _(cls, module):
    for supers in SETS:
        data = _Products(supers, supers)
        for batch, per_class, per_pair in ((128, 4, 10), (128, 8, 4), (32, 4, 3), (16, 0, 2)):
            yield Case(
                f"{supers} super classes ({len(data)} images), batch {batch}, {per_class} a class, "
                f"{per_pair} batches a super pair",
                lambda d=data, b=batch, k=per_class, p=per_pair: cls(d, b, k, p),
                repeat=2,
            )


@sampler(PROJECT, "roadmap/samplers/m_per_class_sampler.py", "MPerClassSampler")
def _(cls, module):
    for supers in SETS:
        data = _Products(supers, supers)
        for batch, per_class in ((128, 4), (32, 4), (16, 8), (8, 2)):

            def build(d=data, b=batch, k=per_class):
                made = cls(d, b, k)
                made.reshuffle()  # as train.py does before every epoch
                return made

            yield Case(
                f"{supers} super classes ({len(data)} images), batch {batch}, {per_class} a class", build
            )


@sampler(PROJECT, "roadmap/samplers/random_sampler.py", "RandomSampler")
def _(cls, module):
    for supers in SETS:
        data = _Products(supers, supers)
        for batch in (1, 32, 128, 500):
            yield Case(f"{len(data)} images, batch {batch}", lambda d=data, b=batch: cls(d, b), repeat=2)
