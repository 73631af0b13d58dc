# ruff: noqa: E501, E701, E702, E731, E741, E401, E402
# Triage scripts (see common.py): written to be read next to holdout_findings.md, one grid per class.
import itertools
import types

from common import check, load, report  # noqa: E402
from realcode.recipes import LENGTHS

m = load("stanza", "stanza/models/pos/data.py")
for n, bs, maxtok in itertools.product((1, 7, 10, 23), (3, 4), (None, 0, 5, 12, 40)):
    lens = [LENGTHS[i % len(LENGTHS)] for i in range(n)]
    data = [(types.SimpleNamespace(word=[0] * l), i) for i, l in enumerate(lens)]
    check("stanza LengthLimitedBatchSampler", f"n={n} lengths={lens[:5]}... batch_size={bs} maximum_tokens={maxtok}", lambda data=data, bs=bs, maxtok=maxtok: m.LengthLimitedBatchSampler(data, bs, maxtok))
d = load("stanza", "stanza/models/depparse/data.py")
for n, bs, ev, sde, minsep in itertools.product((1, 7, 10, 23), (5, 20, 60), (False, True), (False, True), (None, 8)):
    lens = [LENGTHS[i % len(LENGTHS)] for i in range(n)]
    ds = types.SimpleNamespace(lengths=lens)
    def between(s, e):
        if e: s.reshuffle()
    check("stanza DepparseBatchSampler", f"n={n} batch_size(tokens)={bs} eval_mode={ev} sort_during_eval={sde} min_length_to_batch_separately={minsep}", lambda ds=ds, bs=bs, ev=ev, sde=sde, minsep=minsep: d.DepparseBatchSampler(ds, bs, ev, sde, minsep), between=between)
report()
print(LENGTHS)
