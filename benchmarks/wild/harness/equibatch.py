"""equibatch (PyPI): batches whose footprint (items x length) stays under a budget, so the
number of items per batch varies; a BatchSampler subclass with its own __iter__ and __init__
that keeps BatchSampler's __len__."""

from torch.utils.data import SequentialSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="equibatch",
    source="pypi",
    ref="0.1.3",
    domain="sequence models: token-budget batching",
)


@sampler(PROJECT, "equibatch.py", "EquiarealBatchSampler")
def _(cls, module):
    # __init__ does not call BatchSampler.__init__, so the inherited __len__ reads
    # self.drop_last and self.batch_size, which are never set: the runner records what
    # len() raises (verdict len_raises) and what __iter__ yields.
    for n in (40, 120):
        lengths = [10 + (i * 37) % 190 for i in range(n)]  # lengths 10..199
        for max_size, footprint in ((8, 400), (32, 2000)):
            yield Case(
                f"SequentialSampler(range({n})), lengths 10..199, max_size {max_size}, max_footprint {footprint}",
                lambda n=n, lengths=lengths, m=max_size, f=footprint: cls(
                    SequentialSampler(range(n)), lengths.__getitem__, m, f
                ),
            )
