"""bytedance/piano_transcription: high-resolution piano transcription (MAESTRO).
utils/data_generator.py: Sampler, endless training batches of (year, hdf5 name, start time)
segments drawn from a seeded shuffle of every `hop_seconds` start of every piece of a split;
TestSampler, the first 20 such batches for evaluation. Both have `__len__` return -1.
pytorch/main.py builds them over the folder of packed MAESTRO hdf5s with segment_seconds 10,
hop_seconds 1 and the batch size (12 in its script).

h5py is not installed: its stand-in reads a packed piece's attributes (split, year, duration)
from the file as JSON, and the cases write such files for MAESTRO-like pieces."""

import json
import os
import random
import tempfile

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="bytedance/piano_transcription",
    source="github",
    ref="1ade7dcd4348add669a67c6e6282456c8c6633bd",
    domain="audio: piano transcription (segment samplers)",
    root="utils",
    stubs={
        "h5py": (
            "import json\n"
            "class File:\n"
            "    def __init__(self, path, mode='r'):\n"
            "        with open(path) as f:\n"
            "            meta = json.load(f)\n"
            "        self.attrs = {k: v.encode() if isinstance(v, str) else v for k, v in meta.items()}\n"
            "    def __enter__(self):\n"
            "        return self\n"
            "    def __exit__(self, *exc):\n"
            "        return False\n"
        ),
    },
    # audio and MIDI libraries of the dataset and the utilities, not read by the samplers
    absent=("soundfile", "librosa", "audioread", "pandas", "mido", "sox"),
)


def _hdf5s(pieces, seed=0):
    """A folder of packed pieces: a third validation/test, durations of 60..900 s."""
    folder = os.path.join(tempfile.gettempdir(), f"wild_maestro_hdf5s_{pieces}_{seed}")  # one per shape
    if os.path.isdir(folder):
        return folder
    rng = random.Random(seed)
    for i in range(pieces):
        year = str(rng.choice((2004, 2006, 2008, 2009, 2011, 2013, 2014, 2015, 2017, 2018)))
        split = ("train", "train", "validation", "train", "test", "train")[i % 6]
        os.makedirs(os.path.join(folder, year), exist_ok=True)
        with open(os.path.join(folder, year, f"MIDI-Unprocessed_{i:03d}_wav.h5"), "w") as f:
            json.dump({"split": split, "year": year, "duration": rng.uniform(60, 900)}, f)
    return folder


def _cases(cls):
    for pieces in (6, 30):
        for split in ("train", "validation", "test"):
            for batch_size in (1, 12):
                for mini_data in (False, True):
                    yield Case(
                        f"pieces={pieces} split={split} segment_seconds=10 hop_seconds=1 "
                        f"batch_size={batch_size} "
                        f"mini_data={mini_data}",
                        lambda p=pieces, s=split, b=batch_size, m=mini_data: cls(
                            hdf5s_dir=_hdf5s(p),
                            split=s,
                            segment_seconds=10.0,
                            hop_seconds=1.0,
                            batch_size=b,
                            mini_data=m,
                        ),
                    )


@sampler(PROJECT, "utils/data_generator.py", "Sampler")
def _(cls, module):
    yield from _cases(cls)


@sampler(PROJECT, "utils/data_generator.py", "TestSampler")
def _(cls, module):
    yield from _cases(cls)
