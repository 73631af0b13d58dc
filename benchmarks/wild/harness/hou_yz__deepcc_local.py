"""hou-yz/DeepCC-local: multi-camera multi-target tracking (re-identification features for
tracklet association). src/hyper_score/sampler.py's HyperScoreSampler draws, for one
spatial group per epoch (moving to the next group each time), up to num_instances detections
of every identity of that group. No dataset of this commit defines the attributes it reads
(its HyperFeat dataset indexes detections by spatial group and pid under other names), so
the cases give it a dataset of exactly those attributes: detections of identities in
spatial groups min_groupID..num_spatialGroup, pid -1 for unassigned detections."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="hou-yz/DeepCC-local",
    source="github",
    ref="d280f0aa0cee60fe30da07e5a62b55ec344da4c2",
    domain="multi-target tracking",
    root="src",
)


class _GroupedDetections:
    """`groups` spatial groups, each with 1-6 identities of 1-8 detections, and in every
    third group a few unassigned (-1) detections."""

    def __init__(self, groups, seed, first=1):
        rng = random.Random(seed)
        self.min_groupID = first
        self.num_spatialGroup = first + groups - 1
        self.index_pool_dic, self.pid_pool_dic = {}, {}
        index = 0
        for group in range(first, first + groups):
            by_pid, pids = {}, []
            owners = list(range(rng.randint(1, 6))) + ([-1] if group % 3 == 0 else [])
            for pid in owners:
                count = rng.randint(1, 8)
                by_pid[pid] = list(range(index, index + count))
                pids += [pid] * count
                index += count
            self.index_pool_dic[group] = by_pid
            self.pid_pool_dic[group] = np.array(pids)
        self.size = index

    def __len__(self):
        return self.size


@sampler(PROJECT, "src/hyper_score/sampler.py", "HyperScoreSampler")
def _(cls, module):
    for groups in (1, 3, 10):
        for first in (0, 1):
            for k in (1, 2, 4):
                yield Case(
                    f"{groups} spatial groups from {first}, num_instances={k}",
                    lambda g=groups, f=first, k=k: cls(_GroupedDetections(g, g * 10 + f, f), k),
                    repeat=3,
                )
