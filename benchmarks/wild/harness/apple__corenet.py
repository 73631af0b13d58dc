"""apple/corenet: vision training library (classification, detection, segmentation, video
classification). Its batch samplers (corenet/data/sampler), built by build_sampler from
the command-line options and passed to its DataLoader as `batch_sampler=`: fixed, multi-scale
and variable batch sizes over images, and their video forms (clips per video, variable
frames and size, clips per batch from the video's length), each with a DDP form reading the
world from torch.distributed. The options are the samplers' own argparse defaults
(their add_arguments), with the batch sizes, training mode and repeated augmentation set."""

import argparse

from wild.entry import Case, Project, not_run, sampler
from wild.standins import world as _world

PROJECT = Project(
    name="apple/corenet",
    source="github",
    ref="1aa3acd17b7b02ba51889b648b1182845c4323eb",
    domain="video understanding",
    root="",
    empty_init=("corenet.data",),  # imports the data loaders, datasets and transforms
)

SIZES = (10, 37, 100)


MODULES = (
    "base_sampler",
    "batch_sampler",
    "multi_scale_sampler",
    "variable_batch_sampler",
    "video_batch_sampler",
    "video_variable_seq_sampler",
    "video_clip_batch_sampler",
)


def _opts(batch, repeats=1, truncated=False):
    """The parsed defaults of the samplers' options, as add_sampler_arguments registers them
    (every sampler class's add_arguments once: a DDP form reads the options its plain form
    registers), with the per-GPU batch sizes and repeated augmentation set."""
    parser = argparse.ArgumentParser()
    seen = set()
    for name in MODULES:
        module = __import__(f"corenet.data.sampler.{name}", fromlist=["_"])
        for klass in vars(module).values():
            if (
                isinstance(klass, type)
                and klass.__module__ == module.__name__
                and "add_arguments" in vars(klass)
                and klass not in seen
            ):
                seen.add(klass)
                klass.add_arguments(parser)
    opts = parser.parse_args([])
    setattr(opts, "dataset.train_batch_size0", batch)
    setattr(opts, "dataset.val_batch_size0", batch)
    setattr(opts, "sampler.num_repeats", repeats)
    setattr(opts, "sampler.truncated_repeat_aug_sampler", truncated)
    return opts


def _video_metadata(index):
    """What a video dataset's get_item_metadata gives VideoClipBatchSampler: durations of a
    few seconds to a minute, 30 fps."""
    duration = 2.0 + (index * 7) % 45
    return {"video_duration": duration, "total_video_frames": int(duration * 30), "video_fps": 30}


def _cases(cls, module, ddp=False, variable=False, video_clip=False):
    settings = [(False, 1, False), (True, 1, False), (True, 2, False), (True, 3, True)]
    for n in SIZES:
        for batch in (1, 4, 8):
            for training, repeats, truncated in settings:
                worlds = ((2, 0), (2, 1), (4, 3)) if ddp else ((1, 0),)
                for world, rank in worlds:

                    def build(n=n, b=batch, t=training, r=repeats, tr=truncated, w=world, k=rank):
                        opts = _opts(b, r, tr)
                        kwargs = {"get_item_metadata": _video_metadata} if video_clip else {}
                        with _world(w, k):
                            s = cls(opts, n_data_samples=n, is_training=t, **kwargs)
                        s.set_epoch(1)
                        return s

                    config = (
                        f"n={n} batch={batch} training={training} num_repeats={repeats} truncated={truncated}"
                    )
                    if ddp:
                        config += f" world={world} rank={rank}"
                    # Variable batch sizes are drawn at random per batch: judged on the mean.
                    epochs = 20 if (variable and training) else 1
                    yield Case(config, build, epochs=epochs)


def _register(path, name, **flags):
    @sampler(PROJECT, path, name)
    def _(cls, module):
        yield from _cases(cls, module, **flags)


_register("corenet/data/sampler/batch_sampler.py", "BatchSampler")
_register("corenet/data/sampler/batch_sampler.py", "BatchSamplerDDP", ddp=True)
_register("corenet/data/sampler/multi_scale_sampler.py", "MultiScaleSampler", variable=True)
_register("corenet/data/sampler/multi_scale_sampler.py", "MultiScaleSamplerDDP", ddp=True, variable=True)
_register("corenet/data/sampler/variable_batch_sampler.py", "VariableBatchSampler", variable=True)
_register(
    "corenet/data/sampler/variable_batch_sampler.py", "VariableBatchSamplerDDP", ddp=True, variable=True
)
_register("corenet/data/sampler/video_batch_sampler.py", "VideoBatchSampler")
_register("corenet/data/sampler/video_batch_sampler.py", "VideoBatchSamplerDDP", ddp=True)
_register("corenet/data/sampler/video_variable_seq_sampler.py", "VideoVariableSeqSampler", variable=True)
_register(
    "corenet/data/sampler/video_variable_seq_sampler.py",
    "VideoVariableSeqSamplerDDP",
    ddp=True,
    variable=True,
)
_register(
    "corenet/data/sampler/video_clip_batch_sampler.py",
    "VideoClipBatchSampler",
    variable=True,
    video_clip=True,
)
_register(
    "corenet/data/sampler/video_clip_batch_sampler.py",
    "VideoClipBatchSamplerDDP",
    ddp=True,
    variable=True,
    video_clip=True,
)

not_run(
    PROJECT,
    "corenet/data/sampler/chain_sampler.py",
    "ChainSampler",
    "it builds its samplers through corenet's lazily loaded sampler registry from a YAML chain "
    "configuration (sampler.chain_sampler); not reproduced here",
)
