"""tdrussell/diffusion-pipe: a pipeline-parallel trainer of diffusion models (image and video,
aspect-ratio and frame buckets). Resuming from a checkpoint, PipelineDataLoader recreates its
DataLoader (batch_size=None, over a data set that yields whole micro-batches) with
SkipFirstNSampler(num_batches_pulled - 1, len(dataset)) as `sampler=`, so the first epoch
after the resume starts where the saved one stopped."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="tdrussell/diffusion-pipe",
    source="github",
    ref="8f83dbf25d03219df705570ec03e62be04bc402f",
    domain="diffusion model training",
    # utils/common.py iterates imageio.config.video_extensions at import (an absent
    # stand-in would iterate forever): a stand-in with none.
    stubs={"imageio": "class config:\n    video_extensions = []\n"},
    absent=("deepspeed", "datasets", "PIL", "multiprocess", "tqdm", "comfy_api", "comfy", "safetensors"),
)


@sampler(PROJECT, "utils/dataset.py", "SkipFirstNSampler")
def _(cls, module):
    for length in (1, 9, 120, 1001):
        for skip in sorted({0, 1, length // 3, length - 1, length}):
            yield Case(
                f"{length} batches in the data set, resumed after {skip}",
                lambda n=skip, total=length: cls(n, total),
            )
