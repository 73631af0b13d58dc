"""SwissArmyTransformer (PyPI, sat): LLM and multimodal pre-training and fine-tuning (CogView,
CogVLM). sat/data_utils/samplers.py: an epoch-seeded random sampler, the sequential batch
sampler of num_iters batches, and the distributed batch sampler with gradient accumulation
that configure_data.py builds (drop_last=False) and whose `start_iter`
training/deepspeed_training.py sets on resume."""

from wild.entry import Case, Project, sampler

from ._g3_common import megatron_batch_sampler_cases, with_epoch

PROJECT = Project(
    name="SwissArmyTransformer",
    source="pypi",
    ref="0.4.12",
    domain="LLM pre-training",
    # sat/__init__.py and sat/data_utils/__init__.py import the model zoo and the loaders.
    empty_init=("sat", "sat.data_utils"),
)

PATH = "sat/data_utils/samplers.py"


@sampler(PROJECT, PATH, "RandomSampler")
def _(cls, module):
    for n in (1, 7, 64):
        yield Case(f"n={n} set_epoch(2)", lambda n=n: with_epoch(cls(list(range(n))), 2))
        for k in (5, 100):
            yield Case(
                f"n={n} replacement num_samples={k} set_epoch(2)",
                lambda n=n, k=k: with_epoch(cls(list(range(n)), replacement=True, num_samples=k), 2),
            )


@sampler(PROJECT, PATH, "DistributedSequentialSampler")
def _(cls, module):
    for n in (40, 1000):
        for iters in (1, 5, 30):
            for batch, size in ((4, 1), (4, 2), (8, 4)):
                for rank in range(size):
                    yield Case(
                        f"n={n} train_iters={iters} batch={batch} world={size} rank={rank}",
                        lambda n=n, i=iters, b=batch, s=size, r=rank: cls(n, i, b, r, s),
                    )


@sampler(PROJECT, PATH, "DistributedBatchSampler")
def _(cls, module):
    yield from megatron_batch_sampler_cases(cls, accumulation=True)
