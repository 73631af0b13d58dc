"""amzn-fkat (PyPI): Amazon's Foundational Kit for AI Training (Lightning, hydra).
fkat/data/samplers/dict.py: DictBatchSampler, (name, batch) pairs from one batch sampler per
dataset name, the name chosen by a sampler strategy (fkat/data/samplers/strategies.py:
Weighted, RoundRobin, Frequency, each an endless stream of names), until every batch sampler
is exhausted; its len() is the sum of theirs. SizedSampler, the Protocol it implements, is
left out."""

import torch.utils.data as tud

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="amzn-fkat",
    source="pypi",
    ref="0.1.1",
    domain="LLM / general training framework (multi-dataset batch mixing)",
    # fkat's and fkat.data's __init__ import hydra, omegaconf, Lightning and the data loaders
    empty_init=("fkat", "fkat.data"),
)

SIZES = {"text": 37, "code": 10, "math": 3}
# every weight above 0: a name never drawn would leave its sampler unexhausted for ever
SKEWED = {1: (1.0,), 2: (0.8, 0.2), 3: (0.7, 0.2, 0.1)}


def _batch_samplers(batch_size, drop_last, names):
    return {
        name: tud.BatchSampler(
            (tud.RandomSampler if i % 2 else tud.SequentialSampler)(range(SIZES[name])), batch_size, drop_last
        )
        for i, name in enumerate(names)
    }


@sampler(PROJECT, "fkat/data/samplers/dict.py", "DictBatchSampler")
def _(cls, module):
    from fkat.data.samplers.strategies import Frequency, RoundRobin, Weighted

    strategies = {
        "Weighted(uniform)": lambda names: Weighted({n: 1 / len(names) for n in names}),
        "Weighted(skewed)": lambda names: Weighted(dict(zip(names, SKEWED[len(names)]))),
        "RoundRobin": lambda names: RoundRobin(list(names)),
        "Frequency(2,1,..)": lambda names: Frequency([[n, 2 if i == 0 else 1] for i, n in enumerate(names)]),
    }
    for names in (("text",), ("text", "code"), ("text", "code", "math")):
        for label, strategy in strategies.items():
            for batch_size in (1, 4, 16):
                for drop_last in (False, True):
                    yield Case(
                        f"datasets={names} strategy={label} batch_size={batch_size} drop_last={drop_last}",
                        lambda n=names, s=strategy, b=batch_size, d=drop_last: cls(s(n), _batch_samplers(b, d, n)),
                        repeat=2,
                    )
