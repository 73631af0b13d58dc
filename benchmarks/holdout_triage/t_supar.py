# ruff: noqa: E501, E701, E702, E731, E741, E401, E402
# Triage scripts (see common.py): written to be read next to holdout_findings.md, one grid per class.
import itertools
import types

from common import check, load, report  # noqa: E402

m = load("supar", "supar/utils/data.py")
S = m.Sampler
bucketings = {
  "1 bucket of 7 (len 5)": {5: list(range(7))},
  "2 buckets 10 (len 3) + 4 (len 12)": {3: list(range(10)), 12: list(range(10, 14))},
  "3 buckets 1,7,23": {4: [0], 9: list(range(1, 8)), 2: list(range(8, 31))},
  "1 bucket of 1": {1: [0]},
}
for (bname, buckets), bs, shuffle, (world, rank) in itertools.product(bucketings.items(), (3, 10, 40), (False, True), ((1, 0), (2, 1), (3, 0), (3, 2))):
    def make(buckets=buckets, bs=bs, shuffle=shuffle, world=world, rank=rank):
        m.dist = types.SimpleNamespace(get_rank=lambda: rank, get_world_size=lambda: world)
        return S(buckets, bs, shuffle, distributed=world > 1)
    check("supar Sampler", f"{bname} tokens/batch={bs} shuffle={shuffle} world={world} rank={rank}", make)
report()
# The finding's own example: sum(self.chunks) = 4, self.replicas = 3.
for rank in range(3):
    m.dist = types.SimpleNamespace(get_rank=lambda rank=rank: rank, get_world_size=lambda: 3)
    s = S({10: [0, 1, 2, 3]}, 3, False, distributed=True)
    print(f"chunks {s.chunks}, replicas 3, rank {rank}: len() = {len(s)}, batches {list(s)}")
