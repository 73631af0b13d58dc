"""NVIDIA/Megatron-LM: LLM pre-training. The batch samplers of its pretraining data loader
(megatron/training/datasets/data_samplers.py): sequential with a resume offset
(consumed_samples), hybrid context parallel (one global batch a step), full validation,
and cyclic random with or without data sharding; each rank of a data-parallel world."""

from wild.entry import Case, Project, sampler

# megatron is a namespace package in the tree; our stand-ins for megatron.core and
# megatron.training's globals sit beside it, so both folders must make one package.
PROJECT = Project(
    name="NVIDIA/Megatron-LM",
    source="github",
    ref="d98e8a64ddf34856e74b24714e3bedb2f5a39553",
    domain="LLM pre-training",
    stubs={
        "megatron": "",
        "megatron.training": "def get_args():\n    raise RuntimeError('no arguments in the harness')\n",
        "megatron.training.dist_signal_handler": "class DistributedSignalHandler:\n    pass\n",
        "megatron.core": "mpu = None\n",
        "megatron.core.datasets": "",
        "megatron.core.datasets.utils": (
            "import enum\n\nclass Split(enum.Enum):\n    train = 0\n    valid = 1\n    test = 2\n"
        ),
    },
)

PATH = "megatron/training/datasets/data_samplers.py"
SIZES = (1, 2, 4)


def _worlds():
    for size in SIZES:
        for rank in range(size):
            yield size, rank


@sampler(PROJECT, PATH, "MegatronPretrainingSampler")
def _(cls, module):
    for n in (9, 40, 131):
        for mbs in (1, 4):
            for size, rank in _worlds():
                step = mbs * size
                for consumed in sorted({0, (n // 2) // step * step}):
                    for drop_last in (True, False):
                        yield Case(
                            f"total={n} consumed={consumed} mbs={mbs} dp={size} rank={rank} drop_last={drop_last}",
                            lambda n=n, c=consumed, m=mbs, s=size, r=rank, d=drop_last: cls(n, c, m, r, s, d),
                        )


@sampler(PROJECT, PATH, "HybridCPMegatronPretrainingSampler")
def _(cls, module):
    for n in (24, 100):
        for mbs, accumulation in ((1, 2), (2, 2), (2, 1)):
            for size, rank in _worlds():
                gbs = mbs * size * accumulation
                for drop_last in (True, False):
                    yield Case(
                        f"total={n} mbs={mbs} gbs={gbs} dp={size} rank={rank} drop_last={drop_last}",
                        lambda n=n, m=mbs, g=gbs, s=size, r=rank, d=drop_last: cls(n, 0, m, g, r, s, d),
                    )


@sampler(PROJECT, PATH, "MegatronFullValidationSampler")
def _(cls, module):
    for n in (1, 3, 10, 97):
        for size, rank in _worlds():
            yield Case(f"total={n} dp={size} rank={rank}", lambda n=n, s=size, r=rank: cls(n, r, s))


@sampler(PROJECT, PATH, "MegatronPretrainingRandomSampler")
def _(cls, module):
    for n in (16, 50, 203):
        for mbs in (1, 4):
            for size, rank in _worlds():
                step = mbs * size
                # a resumed run: consumed_samples is a whole number of steps (the sampler asserts it)
                for consumed in sorted({0, (n // 3) // step * step}):
                    for sharding in (True, False):
                        yield Case(
                            f"total={n} consumed={consumed} mbs={mbs} dp={size} rank={rank} sharding={sharding}",
                            lambda n=n, c=consumed, m=mbs, s=size, r=rank, sh=sharding: cls(
                                list(range(n)), n, c, m, r, s, sh
                            ),
                        )
