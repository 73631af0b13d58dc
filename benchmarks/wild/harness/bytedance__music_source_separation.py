"""bytedance/music_source_separation: music source separation (vocals / accompaniment) with
UNets / ResUNets, Lightning. bytesep/data/samplers.py: SegmentSampler, batches of segment
metadata drawn source by source from the packed-HDF5 indexes (mix-audio augmentation, reshuffled
when a source runs out), endlessly, its len() the configured steps_per_epoch ("every 10000
steps is called an epoch"); DistributedSamplerWrapper, each rank's slice of those batches,
its world from torch.distributed. train.py builds the first from the indexes pickle with the
config's batch size (16), steps per epoch (10000) and augmentations."""

import os
import pickle
import random
import tempfile

from realcode.recipes import gloo
from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="bytedance/music_source_separation",
    source="github",
    ref="e64b858cd14c3cc974826c51390399eef623dd2a",
    domain="audio: music source separation (endless segment batches)",
    empty_init=("bytesep",),  # imports the models and the separator (torchlibrosa, h5py, ...)
)

PATH = "bytesep/data/samplers.py"


def _indexes(sources, segments, seed=0):
    """The indexes pickle of create_indexes: per source, segments of packed songs."""
    rng = random.Random(seed)
    meta = {source: [{"hdf5_path": f"hdf5s/musdb18/train/song{rng.randint(0, 99)}.h5", "key_in_hdf5": source,
                      "begin_sample": 44100 * i, "end_sample": 44100 * (i + 3)} for i in range(segments)]
            for source in sources}
    path = os.path.join(tempfile.mkdtemp(prefix="bytesep-"), "train.pkl")
    with open(path, "wb") as f:
        pickle.dump(meta, f)
    return path


CONFIGS = (
    # input sources, target sources, remixing, mixaudio
    (["vocals", "accompaniment"], ["vocals"], True, {"vocals": 2, "accompaniment": 2}),
    (["vocals", "bass", "drums", "other"], ["vocals", "bass", "drums", "other"], False, {}),
)


def _sampler(cls, config, segments, batch_size, steps):
    inputs, targets, remixing, mixaudio = config
    return cls(indexes_dict_path=_indexes(set(inputs) | set(targets), segments), input_source_types=inputs,
               target_source_types=targets, segment_samples=132300, remixing_sources=remixing,
               mixaudio_dict=dict(mixaudio), batch_size=batch_size, steps_per_epoch=steps)


def _world_of_one():
    gloo()


@sampler(PROJECT, PATH, "SegmentSampler")
def _(cls, module):
    for config in CONFIGS:
        for segments in (10, 500):
            for batch_size, steps in ((16, 50), (4, 10), (1, 3)):
                yield Case(
                    f"sources={config[0]} segments={segments} batch_size={batch_size} steps_per_epoch={steps}",
                    lambda c=config, s=segments, b=batch_size, k=steps: _sampler(cls, c, s, b, k),
                )


@sampler(PROJECT, PATH, "DistributedSamplerWrapper")
def _(cls, module):
    def build(config, segments, batch_size, steps):
        _world_of_one()
        return cls(_sampler(module.SegmentSampler, config, segments, batch_size, steps))

    for config in CONFIGS:
        for batch_size, steps in ((16, 50), (4, 10)):
            yield Case(
                f"SegmentSampler(sources={config[0]} segments=500 batch_size={batch_size} steps_per_epoch={steps}) "
                "world of 1",
                lambda c=config, b=batch_size, k=steps: build(c, 500, b, k),
            )
