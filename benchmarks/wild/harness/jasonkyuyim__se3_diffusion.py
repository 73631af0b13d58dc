"""jasonkyuyim/se3_diffusion: SE(3) diffusion for protein backbone generation (FrameDiff).
data/pdb_data_loader.py: TrainSampler, the training order of the PDB dataset's csv in four
modes (length_batch: batch_size draws of each sequence length; time_batch: each protein
batch_size times; cluster_length_batch and cluster_time_batch: the same over one protein of
each sequence cluster), and DistributedTrainSampler, each protein batch_size times dealt over
the ranks as torch's DistributedSampler does. Experiment builds TrainSampler with batch_size
(256) and sample_mode (cluster_time_batch) on one GPU, DistributedTrainSampler under DDP.

The dataset's csv is a pandas DataFrame and pandas is not installed: `_Csv` is the part of
one the samplers use (columns, `map`, `groupby(...).sample(n, replace, random_state)`),
over rows shaped as the processed PDB metadata (pdb_name, modeled_seq_len)."""

import os
import random
import tempfile
import types

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="jasonkyuyim/se3_diffusion",
    source="github",
    ref="53359d71cfabc819ffaa571abd2cef736c871a5d",
    domain="molecules: protein backbone diffusion (length / cluster batch samplers)",
    # the featurisation helpers of the dataset (the samplers read none of them)
    stubs={"data.utils": ""},
    # structure featurisation and the dataset's table of the same module
    absent=("tree", "pandas", "openfold", "sklearn", "Bio", "omegaconf"),
)


class _Column(list):
    def tolist(self):
        return list(self)

    def map(self, fn):
        return _Column(fn(v) for v in self)


class _GroupBy:
    def __init__(self, csv, key):
        self.csv, self.key = csv, key

    def sample(self, n, replace=False, random_state=None):
        rng = random.Random(random_state)
        groups = {}
        for row, value in enumerate(self.csv[self.key]):
            groups.setdefault(value, []).append(row)
        rows = []
        for value in sorted(groups):
            members = groups[value]
            if not replace and n > len(members):
                raise ValueError("Cannot take a larger sample than population when 'replace=False'")
            rows += [rng.choice(members) for _ in range(n)] if replace else rng.sample(members, n)
        return self.csv.take(rows)


class _Csv:
    def __init__(self, columns):
        self.columns = {k: _Column(v) for k, v in columns.items()}

    def __len__(self):
        return len(next(iter(self.columns.values())))

    def __getitem__(self, key):
        return self.columns[key]

    def __setitem__(self, key, values):
        self.columns[key] = _Column(values)

    def take(self, rows):
        return _Csv({k: [v[r] for r in rows] for k, v in self.columns.items()})

    def groupby(self, key):
        return _GroupBy(self, key)


def _pdbs(n, seed=0):
    rng = random.Random(seed)
    names = [f"{rng.randint(1, 9)}{rng.choice('ABCDEFGH')}{rng.choice('KLMNPQ')}{i % 10}" for i in range(n)]
    return names, [rng.randint(60, 512) // 8 * 8 for _ in range(n)]  # lengths on a coarse grid: shared


class _PdbDataset:
    def __init__(self, n):
        names, lengths = _pdbs(n)
        self.csv = _Csv({"pdb_name": names, "modeled_seq_len": lengths})

    def __len__(self):
        return len(self.csv)


def _data_conf(n):
    """data.cluster_path: one line a cluster of chains, some PDBs in none (they get their own)."""
    path = os.path.join(tempfile.gettempdir(), f"wild_se3_clusters_{n}.txt")
    if not os.path.exists(path):
        names, _ = _pdbs(n)
        lines = [" ".join(f"{name}_A" for name in names[i : i + 3]) for i in range(0, n * 2 // 3, 3)]
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
    return types.SimpleNamespace(cluster_path=path)


@sampler(PROJECT, "data/pdb_data_loader.py", "TrainSampler")
def _(cls, module):
    for n in (5, 120, 700):
        for mode in ("cluster_time_batch", "time_batch", "length_batch", "cluster_length_batch"):
            for batch_size in (256, 4):
                for epoch in (0, 1):

                    def build(n=n, m=mode, b=batch_size, e=epoch):
                        s = cls(data_conf=_data_conf(n), dataset=_PdbDataset(n), batch_size=b, sample_mode=m)
                        s.set_epoch(e)
                        return s

                    yield Case(
                        f"proteins={n} sample_mode={mode} batch_size={batch_size} epoch={epoch}", build
                    )


@sampler(PROJECT, "data/pdb_data_loader.py", "DistributedTrainSampler")
def _(cls, module):
    for n in (5, 121):
        for batch_size in (256, 3):
            for world in (2, 3, 4):
                for rank in range(world):
                    for drop_last in (False, True):
                        for shuffle in (True, False):
                            yield Case(
                                f"proteins={n} batch_size={batch_size} num_replicas={world} rank={rank} "
                                f"shuffle={shuffle} drop_last={drop_last}",
                                lambda n=n, b=batch_size, w=world, r=rank, d=drop_last, s=shuffle: cls(
                                    data_conf=None,
                                    dataset=_PdbDataset(n),
                                    batch_size=b,
                                    num_replicas=w,
                                    rank=r,
                                    shuffle=s,
                                    drop_last=d,
                                ),
                            )
