"""ChrisWaites/pyvacy: differentially private training (DP-SGD) for PyTorch.
pyvacy/sampling/batch_samplers.py: get_data_loaders' minibatch loader gives
IIDBatchSampler(dataset, minibatch_size, iterations) as `batch_sampler=` (each index in a
batch with probability minibatch_size / n, an empty draw skipped: its count is random,
judged over epochs); EquallySizedAndIndependentBatchSampler draws minibatch_size indices
with replacement, iterations times. The README trains MNIST with minibatch 256, 500
iterations (the cases take 40 at that size: 500 draws of 60000 for 20 epochs outlast a
case's time)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ChrisWaites/pyvacy",
    source="github",
    ref="2e0a9f4f71152990d60b154911070f5f60a493af",
    domain="differential privacy",
)

FILE = "pyvacy/sampling/batch_samplers.py"
SETTINGS = ((60000, 256, 40), (1000, 64, 50), (100, 1, 40), (20, 2, 30), (7, 7, 10))


@sampler(PROJECT, FILE, "IIDBatchSampler")
def _(cls, module):
    for n, minibatch, iterations in SETTINGS:
        yield Case(
            f"n={n} minibatch_size={minibatch} iterations={iterations}",
            lambda n=n, m=minibatch, i=iterations: cls(range(n), m, i),
            epochs=20,
        )


@sampler(PROJECT, FILE, "EquallySizedAndIndependentBatchSampler")
def _(cls, module):
    for n, minibatch, iterations in SETTINGS:
        yield Case(
            f"n={n} minibatch_size={minibatch} iterations={iterations}",
            lambda n=n, m=minibatch, i=iterations: cls(range(n), m, i),
        )
