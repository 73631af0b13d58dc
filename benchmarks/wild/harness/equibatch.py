"""equibatch (PyPI): batches whose footprint (items x length) stays under a budget, so the
number of items per batch varies; a BatchSampler subclass with its own __iter__ and __init__
that keeps BatchSampler's __len__."""

from wild.entry import Project, not_run

PROJECT = Project(
    name="equibatch",
    source="pypi",
    ref="0.1.3",
    domain="sequence models: token-budget batching",
)


not_run(
    PROJECT,
    "equibatch.py",
    "EquiarealBatchSampler",
    "len() cannot be taken: __init__ does not call BatchSampler.__init__, so the inherited "
    "__len__ reads self.drop_last and self.batch_size, which are never set (AttributeError "
    "for every input, e.g. SequentialSampler(range(40)), lengths 10..199, max_size 8, "
    "max_footprint 400); a DataLoader that asks its length fails",
)
