"""galatolofederico/pytorch-balanced-batch: oversamples every class up to the largest one and
yields the classes in turn, for imbalanced classification."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="galatolofederico/pytorch-balanced-batch",
    source="github",
    ref="f477aa8b760f9d6ab7d913dcd0dcc52129de9ac6",
    domain="imbalanced classification: class-balanced oversampling",
    absent=("torchvision",),
)


@sampler(PROJECT, "sampler.py", "BalancedBatchSampler")
def _(cls, module):
    import torch

    # example.py: labels drawn with class probabilities [0.1, 0.4, 0.5], passed as a tensor
    for size, probs in ((20, (0.1, 0.4, 0.5)), (7, (0.5, 0.5)), (200, (0.05, 0.15, 0.3, 0.5)), (64, (0.9, 0.1))):
        def build(size=size, probs=probs):
            g = torch.Generator().manual_seed(size)
            labels = torch.multinomial(torch.tensor(probs), size, replacement=True, generator=g)
            dataset = torch.utils.data.TensorDataset(torch.randn(size, 5), labels)
            return cls(dataset, labels)

        yield Case(f"size={size} class probabilities={probs}", build, repeat=2)
