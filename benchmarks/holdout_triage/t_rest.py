# ruff: noqa: E501, E701, E702, E731, E741, E401, E402
# Triage scripts (see common.py): written to be read next to holdout_findings.md, one grid per class.
import itertools
import sys
import types

import torch
from common import check, load, report  # noqa: E402
from realcode.recipes import LENGTHS

label = sys.argv[1]
if label == "pytorch-lightning-spells":
    m = load(label, "pytorch_lightning_spells/samplers.py")
    for n, bs, chunk in itertools.product((1, 2, 4, 7, 10, 23), (3, 4), (1, 2, 100)):
        data = [[0] * LENGTHS[i % len(LENGTHS)] for i in range(n)]
        key = lambda i, data=data: len(data[i])
        check("pl-spells SortishSampler", f"n={n} bs={bs} chunk_size={chunk}", lambda data=data, key=key, bs=bs, chunk=chunk: m.SortishSampler(data, key, bs, chunk))
        check("pl-spells SortSampler", f"n={n}", lambda data=data, key=key: m.SortSampler(data, key))
elif label == "bucketsampler":
    m = load(label, "bucketsampler/torch/sampler.py")
    for n, nb, bs, shuffle, drop_last, (w, r) in itertools.product((1, 7, 10, 23), (1, 3), (3, 4), (False, True), (False, True), ((1, 0), (3, 0), (3, 2))):
        idx = [(i * i) % nb for i in range(n)]
        check("bucketsampler BucketBatchSampler", f"n={n} buckets={nb} bs={bs} shuffle={shuffle} drop_last={drop_last} replicas={w} rank={r}", lambda idx=idx, bs=bs, shuffle=shuffle, drop_last=drop_last, w=w, r=r: m.BucketBatchSampler(idx, bs, shuffle=shuffle, drop_last=drop_last, num_replicas=w, rank=r), between=lambda s, e: s.set_epoch(e))
elif label == "clustered-batch-sampler":
    m = load(label, "clustered_batch_sampler/sampler.py")
    for n, nk, bs, shuffle, dls, dlb, (w, r) in itertools.product((1, 7, 10, 23), (1, 3), (3, 4), (False, True), (False, True), (False, True), ((1, 0), (3, 0), (3, 2))):
        keys = [(i * i) % nk for i in range(n)]
        check("clustered ClusteredBatchSampler", f"n={n} keys={nk} bs={bs} shuffle={shuffle} drop_last_samples={dls} drop_last_batches={dlb} replicas={w} rank={r}", lambda n=n, keys=keys, bs=bs, shuffle=shuffle, dls=dls, dlb=dlb, w=w, r=r: m.ClusteredBatchSampler(list(range(n)), keys, bs, shuffle=shuffle, drop_last_samples=dls, drop_last_batches=dlb, distributed=w > 1, num_replicas=w if w > 1 else None, rank=r if w > 1 else None), between=lambda s, e: s.set_epoch(e))
elif label == "grab-sampler":
    m = load(label, "grabsampler/sampler.py")
    for n, bt in itertools.product((1, 7, 10, 23), ("mean", "pair", "rr", "so", "fixed")):
        check("grab GraBSampler", f"n={n} balance_type={bt}", lambda n=n, bt=bt: m.GraBSampler(list(range(n)), {"w": torch.zeros(3)}, balance_type=bt, device="cpu"))
elif label == "pytorch-multilabel-balanced-sampler":
    m = load(label, "pytorch_multilabel_balanced_sampler/samplers.py")
    for n, sub, cls in itertools.product((1, 7, 10, 23), (False, True), ("RandomClassSampler", "ClassCycleSampler", "LeastSampledClassSampler")):
        labels = torch.tensor([[1, i % 2, (i * i) % 3 == 0] for i in range(n)], dtype=torch.int64)
        idx = list(range(0, n, 2)) if sub else None
        check(f"multilabel {cls} (BaseMultilabelBalancedSampler.__len__/__iter__)", f"n={n} indices={'every 2nd' if sub else None}", lambda labels=labels, idx=idx, cls=cls: getattr(m, cls)(labels, idx))
elif label == "dynabatch":
    m = load(label, "dynabatch/sampler.py")
    for n, bs, shuffle, even, friendly, smooth in itertools.product((1, 7, 10, 23), (3, 4), (False, True), (False, True), (False, True), (False, True)):
        lens = [LENGTHS[i % len(LENGTHS)] for i in range(n)]
        check("dynabatch DynaBatchSampler (dynamic_batch_mode=False)", f"n={n} min_batch_size={bs} shuffle={shuffle} keep_even={even} friendly={friendly} smooth={smooth}", lambda lens=lens, bs=bs, shuffle=shuffle, even=even, friendly=friendly, smooth=smooth: m.DynaBatchSampler(lens, lens, lens, bs, shuffle=shuffle, keep_batch_size_even=even, friendly_batch_size=friendly, smooth_batches=smooth, dynamic_batch_mode=False))
elif label == "reuseloader":
    m = load(label, "reuseloader/loader.py")
    for n in (1, 7, 10, 23):
        ds = types.SimpleNamespace(epoch=0, policy=types.SimpleNamespace(order=lambda p, e, s: (p * 7 + e) % s), __len__=None)
        class DS:
            epoch = 0
            policy = types.SimpleNamespace(order=lambda p, e, s: (p * 7 + e) % s)
            def __init__(self, n): self.n = n
            def __len__(self): return self.n
        check("reuseloader ReuseSampler", f"n={n}", lambda n=n: m.ReuseSampler(DS(n)))
elif label == "nequip":
    m = load(label, "nequip/data/_sampler.py")
    for n, per, shuffle in itertools.product((1, 7, 10, 23), (None, 1, 3), (False, True)):
        if per is not None and per > n: continue
        g = torch.Generator(); g.manual_seed(0)
        check("nequip PartialSampler", f"n={n} num_samples_per_epoch={per} shuffle={shuffle} (step_epoch(e) before each epoch)", lambda n=n, per=per, shuffle=shuffle, g=g: m.PartialSampler(list(range(n)), shuffle, per, g), between=lambda s, e: s.step_epoch(e), epochs=3)
elif label == "torch-points3d":
    m = load(label, "torch_points3d/datasets/samplers.py")
    import numpy as np
    for n in (1, 7, 10, 23):
        check("torch-points3d BalancedRandomSampler", f"n={n} labels=i*i%3", lambda n=n: m.BalancedRandomSampler(np.array([(i * i) % 3 for i in range(n)])))
report()
