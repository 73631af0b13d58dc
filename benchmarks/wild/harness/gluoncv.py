"""gluoncv (PyPI): object detection and video action recognition, its PyTorch part
(gluoncv/torch). The detection samplers adapted from detectron2 and the multigrid batch
sampler of video classification (gluoncv/torch/data/video_cls/dataset_classification.py
passes it as `batch_sampler=` when a long or short cycle is on)."""


from wild.entry import Case, Project, not_run, sampler
from wild.standins import world as _world

PROJECT = Project(
    name="gluoncv",
    source="pypi",
    ref="0.10.5.post0",
    domain="object detection",
    root="",
    # package __init__s import the model zoo, mxnet checks, decord, etc.
    empty_init=(
        "gluoncv",
        "gluoncv.torch",
        "gluoncv.torch.data",
        "gluoncv.torch.data.detection",
        "gluoncv.torch.data.detection.samplers",
        "gluoncv.torch.utils",
    ),
)


@sampler(PROJECT, "gluoncv/torch/data/detection/samplers/distributed_sampler.py", "InferenceSampler")
def _(cls, module):
    for n in (1, 2, 5, 10, 23, 64):
        for world in (1, 2, 3, 4):
            for rank in range(world):

                def build(n=n, w=world, k=rank):
                    with _world(w, k):
                        return cls(n)

                yield Case(f"size={n} world={world} rank={rank}", build)


not_run(
    PROJECT,
    "gluoncv/torch/data/detection/samplers/grouped_batch_sampler.py",
    "GroupedBatchSampler",
    "its __len__ raises NotImplementedError by design (len() is not defined for it)",
)

not_run(
    PROJECT,
    "gluoncv/torch/data/video_cls/multigrid_helper.py",
    "MultiGridBatchSampler",
    "its module imports torch._six (gone since torch 2.0) and a harness cannot stand in for a "
    "submodule of the installed torch; a scratch run with torch._six faked showed len() != batches "
    "when only the long cycle is on (len() sums the short-cycle scales its __iter__ does not use)",
)
