"""Nicolas-BZRD/llm-recipes: LLM fine-tuning and distillation recipes (after Meta's llama-recipes).

data/sampler.py: the batch samplers of the "padding" batching strategy
(configs/configs_utils.py: get_dataloader_kwargs): LengthBasedBatchSampler on one process
(drop_last=True, shuffled in training) and DistributedLengthBasedBatchSampler under FSDP,
each rank taking every num_replicas-th batch. The dataset is tokenized examples (dicts of
input_ids, attention_mask, labels).
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Nicolas-BZRD/llm-recipes",
    source="github",
    ref="ab6e79800d28a1820348d72fc43ad964bb51ac29",
    domain="LLM fine-tuning",
)


def _tokenized(n, seed=0):
    rng = random.Random(seed)
    data = []
    for _ in range(n):
        ids = [rng.randrange(32000) for _ in range(rng.randint(8, 200))]
        data.append({"input_ids": ids, "attention_mask": [1] * len(ids), "labels": list(ids)})
    return data


@sampler(PROJECT, "data/sampler.py", "LengthBasedBatchSampler")
def _(cls, module):
    for n in (1, 13, 64, 301):
        for batch_size in (1, 4, 8):
            for drop_last in (True, False):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} batch_size={batch_size} drop_last={drop_last} shuffle={shuffle}",
                        lambda n=n, b=batch_size, d=drop_last, s=shuffle: cls(
                            _tokenized(n), b, drop_last=d, shuffle=s, seed=42
                        ),
                    )
    # the evaluation data as token lists rather than dicts (the class accepts both)
    yield Case("n=30 lists batch_size=4 drop_last=False", lambda: cls([d["input_ids"] for d in _tokenized(30)], 4, False))


@sampler(PROJECT, "data/sampler.py", "DistributedLengthBasedBatchSampler")
def _(cls, module):
    for n in (13, 64, 301):
        for batch_size in (1, 4, 8):
            for world in (2, 3, 4):
                for rank in range(world):
                    for shuffle in (True, False):
                        yield Case(
                            f"n={n} batch_size={batch_size} replicas={world} rank={rank} shuffle={shuffle}",
                            lambda n=n, b=batch_size, w=world, r=rank, s=shuffle: cls(
                                _tokenized(n), batch_size=b, num_replicas=w, rank=r, shuffle=s, seed=42
                            ),
                        )
