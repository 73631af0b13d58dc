"""alex-hh/profam: protein family language models (ProFam).

src/data/samplers.py at the commit that gave it a length ("length to sampler", 2025-06-05):
MaxTokensDynamicBatchSampler, the batch_sampler= of its data module when sequences are
packed to max_tokens. Its len() is the number of training samples over the world size
(the data module passes total_num_train_samples); iteration yields token-budget batches.
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="alex-hh/profam",
    source="github",
    ref="060bfead843b8b3132ad1a70f2baebc52e0d0e4f",
    domain="biology (protein language models)",
    empty_init=("src.data",),  # imports the builders, collators, structure tools
)


def _families(n, seed=0):
    """Tokenised protein-family documents as the dataset yields them: {'input_ids': [...]}."""
    rng = random.Random(seed)
    return [{"input_ids": [0] * rng.randint(60, 2000)} for _ in range(n)]


def _size(item):  # the data module's size_fn
    return len(item["input_ids"]) if "input_ids" in item else 0


@sampler(PROJECT, "src/data/samplers.py", "MaxTokensDynamicBatchSampler")
def _(cls, module):
    for n in (3, 40, 250):
        for max_tokens in (4096, 16384):
            for world in (1, 2, 4):
                for rank in range(world):
                    yield Case(
                        f"n={n} documents of 60-2000 tokens max_tokens={max_tokens} world={world} rank={rank} "
                        f"length=n (total_num_train_samples)",
                        lambda n=n, t=max_tokens, w=world, r=rank: cls(
                            _families(n), _size, w, r, max_tokens=t, length=n
                        ),
                    )
