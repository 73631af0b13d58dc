"""pkmtum/generative-physics-informed-pde: physics-aware generative models for PDE solutions.
lamp/data.py's BatchedOverSampler yields num_batches batches of batch_size indices drawn with
replacement (uniform weights) from num_data items, a batch sampler for over-sampling a small
training set."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="pkmtum/generative-physics-informed-pde",
    source="github",
    ref="63ec383da0f2dbf0d8ffbbb44a670e90d07c132e",
    domain="physics-informed generative modelling",
)


@sampler(PROJECT, "lamp/data.py", "BatchedOverSampler")
def _(cls, module):
    for batch_size, num_batches, num_data in ((32, 100, 1024), (8, 10, 20), (1, 1, 1), (128, 50, 64)):
        yield Case(
            f"batch_size={batch_size} num_batches={num_batches} num_data={num_data}",
            lambda b=batch_size, k=num_batches, n=num_data: cls(b, k, n),
        )
