"""Lightning-AI/litdata: streaming and optimising datasets for training at scale.
src/litdata/streaming/sampler.py: CacheBatchSampler, the batch sampler of CacheDataLoader
(dataset size, world size and global rank of the distributed environment, num_workers,
batch_size or 1, drop_last, shuffle, and the dataset's Cache): while the cache is being
written, ordered indices split per worker and interleaved worker by worker; once the cache
is filled, ChunkedIndex batches from shuffled chunk intervals. Its length is counted in
__init__ by iterating, when the cache is not filled and there is more than one worker.
The cache here is as its tests make it: `filled`, and the chunk intervals
[start, start, end, end] the writing phase left."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Lightning-AI/litdata",
    source="github",
    ref="bef28be9820d1e69f147f51909172c7999e44421",
    domain="general training library: streaming dataset loader (cache batches)",
    root="src",
    # litdata's and litdata.streaming's __init__ import the processing, readers, writers (lightning_utilities, ...)
    empty_init=("litdata", "litdata.streaming"),
)


class _Cache:
    """A litdata Cache: whether its chunks are written, and their intervals."""

    def __init__(self, filled, intervals=()):
        self.filled = filled
        self._intervals = [list(i) for i in intervals]

    def get_chunk_intervals(self):
        return self._intervals


def _written(cls, size, batch_size):
    """The chunk intervals one writing pass (one process) leaves: one chunk per batch."""
    batches = list(cls(size, 1, 0, 3, batch_size, False, True, _Cache(False)))
    return [[b[0], b[0], b[-1] + 1, b[-1] + 1] for b in batches if b]


@sampler(PROJECT, "src/litdata/streaming/sampler.py", "CacheBatchSampler")
def _(cls, module):
    for size in (4, 21, 100):
        for batch_size in (1, 3):
            for workers in (0, 1, 3):
                for world in (1, 2):
                    for rank in range(world):
                        label = f"size={size} num_replicas={world} rank={rank} num_workers={workers} batch_size={batch_size}"
                        yield Case(
                            f"{label} cache being written",
                            lambda s=size, b=batch_size, k=workers, w=world, r=rank: cls(
                                s, w, r, k, b, False, True, _Cache(False)
                            ),
                        )
                        yield Case(
                            f"{label} cache filled",
                            lambda s=size, b=batch_size, k=workers, w=world, r=rank: cls(
                                s, w, r, k, b, False, True, _Cache(True, _written(cls, s, b))
                            ),
                            repeat=2,
                        )
