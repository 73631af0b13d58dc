"""knatarajan-lab/cehrgpt: a GPT pre-trained on patient timelines (EHR concept sequences).
src/cehrgpt/data/sample_packing_sampler.py: SamplePackingBatchSampler, batches of patient
sequences packed up to a token budget (each truncated to the context window, plus two
separator tokens), ranks taking every num_replicas-th index of an epoch-seeded permutation;
the Hugging Face trainer sets the epoch through `batch_sampler.sampler.set_epoch`.
SamplePackingTrainer builds it with lengths from `num_of_concepts`, max_tokens_per_batch
16384 by default and the model's max_position_embeddings."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="knatarajan-lab/cehrgpt",
    source="github",
    ref="b2e720fd12d1d04ae73c90756f31220604246466",
    domain="LLM pre-training on EHR sequences (token-budget packing)",
    root="src",
    stubs={
        "transformers": (
            "import logging as _logging\nclass logging:\n    get_logger = staticmethod(_logging.getLogger)\n"
        ),
    },
)


def _lengths(n, low, high, seed=0):
    """num_of_concepts per patient: mostly short timelines, a long tail."""
    rng = random.Random(seed)
    return [min(high, low + int(rng.expovariate(1 / ((high - low) / 6)))) for _ in range(n)]


@sampler(PROJECT, "src/cehrgpt/data/sample_packing_sampler.py", "SamplePackingBatchSampler")
def _(cls, module):
    for n, low, high in ((1, 10, 20), (37, 20, 600), (400, 50, 3000)):
        for budget, context in ((16384, 1024), (4096, 2048), (2048, 512)):
            for world in (1, 2, 3):
                for drop_last in (False, True):
                    for rank in range(world):
                        for epoch in (0, 1, 2):

                            def build(
                                n=n,
                                lo=low,
                                hi=high,
                                b=budget,
                                c=context,
                                w=world,
                                r=rank,
                                d=drop_last,
                                e=epoch,
                            ):
                                s = cls(
                                    _lengths(n, lo, hi),
                                    max_tokens_per_batch=b,
                                    max_position_embeddings=c,
                                    num_replicas=w,
                                    rank=r,
                                    seed=42,
                                    drop_last=d,
                                )
                                s.sampler.set_epoch(e)  # what accelerate's DataLoaderShard.set_epoch reaches
                                return s

                            yield Case(
                                f"patients={n} lengths {low}..{high} max_tokens_per_batch={budget} "
                                f"max_position_embeddings={context} num_replicas={world} rank={rank} "
                                f"drop_last={drop_last} epoch={epoch}",
                                build,
                            )
