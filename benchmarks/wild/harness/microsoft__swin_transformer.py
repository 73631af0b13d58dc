"""microsoft/Swin-Transformer: image classification. data/build.py, with the zipped
ImageNet cached on each rank's part (ZIP_MODE, CACHE_MODE 'part'), gives
SubsetRandomSampler(indices) as the training `sampler=`, indices = np.arange(rank, len,
world): the rank's strided share, shuffled each epoch; main.py calls set_epoch."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="microsoft/Swin-Transformer",
    source="github",
    ref="f82860bfb5225915aca09c3227159ee9e1df874d",
    domain="image classification",
    empty_init=("data",),  # build.py imports timm and torchvision
)


@sampler(PROJECT, "data/samplers.py", "SubsetRandomSampler")
def _(cls, module):
    for n in (1, 7, 100, 1281):
        for world in (1, 2, 4, 8):
            for rank in range(world):
                for epoch in (0, 1):

                    def build(n=n, w=world, r=rank, e=epoch):
                        made = cls(np.arange(r, n, w))
                        made.set_epoch(e)
                        return made

                    yield Case(f"n={n} world={world} rank={rank} epoch={epoch}", build)
