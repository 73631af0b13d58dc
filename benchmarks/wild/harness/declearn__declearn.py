"""DecLearn/declearn: federated learning (with differential privacy). The `batch_sampler=` of
TorchDataset.generate_batches(poisson=True) (declearn/dataset/torch/_torch.py):
PoissonSampler(num_samples=n, sample_rate=batch_size / n, generator=self.gen), int(1 /
sample_rate) draws an epoch, each index in a batch with probability sample_rate, an empty
draw skipped. Its count is random: judged over epochs."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="DecLearn/declearn",
    source="github",
    ref="9ec171fad216d20031c6dbb56684134c05e77833",
    domain="federated learning / differential privacy",
    # the package and its torch backend import the whole framework (the dataset, the
    # model and optimizer APIs); the sampler's module needs torch alone
    empty_init=("declearn", "declearn.dataset", "declearn.dataset.torch"),
)


@sampler(PROJECT, "declearn/dataset/torch/_utils.py", "PoissonSampler")
def _(cls, module):
    for n in (10, 60, 1000, 5000):
        for batch_size in (1, 4, 32, 128):
            if batch_size > n:
                continue
            yield Case(
                f"n={n} batch_size={batch_size} (sample_rate={batch_size / n:.4g}), seeded generator",
                lambda n=n, b=batch_size: cls(
                    num_samples=n, sample_rate=b / n, generator=torch.Generator().manual_seed(0)
                ),
                epochs=20,
            )
