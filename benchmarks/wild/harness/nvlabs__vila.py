"""NVlabs/VILA: visual-language model training (a LLaVA descendant). Its trainer always builds
VILADistributedSampler (LongVILA's for long video): the dataset is the ConcatDataset of the
data mixture, sample_len_list each dataset's length (training_args.sample_lens), and every
data-parallel rank gets each dataset cut down to whole global batches (x gradient
accumulation) and interleaved; with sequence parallelism the sp_degree ranks of one
data-parallel group share a rank's indices (dp_rank = rank // sp_degree for Ulysses groups
of contiguous ranks, as its process-group manager builds them). LengthGroupedSampler is the
LLaVA modality/length grouping sampler kept in the file; llava/wids (a vendored WebDataset
wids) adds DistributedLocalSampler, a contiguous-chunk DistributedSampler. (wids'
ShardListSampler and ChunkedSampler have no __len__: not candidates.)"""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="NVlabs/VILA",
    source="github",
    ref="b760c34b9487fd736b4075f5111fbef3d80a37e9",
    domain="multimodal LLM training",
    stubs={
        # the trainer module's imports the samplers do not use, and the process-group
        # manager that VILADistributedSampler reads under sequence parallelism (set per case)
        "llava.train.sequence_parallel": "MANAGER = None\n\n\ndef get_pg_manager():\n    return MANAGER\n",
        "llava.trl.trainer": "class DPOTrainer:\n    pass\n",
    },
    absent=("transformers", "deepspeed"),
    empty_init=("llava", "llava.trl", "llava.wids"),
)

TRAINER = "llava/train/llava_trainer.py"
MIXTURES = ((1000,), (640, 300, 57), (37, 5), (4096, 1000))


def _vila(cls, module, mixture, world, rank, batch, accumulation, sp):
    def build():
        from types import SimpleNamespace

        import llava.train.sequence_parallel as sequence_parallel

        sequence_parallel.MANAGER = SimpleNamespace(dp_rank=rank // sp)
        return cls(
            list(range(sum(mixture))),
            num_replicas=world,
            rank=rank,
            seed=42,
            batch_size=batch,
            sample_len_list=list(mixture),
            sp_degree=sp,
            gradient_accumulation_steps=accumulation,
        )

    return build


def _vila_cases(cls, module):
    for mixture in MIXTURES:
        for world, sp in ((1, 1), (2, 1), (4, 1), (4, 2), (8, 4)):
            for batch, accumulation in ((4, 1), (16, 2), (2, 1)):
                for rank in range(world):
                    yield Case(
                        f"datasets {list(mixture)}, world {world} sp {sp} rank {rank}, batch {batch} x accumulation {accumulation}",
                        _vila(cls, module, mixture, world, rank, batch, accumulation, sp),
                        repeat=2,
                    )


@sampler(PROJECT, TRAINER, "VILADistributedSampler")
def _(cls, module):
    yield from _vila_cases(cls, module)


@sampler(PROJECT, TRAINER, "LongVILADistributedSampler")
def _(cls, module):
    yield from _vila_cases(cls, module)


@sampler(PROJECT, TRAINER, "LengthGroupedSampler")
def _(cls, module):
    import random

    for n in (1, 10, 97, 400):
        rng = random.Random(n)
        text = [rng.randint(5, 2048) for _ in range(n)]
        # the modality lengths of LLaVA's datasets: positive with an image, negative text-only
        mixed = [length if rng.random() < 0.6 else -length for length in text]
        for batch, world in ((4, 1), (8, 2), (16, 8)):
            yield Case(f"{n} lengths, batch {batch} world {world}", lambda b=batch, w=world, t=text: cls(b, w, lengths=t))
            yield Case(
                f"{n} mixed-modality lengths, batch {batch} world {world}",
                lambda b=batch, w=world, m=mixed: cls(b, w, lengths=m, group_by_modality=True),
                epochs=5,
            )


@sampler(PROJECT, "llava/wids/wids.py", "DistributedLocalSampler")
def _(cls, module):
    for n in (1, 10, 97, 1000):
        for world in (1, 2, 3, 8):
            for drop_last in (False, True):
                if drop_last and n < world:
                    continue
                for shuffle in (True, False):
                    for rank in range(world):
                        yield Case(
                            f"n={n} world {world} rank {rank} shuffle={shuffle} drop_last={drop_last}",
                            lambda n=n, w=world, r=rank, s=shuffle, d=drop_last: cls(
                                list(range(n)), num_replicas=w, rank=r, shuffle=s, drop_last=d
                            ),
                        )
