"""The differential test: generated sampler variants (floor, ceiling and remainder idioms x
tail shapes x drop_last handling x where the count is computed), each run for real before
and after the codemod.

- a class with a DPL1 finding really mismatches for some input (precision);
- a class whose len() is right is never changed (no fix, no rewrite);
- a fixed class is exact on the whole grid and yields the very same batches as before.

The variants are laid out as a covering design rather than sampled: every form meets every
__iter__ shape and every drop_last guard, and the place and spelling rotate through them.
"""

from __future__ import annotations

from itertools import product
from typing import Dict, List

import pytest
from test_fuzz import (
    FORMS,
    ITERS,
    LEN_GUARDS,
    PLACES,
    SPELLINGS,
    SamplerSpec,
    default_pairs,
    rewrite,
    run_grid,
)

from flake8_dplen.engine import analyze_source


def _specs() -> List[SamplerSpec]:
    specs = []
    for i, (form, iterate, guard) in enumerate(product(sorted(FORMS), ITERS, LEN_GUARDS)):
        place = PLACES[i % len(PLACES)]
        if iterate == "by_attr" and place not in ("init", "property"):
            place = ("init", "property")[i % 2]
        specs.append(SamplerSpec(form, place, guard, iterate, SPELLINGS[(i // len(PLACES)) % len(SPELLINGS)]))
    return specs


def _batches(source: str, drop_lasts) -> Dict[tuple, list]:
    namespace: dict = {}
    exec(compile(source, "<generated>", "exec"), namespace)
    cls = namespace["Generated"]
    return {(n, b, d): list(cls(n, b, d)) for n, b in default_pairs() for d in drop_lasts}


SPECS = _specs()


@pytest.fixture(scope="module")
def outcomes():
    found = []
    for spec in SPECS:
        source = spec.render()
        drop_lasts = (False, True)
        before = run_grid(source, drop_lasts)
        _, located = analyze_source(source)
        flagged = [i for i in located if i.finding.gating]
        fixed, planned = rewrite(source)
        found.append((spec, source, before, flagged, fixed, planned))
    return found


def test_every_dpl1_finding_is_a_real_mismatch(outcomes):
    false = [
        (spec, [i.finding.code for i in flagged])
        for spec, _, before, flagged, *_ in outcomes
        if flagged and not before
    ]
    assert false == []


def test_a_correct_class_is_never_changed(outcomes):
    changed = [spec for spec, source, before, _, fixed, _ in outcomes if not before and fixed != source]
    assert changed == []


def test_every_fixed_class_is_exact_and_yields_the_same_batches(outcomes):
    fixed_count = 0
    for spec, source, before, _, fixed, planned in outcomes:
        if planned is None or not planned.fixes:
            continue
        fixed_count += 1
        after = run_grid(fixed, (False, True))
        if planned.manual:
            # A finding left for a hand may keep some inputs wrong; the fixes never add any.
            assert set(after) <= set(before), (spec, fixed)
        else:
            assert after == [], (spec, fixed)
        assert _batches(fixed, (False, True)) == _batches(source, (False, True)), spec
    # The design holds fixable classes of every rounding rule.
    assert fixed_count >= 50


def test_the_design_covers_correct_and_broken_classes(outcomes):
    broken = sum(1 for _, _, before, *_ in outcomes if before)
    assert len(outcomes) == len(FORMS) * len(ITERS) * len(LEN_GUARDS)
    assert 0 < broken < len(outcomes)


# Issue 20's families: batches built in many spellings, reached in many ways, under a
# __len__ that counts items, batches (rounded either way) or starts. Each variant is run.
_BATCHES = {
    "slices": "[order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]",
    "split": "[t.tolist() for t in torch.split(torch.tensor(order), self.batch_size)]",
    "array_split": "[a.tolist() for a in np.array_split(np.array(order), -(-len(order) // self.batch_size))]",
    "append": "self._grown(order)",
}
_ORDERS = {
    "randperm": "torch.randperm(self.n).tolist()",
    "hstack": "np.hstack([np.arange(self.n)[::2], np.arange(self.n)[1::2]]).tolist()",
}
_REACH = {
    "return_iter": "        return iter(self._batches())",
    "yield_from": "        yield from self._batches()",
    "nested": (
        "        def gen():\n            for b in self._batches():\n"
        "                yield b\n\n        return gen()"
    ),
    "loop": "        for b in self._batches():\n            yield b",
}
_LENS = {
    "items": "self.n",
    "ceil": "-(-self.n // self.batch_size)",
    "addsub": "(self.n + self.batch_size - 1) // self.batch_size",
    "floor": "self.n // self.batch_size",
    "int": "int(self.n / self.batch_size)",
}
_FAMILY_TEMPLATE = """
import numpy as np
import torch
from torch.utils.data import Sampler


class Generated(Sampler):
    def __init__(self, n, batch_size, drop_last):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last

    def _grown(self, order):
        batches, batch = [], []
        for i in order:
            batch.append(i)
            if len(batch) == self.batch_size:
                batches.append(batch)
                batch = []
        if batch:
            batches.append(batch)
        return batches

    def _batches(self):
        order = {order}
        return {batches}

    def __iter__(self):
{reach}

    def __len__(self):
        return {length}
"""


def _family_sources():
    for i, (batches, reach, length) in enumerate(product(_BATCHES, _REACH, _LENS)):
        order = list(_ORDERS)[i % len(_ORDERS)]
        source = _FAMILY_TEMPLATE.format(
            order=_ORDERS[order], batches=_BATCHES[batches], reach=_REACH[reach], length=_LENS[length]
        )
        yield f"{batches}-{order}-{reach}-{length}", source


# n from 1: an empty epoch is where torch.split and np.array_split differ from slicing.
_FAMILY_PAIRS = [(n, b) for n in (1, 2, 3, 5, 7) for b in (1, 2, 3, 4)]


@pytest.mark.parametrize(
    "name,source", list(_family_sources()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_families_of_issue_20_are_judged_by_running(name, source):
    wrong = run_grid(source, (False,), _FAMILY_PAIRS)
    _, located = analyze_source(source)
    flagged = [i.finding.code for i in located if i.finding.gating]
    fixed, planned = rewrite(source)
    if not wrong:
        assert flagged == [] and fixed == source, name  # a correct variant is never changed
        return
    assert flagged, f"{name}: wrong by running ({wrong[0]}) but not reported"
    if planned is not None and planned.fixes and not planned.manual:
        assert run_grid(fixed, (False,), _FAMILY_PAIRS) == [], name  # a safe fix is exact
