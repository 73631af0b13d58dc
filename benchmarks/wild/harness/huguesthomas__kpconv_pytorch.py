"""HuguesTHOMAS/KPConv-PyTorch: point cloud classification and segmentation (Kernel Point
Convolutions). Every train_*.py passes its data set's sampler as `sampler=` of a DataLoader
with batch_size=1 (a batch is one stacked point cloud). ModelNet40Sampler(dataset,
balance_labels=True) yields arrays of object indices packed under batch_limit points; the
scene samplers (S3DIS, NPM3D, SensatUrban, Toronto3D, SemanticKITTI) yield 0..N-1, N =
config.epoch_steps in training and config.validation_size otherwise, after drawing the epoch's
sphere centres into the data set (random ones when use_potentials is off, or, for
SemanticKITTI, frames by potential). The data sets are stand-ins with the attributes the
samplers read, shaped as the project's data sets build them (ignored labels, num_classes of
the config = label values minus ignored ones, epoch_inds of epoch_steps x batch_num centres)."""

import numpy as np
import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="HuguesTHOMAS/KPConv-PyTorch",
    source="github",
    ref="d19c575d3fa9fcfd5a74845b5b27aac7e50472c7",
    domain="3D point clouds",
    stubs={
        # datasets/common.py loads the compiled cpp_wrappers (subsampling, neighbours)
        "datasets.common": (
            "from torch.utils.data import Dataset as PointCloudDataset\n\n\n"
            "def grid_subsampling(points, features=None, labels=None, sampleDl=0.1, verbose=0):\n"
            "    raise NotImplementedError\n"
        ),
        "utils.mayavi_visu": "",  # mayavi, for the debugging views
    },
    absent=("sklearn",),
)


class Config:
    def __init__(self, **values):
        self.__dict__.update(values)


class Objects:
    """ModelNet40Dataset as its sampler reads it."""

    def __init__(self, models, classes, epoch_n, seed):
        rng = np.random.RandomState(seed)
        self.label_values = np.arange(classes)
        self.num_classes = classes
        self.input_labels = np.sort(rng.randint(0, classes, size=models))
        self.input_labels[:classes] = np.arange(classes)  # every class has an object
        self.num_models = models
        self.epoch_n = epoch_n
        self.input_points = [np.zeros((rng.randint(800, 3000), 3), np.float32) for _ in range(models)]


class Scenes:
    """A scene data set (S3DIS, NPM3D, SensatUrban, Toronto3D) as its sampler reads it."""

    def __init__(self, split, steps, validation, batch_num, potentials, labels, ignored, seed):
        rng = np.random.RandomState(seed)
        self.set = split
        self.use_potentials = potentials
        self.label_values = np.arange(labels)
        self.ignored_labels = np.array(ignored)
        self.label_names = [f"class{i}" for i in range(labels)]
        self.config = Config(
            epoch_steps=steps,
            validation_size=validation,
            batch_num=batch_num,
            num_classes=labels - len(ignored),
        )
        self.input_labels = [rng.randint(0, labels, size=rng.randint(2000, 6000)) for _ in range(3)]
        n = steps if split == "training" else validation
        self.epoch_i = torch.from_numpy(np.zeros((1,), dtype=np.int64))
        self.epoch_inds = torch.from_numpy(np.zeros((2, n * batch_num), dtype=np.int64))


class Frames:
    """SemanticKittiDataset (balance_classes off) as its sampler reads it."""

    def __init__(self, split, steps, validation, batch_num, frames, seed):
        rng = np.random.RandomState(seed)
        self.set = split
        self.balance_classes = False
        self.config = Config(epoch_steps=steps, validation_size=validation, batch_num=batch_num)
        n = (steps if split == "training" else validation) * batch_num
        self.potentials = torch.from_numpy(rng.rand(frames) * 0.1 + 0.1)
        self.epoch_i = torch.from_numpy(np.zeros((1,), dtype=np.int64))
        self.epoch_inds = torch.from_numpy(np.zeros((n,), dtype=np.int64))
        self.epoch_labels = torch.from_numpy(np.zeros((n,), dtype=np.int32))


@sampler(PROJECT, "datasets/ModelNet40.py", "ModelNet40Sampler")
def _(cls, module):
    for models, epoch_n in ((50, 20), (300, 300), (120, 500)):
        data = Objects(models, 10 if models < 100 else 40, epoch_n, models)
        for potential in (True, False):
            for balance in (True, False):
                yield Case(
                    f"{models} objects, epoch_n {epoch_n}, use_potential={potential}, "
                    f"balance_labels={balance}",
                    lambda d=data, p=potential, b=balance: cls(d, use_potential=p, balance_labels=b),
                    epochs=3,
                )


SCENES = {  # file, class: (label values, ignored labels)
    ("datasets/S3DIS.py", "S3DISSampler"): (13, []),
    ("datasets/NPM3D.py", "NPM3DSampler"): (10, [0]),
    ("datasets/SensatUrban.py", "SensatUrbanSampler"): (13, []),
    ("datasets/Toronto3D.py", "Toronto3DSampler"): (9, [0]),
}


def _scene_cases(labels, ignored):
    def cases(cls, module):
        for split in ("training", "validation"):
            for steps, validation, batch_num in ((500, 50, 6), (7, 3, 2), (1, 1, 1)):
                for potentials in (True, False):
                    yield Case(
                        f"{split}, epoch_steps {steps}, validation_size {validation}, batch_num {batch_num}, "
                        f"use_potentials={potentials}",
                        lambda s=split, e=steps, v=validation, b=batch_num, p=potentials: cls(
                            Scenes(s, e, v, b, p, labels, ignored, seed=e + b)
                        ),
                        epochs=2,
                    )

    return cases


for (path, name), (labels, ignored) in SCENES.items():
    sampler(PROJECT, path, name)(_scene_cases(labels, ignored))


@sampler(PROJECT, "datasets/SemanticKitti.py", "SemanticKittiSampler")
def _(cls, module):
    for split in ("training", "validation"):
        for steps, validation, batch_num, frames in ((500, 50, 10, 4541), (7, 3, 2, 5)):
            yield Case(
                f"{split}, epoch_steps {steps}, validation_size {validation}, batch_num {batch_num}, "
                f"{frames} frames",
                lambda s=split, e=steps, v=validation, b=batch_num, f=frames: cls(
                    Frames(s, e, v, b, f, seed=f)
                ),
                epochs=2,
            )
