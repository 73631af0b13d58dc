"""namiyousef/ml-utils: a small utility library (mlutils.torchtools) of data-loading helpers.
Its three samplers are index samplers wrapped by the library's own get_*_dataloader helpers
in a torch BatchSampler: CurriculumSampler walks the dataset in difficulty order (shards of
indices, optionally shuffled inside each shard), RandomBatchSampler yields whole contiguous
batches in a shuffled batch order, ProbabilisticCurriculumSampler reveals one more shard each
epoch (phase) and then keeps training on all of them for num_phases_after_curriculum epochs."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="namiyousef/ml-utils",
    source="github",
    ref="98a667a355007ac3d922d53185d2fb8d0053eede",
    domain="utility library: curriculum learning / batching",
)

FILE = "mlutils/torchtools/data.py"


def _shards(n, sizes):
    """Indices 0..n-1 in difficulty order, cut into shards of the given sizes (the last
    shard takes the rest), as the docstrings' difficulty_indices."""
    order = list(range(n))[::-1]
    shards, start = [], 0
    for size in sizes:
        shards.append(order[start:start + size])
        start += size
    if start < n:
        shards.append(order[start:])
    return shards


SETTINGS = (  # (dataset size, batch size, shard sizes)
    (5, 2, (3,)),  # the docstring's example: [[2, 5, 4], [3, 1]] shape
    (10, 2, (3, 3, 3)),  # the ProbabilisticCurriculumSampler docstring's [[9, 8, 7], ..., [0]]
    (100, 32, (25, 25, 25)),
    (64, 16, (32,)),
    (37, 8, (10, 20)),
)


@sampler(PROJECT, FILE, "CurriculumSampler")
def _(cls, module):
    for n, batch_size, sizes in SETTINGS:
        for shuffle in (False, True, 7):
            yield Case(
                f"n={n} batch_size={batch_size} shards={len(_shards(n, sizes))} shuffle={shuffle}",
                lambda n=n, b=batch_size, s=sizes, sh=shuffle: cls(list(range(n)), b, _shards(n, s), shuffle=sh),
            )


@sampler(PROJECT, FILE, "RandomBatchSampler")
def _(cls, module):
    for n, batch_size in ((5, 2), (10, 2), (100, 32), (64, 16), (37, 8), (32, 32)):
        yield Case(
            f"n={n} batch_size={batch_size}",
            lambda n=n, b=batch_size: cls(list(range(n)), batch_size=b),
            epochs=5,
        )


@sampler(PROJECT, FILE, "ProbabilisticCurriculumSampler")
def _(cls, module):
    for n, batch_size, sizes in SETTINGS:
        shards = len(_shards(n, sizes))
        for after in (0, 2):
            yield Case(
                f"n={n} batch_size={batch_size} shards={shards} phases_after={after}, every phase",
                lambda n=n, b=batch_size, s=sizes, a=after: cls(list(range(n)), b, _shards(n, s), a, None),
                repeat=shards + after,
            )
