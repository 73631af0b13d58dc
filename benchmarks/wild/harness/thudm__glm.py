"""THUDM/GLM: LLM pre-training and fine-tuning. data_utils/samplers.py, as configure_data.py
builds them: a random sampler with replacement, the Transformer-XL sequential batch sampler
(num_iters batches), and the distributed batch sampler with gradient accumulation, whose
`start_iter` pretrain_glm.py sets on resume."""

from wild.entry import Case, Project, sampler

from ._g3_common import megatron_batch_sampler_cases, with_epoch

PROJECT = Project(
    name="THUDM/GLM",
    source="github",
    ref="4f61ed7237a3b0187f4d62062429348276a78c84",
    domain="LLM pre-training",
    # data_utils/__init__.py imports its tokenizers and corpora (nltk, sentencepiece, ...).
    empty_init=("data_utils",),
)

PATH = "data_utils/samplers.py"


@sampler(PROJECT, PATH, "RandomSampler")
def _(cls, module):
    # configure_data.py: replacement=True, num_samples = batch * train_iters * accumulation
    for n in (1, 7, 64):
        for k in (5, 32, 100):
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
