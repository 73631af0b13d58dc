"""EleutherAI/gpt-neox: LLM pre-training. megatron/data/samplers.py: an epoch-seeded random
sampler and the distributed batch sampler of its data loader, whose `start_iter` the
training loop sets on resume (megatron/data/data_utils.py, shift_and_wrap_data_loaders)."""

from wild.entry import Case, Project, sampler

from ._g3_common import megatron_batch_sampler_cases, with_epoch

PROJECT = Project(
    name="EleutherAI/gpt-neox",
    source="github",
    ref="ea7aefd8f8e183256992d9fede4d7c71a46d67a5",
    domain="LLM pre-training",
    # megatron/__init__.py imports NeoXArgs (deepspeed, yaml, ...); the samplers need none of it.
    empty_init=("megatron",),
)

PATH = "megatron/data/samplers.py"


@sampler(PROJECT, PATH, "RandomSampler")
def _(cls, module):
    for n in (1, 7, 64):
        yield Case(f"n={n}", lambda n=n: cls(list(range(n))))
        yield Case(f"n={n} set_epoch(3)", lambda n=n: with_epoch(cls(list(range(n))), 3))
        for k in (5, 100):
            yield Case(
                f"n={n} replacement num_samples={k} set_epoch(1)",
                lambda n=n, k=k: with_epoch(cls(list(range(n)), replacement=True, num_samples=k), 1),
            )


@sampler(PROJECT, PATH, "DistributedBatchSampler")
def _(cls, module):
    yield from megatron_batch_sampler_cases(cls)
    for n in (10, 37):
        yield from (
            Case(
                f"over its RandomSampler: n={n} world=2 rank={r} start_iter={k}",
                lambda n=n, r=r, k=k: _resumed(cls(module.RandomSampler(list(range(n))), 4, True, r, 2), k),
            )
            for r in (0, 1)
            for k in (0, 1)
        )


def _resumed(sampler, start):
    sampler.start_iter = start
    return sampler
