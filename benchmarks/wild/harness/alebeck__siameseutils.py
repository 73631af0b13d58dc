"""alebeck/SiameseUtils: batch-hard triplet training of embeddings (identities x samples).
siamese_utils/siamese_sampler.py's SiameseSampler(labels, num_labels, num_samples, validate,
validation_size) is a `batch_sampler=` (README): len(labels of its split) // num_labels
batches of num_labels identities x num_samples samples, the identities split into training
and validation ones by a seeded shuffle."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="alebeck/SiameseUtils",
    source="github",
    ref="bac287b80e239d541389ce15ae9267065a150dcb",
    domain="metric learning",
)


def _labels(ids, seed):
    rng = random.Random(seed)
    labels = [i for i in range(ids) for _ in range(rng.randint(1, 15))]
    rng.shuffle(labels)
    return labels


@sampler(PROJECT, "siamese_utils/siamese_sampler.py", "SiameseSampler")
def _(cls, module):
    for ids in (10, 100, 1000):
        labels = _labels(ids, ids)
        for num_labels, num_samples in ((8, 4), (16, 2), (4, 8), (1, 1)):
            for validate in (False, True):
                yield Case(
                    f"{ids} identities ({len(labels)} samples), {num_labels} x {num_samples}, "
                    f"validate={validate}",
                    lambda lab=labels, k=num_labels, m=num_samples, v=validate: cls(
                        lab, k, m, validate=v, validation_size=0.2
                    ),
                )
