# ruff: noqa: E501, E701, E702, E731, E741, E401, E402
# Triage scripts (see common.py): written to be read next to holdout_findings.md, one grid per class.
"""pytorch-datastream's samplers need pydantic and pandas, which the venv lacks: unpack
their wheels (pip download --no-deps pydantic pydantic-core typing-extensions
annotated-types typing-inspection pandas python-dateutil pytz tzdata six) into a folder
and name it in DPLEN_EXTRA_SITE. The package itself is imported for real from the cache."""
import os
import sys

import common

sys.path[:0] = [os.environ["DPLEN_EXTRA_SITE"], str(common.CACHE / "pytorch-datastream")]
import itertools

import torch
from common import check, report

torch.utils.data.Sampler.__init__ = lambda self, data_source=None: None
from datastream import Dataset
from datastream.samplers import (
    MergeSampler,
    MultiSampler,
    RepeatSampler,
    SequentialSampler,
    StandardSampler,
    ZipSampler,
)

for n, p, rep in itertools.product((1, 7, 10, 23), (0.3, 1.0), (False, True)):
    check("datastream StandardSampler", f"n={n} proportion={p} replacement={rep}", lambda n=n, p=p, rep=rep: StandardSampler(n, p, rep))
for n in (1, 7, 10, 23):
    check("datastream SequentialSampler", f"n={n}", lambda n=n: SequentialSampler(n))
    for length, eb in itertools.product((1, 5, 30), (False, True)):
        check("datastream RepeatSampler", f"inner=StandardSampler({n}) length={length} epoch_bound={eb}", lambda n=n, length=length, eb=eb: RepeatSampler(StandardSampler(n), length, eb))
for a, b in itertools.product((1, 7, 10), (3, 23)):
    da, db = Dataset.from_subscriptable(list(range(a))), Dataset.from_subscriptable(list(range(b)))
    for ns in ((1, 1), (2, 1), (1, 3)):
        check("datastream MergeSampler", f"sizes=({a},{b}) ns={ns}", lambda da=da, db=db, ns=ns: MergeSampler([StandardSampler(len(da)), StandardSampler(len(db))], [da, db], ns))
    check("datastream ZipSampler", f"sizes=({a},{b})", lambda da=da, db=db: ZipSampler([StandardSampler(len(da)), StandardSampler(len(db))], [da, db]))
    check("datastream MultiSampler", f"n={a} samplers=3", lambda da=da: MultiSampler.from_number(3, da))
report()
