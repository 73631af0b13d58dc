"""titania7777/Pytorch_Sampler: few-shot image classification (miniImageNet). train.py gives
CategoriesSampler(dataset, 100 or 200, batch_size, repeat=False) as `batch_sampler=`:
iter_size batches of batch_size episodes, each `way` classes x (shot + query) images, read
from the dataset's way, shot, query and `labels` (a tensor of 0..C-1)."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="titania7777/Pytorch_Sampler",
    source="github",
    ref="991ceef7da93636fbc386ec6759ae93659191982",
    domain="few-shot learning",
    absent=("PIL", "torchvision", "sklearn"),  # MiniImageNet.py's image pipeline and split helper
)


class _MiniImageNet:
    """What the sampler reads of the MiniImageNet dataset: the episode shape and labels."""

    def __init__(self, classes, per_class, way, shot, query):
        self.way, self.shot, self.query = way, shot, query
        self.labels = torch.tensor(
            [float(c) for c in range(classes) for _ in range(per_class)], dtype=torch.float64
        )

    def __len__(self):
        return len(self.labels)


@sampler(PROJECT, "MiniImageNet.py", "CategoriesSampler")
def _(cls, module):
    for classes, per_class in ((64, 30), (16, 25), (5, 20)):
        for way, shot, query in ((5, 1, 15), (5, 5, 15)):
            data = _MiniImageNet(classes, per_class, way, shot, query)
            for iterations, batch in ((100, 4), (200, 1), (7, 3)):
                for repeat in (False, True):
                    yield Case(
                        f"{classes} classes x {per_class}, {way}-way {shot}-shot {query} queries, "
                        f"{iterations} iterations of {batch} episodes, repeat={repeat}",
                        lambda d=data, i=iterations, b=batch, r=repeat: cls(d, i, b, repeat=r),
                    )
