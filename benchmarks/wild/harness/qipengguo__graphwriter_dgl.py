"""QipengGuo/GraphWriter-DGL: GraphWriter (knowledge-graph-to-text generation with a graph
transformer) in DGL.

utlis.py: BucketSampler, the batch_sampler= of train.py: examples split into three
text-length buckets, each with its own batch size (32 / 24 / 8), a tail per epoch.
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="QipengGuo/GraphWriter-DGL",
    source="github",
    ref="11436fb1ccca5f9c5f817b1264b0f101d04a52ac",
    domain="graph learning (knowledge-graph-to-text)",
    absent=("dgl",),  # graph construction only; the sampler reads len() of each example
)


class _Example:
    """A GWdataset example as the sampler reads it: len() is its target text length."""

    def __init__(self, length):
        self.length = length

    def __len__(self):
        return self.length


def _examples(n, seed=0):
    # AGENDA abstracts: mostly 60-250 tokens, some longer
    rng = random.Random(seed)
    return [_Example(rng.choice([rng.randint(30, 99), rng.randint(101, 219), rng.randint(221, 400)]))
            for _ in range(n)]


@sampler(PROJECT, "utlis.py", "BucketSampler")
def _(cls, module):
    for n in (5, 40, 100, 333):
        for batch_size in (8, 32):
            yield Case(
                f"n={n} abstracts of 30-400 tokens batch_size={batch_size}",
                lambda n=n, b=batch_size: cls(_examples(n), batch_size=b),
                epochs=20,
            )
