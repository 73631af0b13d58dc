"""microsoft/DeBERTa: the DeBERTa language models, pre-training (MLM, RTD) and GLUE/SQuAD
fine-tuning. DeBERTa/data/data_sampler.py: RandomSampler (a seeded numpy shuffle, reshuffled
each pass), SequentialSampler, BatchSampler (the last batch kept) and DistributedBatchSampler
(each batch split over the ranks, a ragged batch padded with its first index, or the epoch
ended at it with drop_last). The trainer builds, every epoch,
DistributedBatchSampler(BatchSampler(RandomSampler(len(train_data)), train_batch_size), rank,
world_size); evaluation the same over a SequentialSampler."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="microsoft/DeBERTa",
    source="github",
    ref="4d7fe0bd4fb3c7d4f4005a7cafabde9800372098",
    domain="NLP: language model pre-training and fine-tuning",
    empty_init=("DeBERTa.data",),  # imports the data loaders and dynamic datasets
)

PATH = "DeBERTa/data/data_sampler.py"
SIZES = (1, 7, 64, 391)


@sampler(PROJECT, PATH, "RandomSampler")
def _(cls, module):
    for n in SIZES:
        for seed in (0, 1234):
            yield Case(f"total_samples={n} data_seed={seed}", lambda n=n, s=seed: cls(n, s), repeat=2)


@sampler(PROJECT, PATH, "SequentialSampler")
def _(cls, module):
    for n in SIZES:
        yield Case(f"total_samples={n}", lambda n=n: cls(n))


@sampler(PROJECT, PATH, "BatchSampler")
def _(cls, module):
    for n in SIZES:
        for batch_size in (1, 8, 32):
            yield Case(
                f"RandomSampler({n}) train_batch_size={batch_size}",
                lambda n=n, b=batch_size: cls(module.RandomSampler(n), b),
                repeat=2,
            )
            yield Case(
                f"SequentialSampler({n}) eval_batch_size={batch_size}",
                lambda n=n, b=batch_size: cls(module.SequentialSampler(n), b),
            )


@sampler(PROJECT, PATH, "DistributedBatchSampler")
def _(cls, module):
    for n in SIZES:
        for batch_size in (8, 32):
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    for drop_last in (False, True):
                        yield Case(
                            f"BatchSampler(RandomSampler({n}), {batch_size}) rank={rank} world_size={world} "
                            f"drop_last={drop_last}",
                            lambda n=n, b=batch_size, r=rank, w=world, d=drop_last: cls(
                                module.BatchSampler(module.RandomSampler(n), b),
                                rank=r,
                                world_size=w,
                                drop_last=d,
                            ),
                        )
