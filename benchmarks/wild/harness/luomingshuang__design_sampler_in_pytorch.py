"""luomingshuang/Design_Sampler_in_Pytorch: an example of a custom sampler pair whose batches
each hold one label. CustomSampler yields the indices grouped by class; CustomBatchSampler cuts
them into batches of batch_size that never cross a class boundary (a short batch at each
boundary is kept, or dropped under drop_last). The example's dataset is 100 items with random
labels of 2 classes, batch 8, drop_last True and False."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="luomingshuang/Design_Sampler_in_Pytorch",
    source="github",
    ref="69705196f4f92987fed4182106ea2e2a580a9b56",
    domain="tutorial: class-grouped batches",
)

FILE = "design_sampler_example.py"


class _Labelled:
    """The example's Data as the samplers read it: len(), .num_classes and the .label tensor."""

    def __init__(self, n, classes, seed):
        import torch

        self.num_classes = classes
        self.label = torch.randint(0, classes, (n,), generator=torch.Generator().manual_seed(seed))

    def __len__(self):
        return len(self.label)


SIZES = ((100, 2), (7, 2), (64, 4), (300, 10), (20, 1))


@sampler(PROJECT, FILE, "CustomSampler")
def _(cls, module):
    yield Case("the example's Data (100 items, 2 classes)", lambda: cls(module.Data()), epochs=5)
    for n, classes in SIZES:
        yield Case(f"{n} items, {classes} classes", lambda n=n, c=classes: cls(_Labelled(n, c, n + c)))


@sampler(PROJECT, FILE, "CustomBatchSampler")
def _(cls, module):
    for drop_last in (True, False):
        yield Case(
            f"the example's Data (100 items, 2 classes), batch 8, drop_last={drop_last}",
            lambda d=drop_last: cls(module.CustomSampler(module.Data()), 8, d),
            epochs=10,
        )
        for n, classes in SIZES:
            for batch_size in (1, 8, 32):
                yield Case(
                    f"{n} items, {classes} classes, batch {batch_size}, drop_last={drop_last}",
                    lambda n=n, c=classes, b=batch_size, d=drop_last: cls(
                        module.CustomSampler(_Labelled(n, c, n + c)), b, d
                    ),
                )
