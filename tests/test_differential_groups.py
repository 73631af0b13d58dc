"""The differential test for per-group batching (DPL110): generated samplers, every way of
cutting groups into batches that the model reads (a yield per slice, slices appended to a
list, extended or `+=` by a comprehension, picked once each by a permutation, buffers
flushed under BatchSampler's own __len__) crossed with what __len__ says (one ceiling or
floor of the total, or the per-group sum, which is right), each run for real:

- a class with DPL110 really disagrees for some input (precision);
- the per-group count is never reported and never rewritten;
- a single division of the total is reported on every spelling the model reads.
"""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest
from test_fuzz import rewrite
from torch.utils.data import BatchSampler, SequentialSampler

from flake8_dplen.engine import analyze_source

GRID = [(n, bs) for n in (1, 2, 3, 5, 8) for bs in (1, 2, 3)]

_GROUPS = "groups = [list(range(0, self.n, 2)), list(range(1, self.n, 2))]\n"
_SLICE = "g[s : s + self.batch_size]"
_STEPS = "range(0, len(g), self.batch_size)"
_CUTS = {
    "yield": f"for g in groups:\n    for s in {_STEPS}:\n        yield {_SLICE}",
    "append": f"batches = []\nfor g in groups:\n    for s in {_STEPS}:\n        batches.append({_SLICE})\n"
    "random.shuffle(batches)\nfor b in batches:\n    yield b",
    "extend": f"batches = []\nfor g in groups:\n    batches.extend([{_SLICE} for s in {_STEPS}])\n"
    "return iter(batches)",
    "plus": f"batches = []\nfor g in groups:\n    batches += [{_SLICE} for s in {_STEPS}]\n"
    "for i in torch.randperm(len(batches)).tolist():\n    yield batches[i]",
}
_LENS = {
    "ceil": "return math.ceil(self.n / self.batch_size)",
    "floor": "return self.n // self.batch_size",
    "ceil_idiom": "return (self.n + self.batch_size - 1) // self.batch_size",
    "per_group": "return -(-((self.n + 1) // 2) // self.batch_size) + -(-(self.n // 2) // self.batch_size)",
}
_HEAD = "import math\nimport random\nimport torch\nfrom torch.utils.data import BatchSampler, Sampler\n\n\n"


def _sampler(cut: str, length: str) -> str:
    iter_body = textwrap.indent((_GROUPS if cut != "flush" else "") + _CUTS[cut], "        ")
    return (
        _HEAD + "class Generated(Sampler):\n"
        "    def __init__(self, n, batch_size):\n        self.n = n\n        self.batch_size = batch_size\n\n"
        f"    def __iter__(self):\n{iter_body}\n\n"
        f"    def __len__(self):\n        {_LENS[length]}\n"
    )


# Buffers per parity of the index, flushed at the end, under BatchSampler's own __len__:
# DPL110's own example, named as the generated classes are.
_FLUSH = (
    Path(__file__).resolve().parent / "fixtures" / "rules" / "DPL110" / "invalid_batch_sampler_len_inherited_group_flush.py"
).read_text().replace("ParityBatchSampler", "Generated")

VARIANTS = [(f"{cut}-{length}", _sampler(cut, length)) for cut, length in itertools.product(_CUTS, _LENS)]
VARIANTS.append(("flush-batchsampler", _FLUSH))


def _build(cls, n, bs):
    if issubclass(cls, BatchSampler):
        return [cls(SequentialSampler(range(n)), bs, drop_last) for drop_last in (False, True)]
    return [cls(n, bs)]


def _disagrees(source: str) -> bool:
    namespace: dict = {}
    exec(compile(source, "<generated>", "exec"), namespace)
    return any(
        len(sampler) != sum(1 for _ in sampler)
        for n, bs in GRID
        for sampler in _build(namespace["Generated"], n, bs)
    )


@pytest.mark.parametrize("name, source", VARIANTS, ids=[name for name, _ in VARIANTS])
def test_dpl110_exactly_on_a_single_division_and_only_when_running_disagrees(name, source):
    codes = [item.finding.code for item in analyze_source(source)[1] if item.finding.gating]
    wrong = _disagrees(source)
    assert wrong == (not name.endswith("per_group")), name  # the design: only the sum is right
    assert codes == (["DPL110"] if wrong else []), codes


@pytest.mark.parametrize("name, source", VARIANTS, ids=[name for name, _ in VARIANTS])
def test_never_rewritten(name, source):
    assert rewrite(source)[0] == source
