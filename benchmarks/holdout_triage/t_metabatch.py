# ruff: noqa: E501, E701, E702, E731, E741, E401, E402
# Triage scripts (see common.py): written to be read next to holdout_findings.md, one grid per class.
import itertools

from common import check, load, report  # noqa: E402

m = load("metabatch", "metabatch/dataloader.py")
class DS:
    min_pts, max_ctx_pts, max_tgt_pts, total_tgt_pts = 1, 3, 5, 5
    eval = False; predict_full_target = False; predict_full_target_during_eval = False
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def register_sampling_inst(self, d): self.inst = d
class Consumed:
    """The sampler as a DataLoader uses it: each yielded batch's indices are fetched, and
    the dataset's __getitem__ would pop them from the shared dict (simulated here)."""
    def __init__(self, s): self.s = s
    def __len__(self): return len(self.s)
    def __iter__(self):
        for b in self.s:
            for i in b: self.s._sampling_inst.pop(i, None)
            yield b
for n, bs, drop_last, shuffle, iters, consumed in itertools.product((1, 7, 10, 23), (3, 4), (False, True), (False, True), (None, 5), (False, True)):
    if iters is not None and not shuffle: continue
    def make(n=n, bs=bs, drop_last=drop_last, shuffle=shuffle, iters=iters, consumed=consumed):
        s = m.SeededBatchSampler(DS(n), bs, drop_last, shuffle=shuffle, iterations=iters)
        return Consumed(s) if consumed else s
    check("metabatch SeededBatchSampler", f"n={n} bs={bs} drop_last={drop_last} shuffle={shuffle} iterations={iters} indices popped as fetched={consumed}", make)
report()
