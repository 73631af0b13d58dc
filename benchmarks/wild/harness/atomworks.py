"""atomworks (PyPI, RosettaCommons): data toolkit for biomolecular foundation models (AF3-style).

ml/samplers.py: the AF3-style mixture of weighted cluster samplers over a ConcatDataset
(DistributedMixedSampler, its single-process MixedSampler), a sampler pairing each index
with fallback indices (FallbackSamplerWrapper), an inverse-CDF weighted sampler
(LazyWeightedRandomSampler) and a validation DistributedSampler that deals the largest
examples round-robin (LoadBalancedDistributedSampler).
"""

import contextlib

import numpy as np
import torch
from torch.utils.data import WeightedRandomSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="atomworks",
    source="pypi",
    ref="3.0.4",
    domain="biology (proteins, structures)",
    stubs={
        # toolz.accumulate(binop, seq): running reduction, as itertools.accumulate
        # (toolz keeps it in toolz.itertoolz and re-exports it).
        "toolz": "from .itertoolz import accumulate\n",
        "toolz.itertoolz": "import itertools\n\n\ndef accumulate(binop, seq, initial=None):\n"
        "    return itertools.accumulate(seq, binop)\n",
        # only named in annotations of the module's data-frame helpers
        "pandas": "class DataFrame:\n    pass\n\n\nclass Series:\n    pass\n",
        "pyarrow": "class Table:\n    pass\n",
    },
    empty_init=("atomworks",),  # the package __init__ pins and imports biotite
)


class _Frame:
    """A dataset of PDB examples as atomworks holds them: rows of a data frame."""

    def __init__(self, n, seed=0):
        rng = np.random.default_rng(seed)
        self.data = {"n_tokens": [int(x) for x in rng.integers(20, 1500, n)]}

    def __len__(self):
        return len(self.data["n_tokens"])


def _cluster_sampler(n, seed):
    # atomworks' cluster samplers: WeightedRandomSampler(1 / cluster size, replacement=True).
    rng = np.random.default_rng(seed)
    return WeightedRandomSampler(torch.tensor(1.0 / rng.integers(1, 9, n)), num_samples=n, replacement=True)


def _info(sizes, probabilities, module, nested=False):
    infos = []
    for i, (n, p) in enumerate(zip(sizes, probabilities)):
        ds = _Frame(n, seed=i)
        infos.append({"sampler": _cluster_sampler(n, i), "dataset": ds, "probability": p})
    if nested:
        # the docstring's tree: a MixedSampler as one child of the distributed one
        inner = [
            {"sampler": _cluster_sampler(40, 7), "dataset": _Frame(40, 7), "probability": 0.9},
            {"sampler": module.LazyWeightedRandomSampler(torch.ones(9), 9), "dataset": _Frame(9, 8), "probability": 0.1},
        ]
        mixed = module.MixedSampler(inner, n_examples_per_epoch=None)
        infos.append({"sampler": mixed, "dataset": torch.utils.data.ConcatDataset([_Frame(40), _Frame(9)]), "probability": 0.2})
    return infos


MIXES = [
    ((60,), (1.0,), False),
    ((100, 30), (0.8, 0.2), False),
    ((50, 17, 200), (0.5, 0.3, 0.2), False),
    ((120,), (0.8,), True),
]


@sampler(PROJECT, "atomworks/ml/samplers.py", "DistributedMixedSampler")
def _(cls, module):
    for sizes, probs, nested in MIXES:
        for n_epoch in (7, 20, 101, 250):
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    for drop_last in (True, False):
                        yield Case(
                            f"datasets={sizes} p={probs} nested={nested} n_examples={n_epoch} "
                            f"replicas={world} rank={rank} drop_last={drop_last}",
                            lambda s=sizes, p=probs, ne=nested, k=n_epoch, w=world, r=rank, d=drop_last: cls(
                                _info(s, p, module, ne), w, r, k, shuffle=True, drop_last=d
                            ),
                            repeat=2,
                        )


@sampler(PROJECT, "atomworks/ml/samplers.py", "MixedSampler")
def _(cls, module):
    for sizes, probs, nested in MIXES:
        for n_epoch in (5, 33, 128):
            for shuffle in (True, False):
                yield Case(
                    f"datasets={sizes} p={probs} nested={nested} n_examples={n_epoch} shuffle={shuffle}",
                    lambda s=sizes, p=probs, ne=nested, k=n_epoch, sh=shuffle: cls(_info(s, p, module, ne), k, sh),
                    repeat=2,
                )


@sampler(PROJECT, "atomworks/ml/samplers.py", "FallbackSamplerWrapper")
def _(cls, module):
    for n in (1, 9, 64, 300):
        for retries in (1, 2, 4):
            yield Case(
                f"RandomSampler n={n} fallback=cluster sampler retries={retries}",
                lambda n=n, k=retries: cls(torch.utils.data.RandomSampler(range(n)), _cluster_sampler(50, 3), k),
            )


@sampler(PROJECT, "atomworks/ml/samplers.py", "LazyWeightedRandomSampler")
def _(cls, module):
    for n, k, buf in ((10, 10, 1), (10, 37, 8), (500, 64, 16), (3, 100, 128)):
        yield Case(
            f"weights={n} num_samples={k} prefetch={buf}",
            lambda n=n, k=k, b=buf: cls(torch.rand(n) + 0.01, k, prefetch_buffer_size=b),
        )


@sampler(PROJECT, "atomworks/ml/samplers.py", "LoadBalancedDistributedSampler")
def _(cls, module):
    for n in (1, 7, 10, 64, 203):
        for world in (1, 2, 3, 4):
            for rank in range(world):
                for drop_last in (False, True):
                    if drop_last and n < world:
                        continue  # DistributedSampler itself gives such a rank nothing
                    yield Case(
                        f"n={n} replicas={world} rank={rank} drop_last={drop_last}",
                        lambda n=n, w=world, r=rank, d=drop_last: cls(_Frame(n), "n_tokens", w, r, d),
                    )
