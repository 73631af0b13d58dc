"""twoentartian/DFL_torch: a decentralized federated learning simulator. Each node trains on a
loader whose LabelProbabilitySampler draws batch_size indices per epoch, a label chosen by the
node's (normalized) label distribution and then an index of that label (iid or non-iid
nodes). ml_setup_base's RASampler repeats every index `repetitions` times (the repeated
augmentation of its ImageNet setups, 4); torch_vision_train's RASampler is DeiT's distributed
repeated-augmentation sampler, used with --ra-reps under distributed training."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="twoentartian/DFL_torch",
    source="github",
    ref="9ded1adfd8ec09611e8a50bba2dca6d4d038e1b7",
    domain="federated learning: decentralized simulation",
    absent=("torchvision", "PIL"),
    empty_init=("py_src.torch_vision_train",),
)


def _labelled(n, classes, seed):
    import numpy as np

    labels = np.random.RandomState(seed).randint(0, classes, n)
    indices = np.arange(n)
    # DatasetWithFastLabelSelection.indices_by_labels
    return labels, {label: indices[labels == label] for label in set(labels)}


@sampler(PROJECT, "py_src/ml_setup_base/dataset_intermediate_layer.py", "LabelProbabilitySampler")
def _(cls, module):
    for n, classes, batch in ((50000, 10, 64), (600, 10, 32), (100, 2, 8), (30, 3, 30)):
        labels, by_label = _labelled(n, classes, n)
        present = sorted(by_label)
        iid = [1 / len(present)] * len(present)
        skewed = [0.0] * len(present)
        skewed[0], skewed[-1] = 0.75, 0.25  # a non-iid node that sees two labels
        for name, probs in (("iid", iid), ("non-iid", skewed)):
            yield Case(
                f"{n} items, {classes} labels, {name} node, batch {batch}",
                lambda l=labels, p=probs, b=by_label, k=batch: cls(l, p, b, k),
                epochs=3,
            )


@sampler(PROJECT, "py_src/ml_setup_base/sampler.py", "RASampler")
def _(cls, module):
    for n in (1, 10, 1000, 50000):
        for repetitions in (4, 1, 3):
            for shuffle in (True, False):
                yield Case(
                    f"n={n} repetitions={repetitions} shuffle={shuffle}",
                    lambda n=n, r=repetitions, s=shuffle: cls(list(range(n)), repetitions=r, shuffle=s),
                    repeat=2,
                )


@sampler(PROJECT, "py_src/torch_vision_train/sampler.py", "RASampler")
def _(cls, module):
    for n in (256, 1000, 10000, 50000):
        for world in (1, 2, 4, 8):
            for repetitions in (3, 4):
                for rank in range(world):
                    yield Case(
                        f"n={n} world {world} rank {rank} repetitions={repetitions}",
                        lambda n=n, w=world, r=rank, k=repetitions: cls(
                            list(range(n)), num_replicas=w, rank=r, shuffle=True, repetitions=k
                        ),
                        repeat=2,
                    )
