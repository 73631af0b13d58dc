"""neuro-galaxy/torch_brain: deep learning on neural recordings (spikes, calcium, EEG time
series), POYO-style models.

torch_brain/data/sampler.py, at the last commit before its samplers moved to
torch_brain.samplers (#217, which fixed the rank length of the evaluation wrapper):
fixed-length windows drawn with random jitter (RandomFixedWindowSampler) or in order
(SequentialFixedWindowSampler), whole trials (TrialSampler), an evaluation wrapper dealing
any sampler's indices round-robin over ranks without dropping any
(DistributedEvaluationSamplerWrapper), and windows kept per rank for stitching
(DistributedStitchingFixedWindowSampler).
"""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="neuro-galaxy/torch_brain",
    source="github",
    ref="6183fb6b05789491a6a3c3e4202584376b036ab8",
    domain="time series (neural recordings)",
    stubs={
        # torch_brain's package and its dataset package import the models, h5py and
        # temporaldata's readers; the samplers take DatasetIndex (a recording id and a
        # time window) from the latter. The package stand-in extends its __path__ to the tree.
        "torch_brain": "",
        "torch_brain.dataset": (
            "from typing import NamedTuple\n\n\nclass DatasetIndex(NamedTuple):\n"
            "    recording_id: str\n    start: float\n    end: float\n"
        ),
        # temporaldata.Interval: what the samplers read of it, arrays of starts and ends, len()
        "temporaldata": (
            "import numpy as np\n\n\nclass Interval:\n"
            "    def __init__(self, start, end):\n"
            "        self.start = np.atleast_1d(np.asarray(start, dtype=np.float64))\n"
            "        self.end = np.atleast_1d(np.asarray(end, dtype=np.float64))\n\n"
            "    def __len__(self):\n        return len(self.start)\n"
        ),
    },
    empty_init=("torch_brain.data",),  # imports collate and the datasets
)


def _intervals(sessions, seed=0):
    """Trial/segment intervals (seconds) per recording session, of uneven lengths."""
    from temporaldata import Interval

    rng = random.Random(seed)
    out = {}
    for s in range(sessions):
        starts, ends, t = [], [], 0.0
        for _ in range(rng.randint(1, 6)):
            t += rng.uniform(0.1, 2.0)
            length = rng.uniform(1.0, 25.0)
            starts.append(t)
            ends.append(t + length)
            t += length
        out[f"session_{s}"] = Interval(starts, ends)
    return out


WINDOWS = (1.0, 0.5, 3.3)


@sampler(PROJECT, "torch_brain/data/sampler.py", "RandomFixedWindowSampler")
def _(cls, module):
    for sessions in (1, 3, 10):
        for window in WINDOWS:
            yield Case(
                f"sessions={sessions} window_length={window}",
                lambda s=sessions, w=window: cls(sampling_intervals=_intervals(s), window_length=w),
                epochs=20,
            )


@sampler(PROJECT, "torch_brain/data/sampler.py", "SequentialFixedWindowSampler")
def _(cls, module):
    for sessions in (1, 3, 10):
        for window in WINDOWS:
            for step in (None, 0.25):
                yield Case(
                    f"sessions={sessions} window_length={window} step={step} drop_short=True",
                    lambda s=sessions, w=window, st=step: cls(
                        sampling_intervals=_intervals(s), window_length=w, step=st, drop_short=True
                    ),
                )


@sampler(PROJECT, "torch_brain/data/sampler.py", "TrialSampler")
def _(cls, module):
    for sessions in (1, 3, 10):
        for shuffle in (False, True):
            yield Case(
                f"sessions={sessions} shuffle={shuffle}",
                lambda s=sessions, sh=shuffle: cls(sampling_intervals=_intervals(s), shuffle=sh),
            )


@sampler(PROJECT, "torch_brain/data/sampler.py", "DistributedEvaluationSamplerWrapper")
def _(cls, module):
    seq = module.SequentialFixedWindowSampler
    for sessions in (1, 3, 10):
        for window in (1.0, 3.3):
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    yield Case(
                        f"SequentialFixedWindowSampler sessions={sessions} window_length={window} "
                        f"num_replicas={world} rank={rank}",
                        lambda s=sessions, w=window, n=world, r=rank: cls(
                            seq(sampling_intervals=_intervals(s), window_length=w, drop_short=True),
                            num_replicas=n,
                            rank=r,
                        ),
                    )


@sampler(PROJECT, "torch_brain/data/sampler.py", "DistributedStitchingFixedWindowSampler")
def _(cls, module):
    for sessions in (1, 3, 10):
        for window, step in ((1.0, None), (3.3, 1.1)):
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    yield Case(
                        f"sessions={sessions} window_length={window} step={step} num_replicas={world} rank={rank}",
                        lambda s=sessions, w=window, st=step, n=world, r=rank: cls(
                            sampling_intervals=_intervals(s),
                            window_length=w,
                            step=st,
                            batch_size=16,
                            num_replicas=n,
                            rank=r,
                        ),
                    )
