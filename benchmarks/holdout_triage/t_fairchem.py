# ruff: noqa: E501, E701, E702, E731, E741, E401, E402
# Triage scripts (see common.py): written to be read next to holdout_findings.md, one grid per class.
import itertools
import types

from common import RESULTS, check, load, report

m = load("fairchem-core", "fairchem/core/datasets/samplers/max_atom_distributed_sampler.py")
class L(list):
    @staticmethod
    def empty_list(t): return L()
m.nb = types.SimpleNamespace(typed=types.SimpleNamespace(List=L), int64=int, njit=lambda f: f)
m.gp_utils = types.SimpleNamespace(initialized=lambda: False)
class DS:
    def __init__(self, natoms): self.natoms = natoms
    def __len__(self): return len(self.natoms)
    def get_metadata(self, key, idx): return [self.natoms[i] for i in idx]
for n, max_atoms, (world, rank), drop_last, shuffle, start in itertools.product((7, 10, 23), (5, 12), ((1, 0), (3, 0), (3, 2)), (False, True), (False, True), (0, 1)):
    natoms = [1 + (i * 7) % 5 for i in range(n)]
    def make(natoms=natoms, max_atoms=max_atoms, world=world, rank=rank, drop_last=drop_last, shuffle=shuffle):
        return m.MaxAtomDistributedBatchSampler(DS(natoms), max_atoms, world, rank, seed=0, shuffle=shuffle, drop_last=drop_last)
    def between(s, e, start=start):
        s.set_epoch_and_start_iteration(e, start if e == 0 else 0)
    check("fairchem MaxAtomDistributedBatchSampler", f"n={n} max_atoms={max_atoms} world={world} rank={rank} drop_last={drop_last} shuffle={shuffle} start_iter(epoch 0)={start}", make, between=between)
report()
print("mismatches with start_iter=0:", sum(1 for r in RESULTS if r[2]=="MISMATCH" and r[1].endswith("=0")), "runs with start 0:", sum(1 for r in RESULTS if r[2] in ("ok","MISMATCH") and r[1].endswith("=0")))
print("raised with start_iter=0:", [r for r in RESULTS if r[2] not in ("ok","MISMATCH") and r[1].endswith("=0")][:3])
