"""ShiqiYu/OpenGait: gait recognition (re-identification by gait). Its four samplers
(opengait/data/sampler.py), the `batch_sampler=` of BaseModel's loaders (trainer_cfg /
evaluator_cfg sampler type and batch_size: TripletSampler [P, K] e.g. [8, 16],
InferenceSampler 4 or 16 a batch, CommonSampler, BilateralSampler for GaitSSB). They ask
torch.distributed for the world size and rank and broadcast their random choices from
rank 0. The dataset (data/dataset.py DataSet) carries label_set, indices_dict and len()
= the number of sequences."""

import random

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import Ranked, ranks

PROJECT = Project(
    name="ShiqiYu/OpenGait",
    source="github",
    ref="0efafd4779f127fbce34f22aff301bd82e923da5",
    domain="re-identification",
    root="opengait",
)

PATH = "opengait/data/sampler.py"


class Sequences:
    """DataSet's attributes: CASIA-B-like, each subject with its walking sequences
    (types x views, some missing)."""

    def __init__(self, subjects, seed=0):
        rng = random.Random(seed)
        self.seqs_info = []
        for subject in range(subjects):
            for kind in ("nm-01", "nm-02", "bg-01", "cl-01"):
                for view in range(0, 181, 18):
                    if rng.random() < 0.8:
                        self.seqs_info.append([f"{subject:03d}", kind, f"{view:03d}", []])
        self.label_list = [info[0] for info in self.seqs_info]
        self.label_set = sorted(set(self.label_list))
        self.indices_dict = {label: [] for label in self.label_set}
        for i, info in enumerate(self.seqs_info):
            self.indices_dict[info[0]].append(i)

    def __len__(self):
        return len(self.seqs_info)


SUBJECTS = (2, 8, 20)


@sampler(PROJECT, PATH, "TripletSampler")
def _(cls, module):
    for subjects in SUBJECTS:
        data = Sequences(subjects, seed=subjects)
        for p, k in ((8, 16), (2, 4)):
            if p > subjects:
                continue
            for size, rank in ranks((1, 2, 4)):
                for shuffle in (False, True):
                    yield Case(
                        f"{subjects} subjects ({len(data)} sequences), P {p} x K {k}, shuffle={shuffle}, rank {rank} of {size}",
                        lambda d=data, b=[p, k], sh=shuffle, s=size, r=rank: Ranked(lambda: cls(d, b, sh), s, r),
                    )


@sampler(PROJECT, PATH, "InferenceSampler")
def _(cls, module):
    for subjects in SUBJECTS:
        data = Sequences(subjects, seed=subjects)
        for batch in (1, 4, 16):
            for size, rank in ranks((1, 2, 4)):
                if batch % size:
                    continue
                yield Case(
                    f"{subjects} subjects ({len(data)} sequences), batch {batch}, rank {rank} of {size}",
                    lambda d=data, b=batch, s=size, r=rank: Ranked(lambda: cls(d, b), s, r),
                )


@sampler(PROJECT, PATH, "CommonSampler")
def _(cls, module):
    for subjects in SUBJECTS:
        data = Sequences(subjects, seed=subjects)
        for batch in (4, 32):
            for size, rank in ranks((1, 2, 4)):
                yield Case(
                    f"{subjects} subjects ({len(data)} sequences), batch {batch}, rank {rank} of {size}",
                    lambda d=data, b=batch, s=size, r=rank: Ranked(lambda: cls(d, b, True), s, r),
                )


@sampler(PROJECT, PATH, "BilateralSampler")
def _(cls, module):
    for subjects in SUBJECTS:
        data = Sequences(subjects, seed=subjects)
        for p, k in ((8, 4), (2, 2)):
            for size, rank in ranks((1, 2, 4)):
                yield Case(
                    f"{subjects} subjects ({len(data)} sequences), P {p} x K {k}, rank {rank} of {size}",
                    lambda d=data, b=[p, k], s=size, r=rank: Ranked(lambda: cls(d, b), s, r),
                )
