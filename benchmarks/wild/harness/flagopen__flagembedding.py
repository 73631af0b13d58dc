"""FlagOpen/FlagEmbedding: BGE embedding models and the research behind them.
research/Long_LLM/activation_beacon/src/trainer.py: StrideGroupedSampler, the training
instances grouped by their number of beacon strides (strictly: whole batches of one stride
count, the rest dropped; relaxed: runs across counts, the tail kept), the batches shuffled or
sorted; ActivationBeaconTrainer builds it with train_batch_size x world_size, the beacon
window and stride of the model config, group_by_stride and sort_by_stride.
research/llm_embedder/src/utils/util.py: Sequential_Sampler, a process's contiguous share of
a corpus to encode (DenseRetriever builds it with the process count and index)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="FlagOpen/FlagEmbedding",
    source="github",
    ref="7ed43d67ec03fbe5c31c0992dbfa941fb1860549",
    domain="LLM embeddings / long-context fine-tuning (stride-grouped and sequential samplers)",
    absent=(
        "transformers",
        "datasets",
        "pytz",
        "pandas",
        "accelerate",
    ),  # models and data of the same modules
    # the packages import the models, data pipelines and evaluation
    empty_init=(
        "research.Long_LLM.activation_beacon.src",
        "research.llm_embedder.src",
        "research.llm_embedder.src.utils",
    ),
)


def _lengths(n, low, high, seed=0):
    rng = random.Random(seed)
    return [rng.randint(low, high) for _ in range(n)]


@sampler(PROJECT, "research/Long_LLM/activation_beacon/src/trainer.py", "StrideGroupedSampler")
def _(cls, module):
    for n, low, high in ((20, 500, 4000), (300, 1000, 32000), (1000, 2048, 2048)):
        for batch_size in (1, 8, 32):
            for window, stride in ((1024, 1024), (2048, 1024)):
                for group in ("strict", "relaxed"):
                    for sort in (None, "ascend", "descend"):
                        yield Case(
                            f"lengths of {n} in {low}..{high} batch_size={batch_size} window={window} "
                            f"stride={stride} group={group} sort={sort}",
                            lambda n=n, lo=low, hi=high, b=batch_size, w=window, s=stride, g=group, o=sort: (
                                cls(b, w, s, g, sort=o, lengths=_lengths(n, lo, hi))
                            ),
                        )


@sampler(PROJECT, "research/llm_embedder/src/utils/util.py", "Sequential_Sampler")
def _(cls, module):
    for n in (1, 10, 1001):
        for world in (1, 2, 3, 8):
            for rank in range(world):
                yield Case(
                    f"corpus of {n} num_replicas={world} rank={rank}",
                    lambda n=n, w=world, r=rank: cls(n, w, r),
                )
