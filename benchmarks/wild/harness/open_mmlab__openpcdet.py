"""open-mmlab/OpenPCDet: 3D object detection from point clouds. The distributed sampler of
its build_dataloader (pcdet/datasets/__init__.py): torch's, with its own __iter__ (strided
shards, shuffling by epoch), len() inherited. Not run: see why."""

from wild.entry import Project, not_run

PROJECT = Project(
    name="open-mmlab/OpenPCDet",
    source="github",
    ref="8cacccec11db6f59bf6934600c9a175dae254806",
    domain="3D object detection",
    root="",
    absent=("PIL", "SharedArray"),
    empty_init=("pcdet",),  # imports pcdet.version, written by setup.py
)

not_run(
    PROJECT,
    "pcdet/datasets/__init__.py",
    "DistributedSampler",
    "its module is the package __init__ that imports every dataset, and they import the compiled "
    "CUDA ops (pcdet.ops.roiaware_pool3d.roiaware_pool3d_cuda ...): a module inside the project's "
    "own package, which a stub cannot stand in for (the stub's package would hide pcdet)",
)
