"""interactiveaudiolab/emphases: prosodic emphasis (word prominence) from speech audio.

emphases/data/sampler.py: the training/validation batch sampler, variable batch size under a
frame budget (MAX_TRAINING_FRAMES) within length buckets of the dataset (Dataset.buckets),
reshuffled by epoch through set_epoch.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="interactiveaudiolab/emphases",
    source="github",
    ref="25de3cbc7896c67d1925149efb427abd0d27f4da",
    domain="speech (prosody)",
    # The package __init__ configures yapecs and imports the model, training and plots; the
    # sampler reads only the configuration constants (defaults.py), which is what stays.
    stubs={
        "emphases": "from .config import defaults\nfrom .config.defaults import *\n",
        # defaults.py sizes its data loader workers by the GPUs it sees: none here.
        "GPUtil": "def getGPUs():\n    return []\n",
    },
    absent=("pypar", "torchaudio", "yapecs"),
    empty_init=("emphases.data",),
)


def _dataset(n, seed=0):
    """The project's Dataset with its utterance lengths in frames (10 ms hops: 1 to 15 s)."""
    from emphases.data.dataset import Dataset

    dataset = Dataset.__new__(Dataset)
    dataset.stems = [f"utt{i:05d}" for i in range(n)]
    dataset.lengths = [int(x) for x in np.random.RandomState(seed).randint(100, 1500, size=n)]
    dataset.frames = sum(dataset.lengths)
    return dataset


def _with_epoch(s, epoch):
    s.set_epoch(epoch)
    return s


@sampler(PROJECT, "emphases/data/sampler.py", "Sampler")
def _(cls, module):
    for n in (2, 9, 60, 400):
        yield Case(f"n={n} default max_frames", lambda n=n: cls(_dataset(n)))
        for max_frames in (3000, 20000):
            for epoch in (0, 3):
                yield Case(
                    f"n={n} max_frames={max_frames} set_epoch({epoch})",
                    lambda n=n, m=max_frames, e=epoch: _with_epoch(cls(_dataset(n), max_frames=m), e),
                )
