"""isl-org/Open3D-ML: 3D semantic segmentation of point clouds. The semantic-segmentation
pipeline (ml3d/torch/pipelines/semantic_segmentation.py) gives the DataLoader
`sampler=get_sampler(split.sampler)`: TorchSamplerWrapper, whose __iter__ is the wrapped
cloud sampler's get_cloud_sampler() and whose len() is the wrapped sampler's. The wrapped
ones (ml3d/datasets/samplers: SemSegRandomSampler, SemSegSpatiallyRegularSampler) have a
__len__ and no __iter__; TorchDataloader calls their initialize_with_dataloader(self), which
sets their length to its steps_per_epoch (the dataset's size when not configured). The
spatially regular sampler of a test split ends only once the pipeline's point sampler has
marked every cloud visited, so it is run on training and validation splits."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="isl-org/Open3D-ML",
    source="github",
    ref="5e81f52340c2ef40da9bb05065b5549c7d8ca49f",
    domain="3D point clouds",
    absent=("addict",),  # ml3d.utils.config's Dict; the samplers use only the registry
    empty_init=("ml3d.torch", "ml3d.torch.dataloaders", "ml3d.datasets"),
)


class _Split:
    """A dataset split as the cloud samplers read it: its split name, len() and, for the
    spatially regular one, each cloud's points."""

    def __init__(self, sizes, split):
        self.sizes = sizes
        self.split = split

    def __len__(self):
        return len(self.sizes)

    def get_attr(self, index):
        return {"name": f"cloud_{index}", "split": self.split}

    def get_data(self, index):
        return {"point": np.zeros((self.sizes[index], 3), dtype=np.float32)}


class _Loader:
    """What initialize_with_dataloader reads of a TorchDataloader with no cache and no
    preprocessing: len() (steps_per_epoch, or the split's size)."""

    cache_convert = None
    preprocess = None

    def __init__(self, split, steps_per_epoch):
        self.split = split
        self.steps_per_epoch = steps_per_epoch

    def __len__(self):
        return self.steps_per_epoch if self.steps_per_epoch is not None else len(self.split)


def _cloud_sampler(kind, clouds, split, steps):
    import ml3d.datasets.samplers as samplers

    data = _Split([100 + 37 * i for i in range(clouds)], split)
    made = getattr(samplers, kind)(data)
    made.initialize_with_dataloader(_Loader(data, steps))
    return made


@sampler(PROJECT, "ml3d/torch/dataloaders/torch_sampler.py", "TorchSamplerWrapper")
def _(cls, module):
    for kind, splits in (
        ("SemSegRandomSampler", ("train", "validation", "test")),
        ("SemSegSpatiallyRegularSampler", ("train", "validation")),
    ):
        for clouds in (1, 4, 23):
            for split in splits:
                for steps in (None, 10, 100):
                    yield Case(
                        f"{kind} of {clouds} clouds, split {split}, steps_per_epoch={steps}",
                        lambda k=kind, c=clouds, s=split, n=steps: cls(_cloud_sampler(k, c, s, n)),
                    )
