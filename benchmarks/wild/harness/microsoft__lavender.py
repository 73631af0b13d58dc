"""microsoft/LAVENDER: unified video-language pre-training and fine-tuning. dataset.py's
make_data_sampler gives training DistributedSamplerLimited (a DistributedSampler capped at
`limited` samples per rank, reshuffled within the rank) or NodeSplitSampler (composite TSV
datasets), and make_batch_data_sampler wraps torch's BatchSampler in an
IterationBasedBatchSampler for num_iters. utils/sampler_utils.py (the QD training library it
vendors) adds its own BatchSampler, IterationBasedBatchSampler, DynamicBatchSampler (no own
len(): BatchSampler's reads a batch_size it never sets), DistributedSampler (with
length_divisible), OrderedSplitSampler (a rank's contiguous slice for inference) and
AttachIterationNumberBatchSampler (tags each index with the iteration). NodeSplitSampler,
RankSplitSampler and SplitBySplitSampler are endless streams whose len() raises by design."""

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="microsoft/LAVENDER",
    source="github",
    ref="139860e2e97d32ec7b8a707dc41fce3514bf922b",
    domain="multimodal (video-language) training",
    stubs={
        # the process topology the samplers read (utils.dist imports its logger and helpers):
        # the rank and world of a case
        "utils.dist": (
            "RANK, WORLD = 0, 1\n\n\n"
            "def get_rank():\n    return RANK\n\n\n"
            "def get_world_size():\n    return WORLD\n\n\n"
            "def get_local_rank():\n    return RANK\n\n\n"
            "def get_local_size():\n    return WORLD\n"
        ),
        # the TSV readers sampler_utils imports for its data-preparing samplers
        "utils.tsv_io": "class TSVDataset:\n    pass\n\n\ndef get_tsv_lineidx(*a):\n    pass\n\n\ndef get_tsv_lineidx_8b(*a):\n    pass\n",
        "utils.tsv_file": "def load_list_file(*a):\n    pass\n",
        "utils.qd_common": "def exclusive_open_to_read(*a):\n    pass\n",
    },
)

DATA = "utils/data_sampler.py"
QD = "utils/sampler_utils.py"
SIZES = (1, 10, 97, 1000)


def _in_world(rank, world, build):
    def make():
        import utils.dist

        utils.dist.RANK, utils.dist.WORLD = rank, world
        return build()

    return make


@sampler(PROJECT, DATA, "DistributedSamplerLimited")
def _(cls, module):
    for n in SIZES:
        for world in (1, 2, 4):
            for limited in (-1, 100, 3):
                for drop_last in (False, True):
                    if drop_last and n < world:
                        continue
                    for rank in range(world):
                        yield Case(
                            f"n={n} world {world} rank {rank} limited={limited} drop_last={drop_last}, no shuffle",
                            # shuffle=False: its shuffle reseeds `random` with datetime.now(),
                            # which Python 3.11 refuses (a TypeError on every iteration)
                            lambda n=n, w=world, r=rank, k=limited, d=drop_last: cls(
                                list(range(n)), num_replicas=w, rank=r, shuffle=False, drop_last=d, limited=k
                            ),
                            repeat=2,
                        )


def _iteration_cases(cls, module):
    import torch

    for n, batch in ((100, 8), (10, 3), (1000, 64)):
        for iterations, start in ((50, 0), (50, 20), (7, 0), (100, 99)):
            yield Case(
                f"BatchSampler(RandomSampler({n}), {batch}), {iterations} iterations from {start}",
                lambda n=n, b=batch, i=iterations, s=start: cls(
                    torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(range(n)), b, False), i, s
                ),
            )


sampler(PROJECT, DATA, "IterationBasedBatchSampler")(_iteration_cases)
sampler(PROJECT, QD, "IterationBasedBatchSampler")(_iteration_cases)


@sampler(PROJECT, QD, "BatchSampler")
def _(cls, module):
    import torch

    for n in SIZES:
        for batch in (1, 3, 64):
            for drop_last in (False, True):
                yield Case(
                    f"RandomSampler({n}), batch {batch}, drop_last={drop_last}",
                    lambda n=n, b=batch, d=drop_last: cls(torch.utils.data.RandomSampler(range(n)), b, d),
                )


@sampler(PROJECT, QD, "DynamicBatchSampler")
def _(cls, module):
    import torch

    for n in (100, 1000):
        for name, schedule in (("constant 8", lambda it: 8), ("16 then 32 from iteration 5", lambda it: 16 if it < 5 else 32)):
            yield Case(
                f"SequentialSampler({n}), batch size {name}",
                lambda n=n, f=schedule: cls(torch.utils.data.SequentialSampler(range(n)), f),
            )


@sampler(PROJECT, QD, "DistributedSampler")
def _(cls, module):
    for n in (10, 97, 1000):
        for world in (1, 2, 4):
            for divisible in (1, 8):
                for shuffle in (True, False):
                    for rank in range(world):
                        yield Case(
                            f"n={n} world {world} rank {rank} length_divisible={divisible} shuffle={shuffle}",
                            lambda n=n, w=world, r=rank, d=divisible, s=shuffle: cls(
                                list(range(n)), num_replicas=w, rank=r, shuffle=s, length_divisible=d
                            ),
                            repeat=2,
                        )


@sampler(PROJECT, QD, "OrderedSplitSampler")
def _(cls, module):
    for n in SIZES:
        for world in (1, 2, 3, 8):
            if n < world:
                continue  # a later rank's start would pass the end (its assert)
            for rank in range(world):
                yield Case(f"n={n} world {world} rank {rank}", _in_world(rank, world, lambda n=n: cls(n)))


@sampler(PROJECT, QD, "AttachIterationNumberBatchSampler")
def _(cls, module):
    import torch

    for n, batch in ((100, 8), (10, 3)):
        for accumulate in (1, 2):
            yield Case(
                f"BatchSampler(RandomSampler({n}), {batch}), start 0 of 1000, accumulate {accumulate}",
                lambda n=n, b=batch, a=accumulate: cls(
                    torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(range(n)), b, False), 0, 1000, a
                ),
            )


for _file, _name in ((DATA, "NodeSplitSampler"), (QD, "RankSplitSampler"), (QD, "SplitBySplitSampler")):
    not_run(PROJECT, _file, _name, "an endless stream over a composite TSV dataset; its len() raises 'should not be called'")
