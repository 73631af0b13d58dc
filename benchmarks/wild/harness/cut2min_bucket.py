"""cut2min-bucket (PyPI): length-bucketed batches for variable-length sequences (flash-attention
varlen training). A random partition of the dataset, each partition sorted by length and cut
into batches; a distributed variant shards with DistributedSampler first."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="cut2min-bucket",
    source="pypi",
    ref="0.1.3",
    domain="sequence models: length-bucketed batching",
)

PATH = "cut2min_bucket/samplers.py"


def _seqlens(n):
    import torch

    # lengths like real token counts: varied, not sorted
    return torch.tensor([17 + (i * 37) % 211 for i in range(n)])


@sampler(PROJECT, PATH, "BucketBatchSampler")
def _(cls, module):
    for n in (5, 37, 100, 250):
        for batch_size in (4, 16):
            for partitions in (1, 3, 10, 100):  # 100 is the default
                for drop_last in (False, True):
                    yield Case(
                        f"n={n} batch_size={batch_size} n_partitions={partitions} drop_last={drop_last}",
                        lambda n=n, b=batch_size, p=partitions, d=drop_last: cls(
                            list(range(n)), _seqlens(n), b, n_partitions=p, drop_last=d
                        ),
                    )


@sampler(PROJECT, PATH, "DistributedBucketBatchSampler")
def _(cls, module):
    for n in (7, 37, 100):
        for batch_size in (4, 16):
            for partitions in (1, 10, 100):
                for replicas in (1, 2, 3, 4):
                    for rank in range(replicas):
                        for drop_last in (False, True):
                            yield Case(
                                f"n={n} batch_size={batch_size} n_partitions={partitions} "
                                f"replicas={replicas} rank={rank} drop_last={drop_last}",
                                lambda n=n, b=batch_size, p=partitions, r=replicas, k=rank, d=drop_last: cls(
                                    list(range(n)), _seqlens(n), b, n_partitions=p,
                                    num_replicas=r, rank=k, drop_last=d,
                                ),
                                repeat=2,
                            )
