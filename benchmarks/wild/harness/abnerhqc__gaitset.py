"""AbnerHqC/GaitSet: gait recognition (re-identification by gait). TripletSampler(
train_source, batch_size) is the `batch_sampler=` of model/model.py's training loader
(batch_size (P, K) = (8, 16) in config.py). Its DataSet (model/utils/data_set.py) carries
label_set, data_size and index_dict, an xarray DataArray label x seq_type x view of
sequence indices (-1 where a sequence is missing); the sampler reads
index_dict.loc[pid, :, :].values."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="AbnerHqC/GaitSet",
    source="github",
    ref="5535943428b66415530d8379b648b8f74a294219",
    domain="re-identification",
    empty_init=("model", "model.utils"),
)


class _Values:
    def __init__(self, values):
        self.values = values


class _Loc:
    def __init__(self, table):
        self.table = table

    def __getitem__(self, key):
        return _Values(self.table[key[0]])


class _IndexDict:
    """What the sampler uses of the DataArray: .loc[label, :, :].values."""

    def __init__(self, table):
        self.loc = _Loc(table)


class Sequences:
    def __init__(self, subjects, seed=0):
        rng = random.Random(seed)
        types, views = 10, 11
        self.label = []
        table = {}
        for subject in range(subjects):
            pid = f"{subject + 1:03d}"
            grid = np.zeros((types, views), dtype=int) - 1
            for t in range(types):
                for v in range(views):
                    if rng.random() < 0.9:
                        grid[t, v] = len(self.label)
                        self.label.append(pid)
            table[pid] = grid
        self.data_size = len(self.label)
        self.label_set = set(self.label)
        self.index_dict = _IndexDict(table)

    def __len__(self):
        return self.data_size


@sampler(PROJECT, "model/utils/sampler.py", "TripletSampler")
def _(cls, module):
    for subjects in (8, 20):
        data = Sequences(subjects, seed=subjects)
        for p, k in ((8, 16), (4, 8)):
            yield Case(f"{subjects} subjects ({data.data_size} sequences), P {p} x K {k}", lambda d=data, b=(p, k): cls(d, b))
