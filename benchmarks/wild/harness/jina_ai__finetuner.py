"""jina-ai/finetuner: fine-tuning embedding models for neural search (the open-source 0.x
tuner, before the April 2022 rewrite into a cloud client, so the ref is the last commit with
it). finetuner/tuner/dataset/base.py: BaseSampler, batch samplers that yield prepared
batches and re-prepare them when exhausted (len() is the prepared count); samplers.py:
InstanceSampler (views of each instance for self-supervised learning), ClassSampler (equal
items from each of batch_size / num_items_per_class classes) and SessionSampler (whole
query sessions, the last one split over batches). The tuner builds ClassSampler over a
ClassDataset's labels, SessionSampler over a SessionDataset's (session, match type) labels,
InstanceSampler for unlabeled data."""

import random

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="jina-ai/finetuner",
    source="github",
    ref="babd282879653647e0c30b78fb189b31e6debe5a",
    domain="embedding fine-tuning library (class, session and instance batch samplers)",
    # the package and the tuner import Jina, DocArray and the framework backends
    empty_init=("finetuner", "finetuner.tuner", "finetuner.tuner.dataset"),
)

PATH = "finetuner/tuner/dataset/samplers.py"

not_run(
    PROJECT, "finetuner/tuner/dataset/base.py", "BaseSampler", "abstract: _prepare_batches is for subclasses"
)


@sampler(PROJECT, PATH, "InstanceSampler")
def _(cls, module):
    for n in (1, 10, 255):
        for batch_size, views in ((8, 2), (32, 4), (6, 3)):
            yield Case(
                f"num_instances={n} batch_size={batch_size} views_per_instance={views}",
                lambda n=n, b=batch_size, v=views: cls(n, b, v),
                repeat=2,
            )


def _class_labels(n, classes, seed=0):
    rng = random.Random(seed)
    return [rng.randrange(classes) for _ in range(n)]


@sampler(PROJECT, PATH, "ClassSampler")
def _(cls, module):
    for n, classes in ((12, 3), (200, 10), (1000, 50)):
        for batch_size, per_class in ((8, None), (16, 4), (32, 2)):
            yield Case(
                f"labels of {n} items in {classes} classes batch_size={batch_size} "
                f"num_items_per_class={per_class}",
                lambda n=n, c=classes, b=batch_size, k=per_class: cls(_class_labels(n, c), b, k),
                repeat=3,
            )


def _session_labels(sessions, seed=0):
    """SessionDataset labels: (session, 0) for the root, then (session, +1/-1) matches."""
    rng = random.Random(seed)
    labels = []
    for s in range(sessions):
        labels.append((s, 0))
        labels += [(s, rng.choice((1, -1))) for _ in range(rng.randint(1, 12))]
    return labels


@sampler(PROJECT, PATH, "SessionSampler")
def _(cls, module):
    for sessions in (1, 9, 150):
        for batch_size in (4, 16, 64):
            for shuffle in (True, False):
                yield Case(
                    f"sessions={sessions} batch_size={batch_size} shuffle={shuffle}",
                    lambda s=sessions, b=batch_size, sh=shuffle: cls(_session_labels(s), b, shuffle=sh),
                    repeat=2,
                )
