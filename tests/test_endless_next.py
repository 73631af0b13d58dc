"""DPL106 on iterator classes (`__iter__` returns self): endless only where `__next__` can
neither raise StopIteration nor run off the end of what it indexes. A `__next__` that
crashes past the end is not endless, and is not reported: asserted here by running it."""

import itertools

import pytest

from flake8_dplen.engine import analyze_source

RUNS_OFF_THE_END = """
from torch.utils.data import Sampler


class RunsOff(Sampler):
    def __init__(self, n):
        self.order = list(range(n))
        self.pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        value = self.order[self.pos]
        self.pos += 1
        return value

    def __len__(self):
        return len(self.order)
"""

# The counter jumps by 2: the reset guard can be stepped over, so no proof.
STEPS_OVER_THE_GUARD = RUNS_OFF_THE_END.replace(
    "        self.pos += 1\n        return value",
    "        self.pos += 2\n"
    "        if self.pos == len(self.order):\n"
    "            self.pos = 0\n"
    "        return value",
)

# An unknown call may raise StopIteration (it may call next()).
UNKNOWN_CALL = RUNS_OFF_THE_END.replace(
    "        value = self.order[self.pos]\n        self.pos += 1\n        return value",
    "        return pick(self.order)",
).replace("class RunsOff", "def pick(order):\n    return next(iter(order))\n\n\nclass RunsOff")


def _run(source, n):
    namespace = {}
    exec(compile(source, "example", "exec"), namespace)
    sampler = namespace["RunsOff"](n)
    return list(itertools.islice(iter(sampler), 100))


@pytest.mark.parametrize("source", [RUNS_OFF_THE_END, STEPS_OVER_THE_GUARD, UNKNOWN_CALL])
def test_next_without_a_proof_of_going_on_is_not_reported(source):
    assert [i.finding.code for i in analyze_source(source)[1]] == []


def test_what_those_next_methods_do_when_run():
    with pytest.raises(IndexError):
        _run(RUNS_OFF_THE_END, 3)
    with pytest.raises(IndexError):
        _run(STEPS_OVER_THE_GUARD, 3)
    assert _run(UNKNOWN_CALL, 3) == [0] * 100  # endless in fact: a known miss, not a claim
