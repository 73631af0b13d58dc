# ruff: noqa: E501, E701, E702, E731, E741, E401, E402
# Triage scripts (see common.py): written to be read next to holdout_findings.md, one grid per class.
import itertools
import types

import numpy as np
from common import RESULTS, check, load, report

m = load("torchhydro", "torchhydro/datasets/sampler.py")
class WDS:
    def __init__(self, sizes):
        self.lookup_tables_by_length = {w: None for w in sizes}
        self.lookup_table = {}
        k = 0
        for w, c in sizes.items():
            for j in range(c):
                self.lookup_table[k] = (w, j); k += 1
    def __len__(self): return len(self.lookup_table)
for sizes, bs, strat in itertools.product(({10: 7}, {30: 10, 60: 2}, {30: 7, 60: 23}, {30: 10, 60: 10, 90: 4}, {30: 5, 60: 1}), (3, 4), ("equal", "proportional")):
    check("torchhydro WindowLenBatchSampler", f"samples per window={sizes} batch_size={bs} balance_strategy={strat}", lambda sizes=sizes, bs=bs, strat=strat: m.WindowLenBatchSampler(WDS(sizes), bs, strat))
class BDS:
    def __init__(self, n, bs, basins): self.n = n; self.training_cfgs = {"batch_size": bs}; self.data_cfgs = {"object_ids": list(range(basins))}
    def __len__(self): return self.n
for n, bs, basins in itertools.product((7, 10, 23), (3, 4), (1, 2)):
    check("torchhydro BasinBatchSampler", f"n={n} batch_size={bs} basins={basins}", lambda n=n, bs=bs, basins=basins: m.BasinBatchSampler(BDS(n, bs, basins), n))

z = load("torchhydro", "torchhydro/datasets/cloud_zarr_sampler.py")
import collections

# The loader could not define the module's frozen dataclass (its module is not in
# sys.modules); the same six fields, as a namedtuple.
z._ChunkGroup = collections.namedtuple("_ChunkGroup", "source basin_chunk time_chunk start stop batch_count")
class ZDS:
    """Samples of `per_source[i]` (basins, times) grids: one sample per (basin, start)."""
    def __init__(self, per_source, weights=None):
        self.sources = [types.SimpleNamespace(weight=(weights or [1.0] * len(per_source))[i]) for i in range(len(per_source))]
        self.source_states = []
        srcs, bas, sts = [], [], []
        for i, (nb, nt) in enumerate(per_source):
            self.source_states.append(types.SimpleNamespace(basin_positions=np.arange(nb), time_offset=0))
            for b in range(nb):
                for t in range(nt):
                    srcs.append(i); bas.append(b); sts.append(t)
        self._lookup_sources, self._lookup_basins, self._lookup_starts = np.array(srcs), np.array(bas), np.array(sts)
        self.warmup_length, self.rho, self.horizon = 0, 1, 1
        self.source_chunk_shapes = {}
        self.lazy_cfg = {}
    def __len__(self): return len(self._lookup_sources)
for grid, bs, tchunk, bchunk, drop_last, sampling, affinity, maxb in itertools.product(
        ([(2, 5)], [(3, 7), (1, 4)]), (3, 4), (2, 5), (1, 2), (False, True),
        ("weighted_by_sample", "balanced_by_dataset", "weighted_by_dataset"), (1, 2), (None, 2)):
    def make(grid=grid, bs=bs, tchunk=tchunk, bchunk=bchunk, drop_last=drop_last, sampling=sampling, affinity=affinity, maxb=maxb):
        return z.CloudZarrChunkBatchSampler(ZDS(grid), bs, time_chunk_size=tchunk, basin_chunk_size=bchunk, drop_last=drop_last, shuffle=True, sampling=sampling, max_batches_per_epoch=maxb, seed=0, worker_affinity_count=affinity)
    check("torchhydro CloudZarrChunkBatchSampler", f"sources (basins, times)={grid} batch_size={bs} time_chunk={tchunk} basin_chunk={bchunk} drop_last={drop_last} sampling={sampling} worker_affinity_count={affinity} max_batches={maxb}", make)
report()
bad = [r for r in RESULTS if r[0].startswith("torchhydro Cloud") and r[2] == "MISMATCH"]
print("cloud mismatches by (drop_last, affinity, sampling):", sorted({(("drop_last=True" in r[1]), r[1].split("worker_affinity_count=")[1].split()[0], r[1].split("sampling=")[1].split()[0]) for r in bad}))
