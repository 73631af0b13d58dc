"""jqorange/Rats-Behavior-Classification: rat behaviour classification from multi-modal
recordings (pose and sensor time series), windows grouped by recording session.

utils/samplers.py: SessionBatchSampler, batches drawn within one session at a time
(sessions and their windows shuffled each iteration when shuffle is on).
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="jqorange/Rats-Behavior-Classification",
    source="github",
    ref="514c926eaf8ed9921c1f65bff56bd8eb788985cd",
    domain="time series (behaviour classification)",
)


def _sessions(n_sessions, windows, seed=0):
    """The session name of every window (F3D5_outdoor-style names), sessions of varied lengths."""
    rng = random.Random(seed)
    names = []
    for s in range(n_sessions):
        names += [f"F{s % 7}D{s}_outdoor"] * rng.randint(1, windows)
    rng.shuffle(names)
    return names


@sampler(PROJECT, "utils/samplers.py", "SessionBatchSampler")
def _(cls, module):
    for n_sessions, windows in ((1, 5), (8, 40), (30, 500)):
        for batch_size in (1, 16, 128):
            for shuffle in (True, False):
                yield Case(
                    f"sessions={n_sessions} windows<={windows} batch_size={batch_size} shuffle={shuffle}",
                    lambda s=n_sessions, w=windows, b=batch_size, h=shuffle: cls(_sessions(s, w), b, shuffle=h),
                    repeat=2,
                )
