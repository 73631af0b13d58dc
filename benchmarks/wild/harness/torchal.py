"""torchal (PyPI): active learning on top of pycls. Its samplers draw from the labelled (or
unlabelled) index set of the current active-learning round, sequentially for evaluation and
sharded over processes for training."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="torchal",
    source="pypi",
    ref="0.0.2",
    domain="active learning",
)

PATH = "pycls/datasets/sampler.py"


def _index_set(n, size):
    import numpy as np

    # the labelled pool of a round: a scattered subset of a dataset of `size` items
    return np.array(sorted({(i * 7919) % size for i in range(n)}))


@sampler(PROJECT, PATH, "IndexedSequentialSampler")
def _(cls, module):
    for n in (1, 10, 64, 300):
        yield Case(f"labelled={n}", lambda n=n: cls(_index_set(n, 1000)))


@sampler(PROJECT, PATH, "IndexedDistributedSampler")
def _(cls, module):
    for n in (1, 7, 10, 64, 301):
        for replicas in (1, 2, 3, 4):
            for rank in range(replicas):
                for repeat in (True, False):
                    if not repeat and n < replicas:
                        continue  # a rank would get no index of the round
                    if repeat and -(-n // replicas) * replicas - n > n:
                        continue  # the padding (one copy of the head) cannot fill it: __iter__ asserts
                    yield Case(
                        f"labelled={n} replicas={replicas} rank={rank} allowRepeat={repeat}",
                        lambda n=n, r=replicas, k=rank, a=repeat: cls(
                            list(range(1000)), _index_set(n, 1000), num_replicas=r, rank=k, allowRepeat=a
                        ),
                    )
