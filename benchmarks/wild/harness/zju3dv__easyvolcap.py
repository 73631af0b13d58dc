"""zju3dv/EasyVolcap: volumetric video (neural rendering of multi-view video). Its data loader
(easyvolcap/dataloaders/volumetric_video_dataloader.py) builds a sampler from sampler_cfg
(RandomSampler by default; SequentialSampler, StreamSampler, IterationBasedRandomSampler),
a batch sampler over it from batch_sampler_cfg (BatchSampler by default, SameFrameBatchSampler,
ImageBasedBatchSampler), and wraps it in IterationBasedBatchSampler(batch_sampler, max_iter)
when max_iter != -1. A data set of n views x n latents (frames) is indexed view-major; the
samplers select views and frames by frame_sample / view_sample ([start, stop, step])."""

from wild.entry import Case, Project, sampler

_DATASETS = """\
class VolumetricVideoDataset:
    def __init__(self, views, latents):
        self.n_views = views
        self.n_latents = latents

    def __len__(self):
        return self.n_views * self.n_latents
"""

PROJECT = Project(
    name="zju3dv/EasyVolcap",
    source="github",
    ref="4cb3c000a31b8764834c79792b355f110d947e75",
    domain="neural rendering / volumetric video",
    # the registry, the console helpers and the data sets (cv2, the camera and image code)
    stubs={
        "easyvolcap.engine": (
            "class _Registry:\n    def register_module(self, *args, **kwargs):\n"
            "        return lambda cls: cls\n\n\nDATASAMPLERS = _Registry()\n"
        ),
        "easyvolcap.utils.console_utils": "",
        "easyvolcap.utils.base_utils": (
            "class dotdict(dict):\n    __getattr__ = dict.__getitem__\n    __setattr__ = dict.__setitem__\n"
        ),
        "easyvolcap.dataloaders.datasets.volumetric_video_dataset": _DATASETS,
        "easyvolcap.dataloaders.datasets.volumetric_video_inference_dataset": (
            "from .volumetric_video_dataset import VolumetricVideoDataset\n\n\n"
            "class VolumetricVideoInferenceDataset(VolumetricVideoDataset):\n    pass\n"
        ),
    },
    empty_init=(
        "easyvolcap",
        "easyvolcap.dataloaders",
        "easyvolcap.dataloaders.datasets",
        "easyvolcap.utils",
    ),
)

SHAPES = ((1, 1), (4, 10), (21, 150), (60, 1))  # views x frames
SELECTIONS = (([0, None, 1], [0, None, 1]), ([0, None, 2], [0, None, 1]), ([0, None, 1], [1, None, 3]))


def _dataset(views, latents):
    from easyvolcap.dataloaders.datasets.volumetric_video_dataset import VolumetricVideoDataset

    return VolumetricVideoDataset(views, latents)


def _plain(kind):
    def cases(cls, module):
        for views, latents in SHAPES:
            for frames, views_sel in SELECTIONS:
                if views_sel[0] >= views:
                    continue  # selects no view: an empty sampler
                yield Case(
                    f"{views} views x {latents} frames, frame_sample {frames}, view_sample {views_sel}",
                    lambda v=views, n=latents, f=frames, s=views_sel: cls(
                        _dataset(v, n), frame_sample=f, view_sample=s
                    ),
                    epochs=3 if kind == "random" else 1,
                )

    return cases


sampler(PROJECT, "easyvolcap/dataloaders/datasamplers.py", "RandomSampler")(_plain("random"))
sampler(PROJECT, "easyvolcap/dataloaders/datasamplers.py", "SequentialSampler")(_plain("sequential"))


@sampler(PROJECT, "easyvolcap/dataloaders/datasamplers.py", "StreamSampler")
def _(cls, module):
    for views, latents in SHAPES:
        yield Case(f"{views} views x {latents} frames", lambda v=views, n=latents: cls(_dataset(v, n)))


@sampler(PROJECT, "easyvolcap/dataloaders/datasamplers.py", "IterationBasedRandomSampler")
def _(cls, module):
    for views, latents in SHAPES:
        for samples, warmups in ((1, 100000), (500, 100000), (500, 100), (50, 0)):
            yield Case(
                f"{views} views x {latents} frames, num_samples {samples}, num_warmups {warmups}",
                lambda v=views, n=latents, s=samples, w=warmups: cls(_dataset(v, n), s, num_warmups=w),
            )


def _batched(cls, module, inner):
    for views, latents in SHAPES:
        for batch in (1, 4, 8):
            for drop_last in (False, True):
                yield Case(
                    f"{inner} over {views} views x {latents} frames, batch {batch}, drop_last={drop_last}",
                    lambda v=views, n=latents, b=batch, d=drop_last: cls(
                        getattr(module, inner)(_dataset(v, n)), b, d
                    ),
                )


for name, inner in (("BatchSampler", "RandomSampler"), ("SameFrameBatchSampler", "RandomSampler")):
    sampler(PROJECT, "easyvolcap/dataloaders/datasamplers.py", name)(
        lambda cls, module, inner=inner: _batched(cls, module, inner)
    )
sampler(PROJECT, "easyvolcap/dataloaders/datasamplers.py", "ImageBasedBatchSampler")(
    lambda cls, module: _batched(cls, module, "SequentialSampler")
)


@sampler(PROJECT, "easyvolcap/dataloaders/datasamplers.py", "IterationBasedBatchSampler")
def _(cls, module):
    for views, latents in SHAPES:
        for batch in (1, 8):
            for iters, start in ((1, 0), (500, 0), (500, 120), (37, 36)):
                yield Case(
                    f"{views} views x {latents} frames, batch {batch}, max_iter {iters}, start_iter {start}",
                    lambda v=views, n=latents, b=batch, i=iters, s=start: cls(
                        module.BatchSampler(module.RandomSampler(_dataset(v, n)), b, False), i, s
                    ),
                )
