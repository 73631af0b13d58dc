"""Wrong lengths that are no rounding, so no DPL1 rule but DPL112 (on `Resumable`) and
DPL115 (on `CappedSteps` and `PaddedShard`) reports them, and that `dplen check` finds with no factory. Each class is written here after one of the
misses listed in benchmarks/corpus_findings.md, section 3 (the kind of bug, not the code)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SAMPLERS = '''
import math

from torch.utils.data import DistributedSampler, Sampler


class CappedSteps(Sampler):
    """len() is the step cap; iteration stops earlier when the data runs out."""

    def __init__(self, dataset, batch_size: int, num_steps=None):
        self.dataset, self.batch_size, self.num_steps = dataset, batch_size, num_steps

    def __iter__(self):
        steps = 0
        for start in range(0, len(self.dataset), self.batch_size):
            if self.num_steps is not None and steps == self.num_steps:
                return
            yield list(range(start, min(start + self.batch_size, len(self.dataset))))
            steps += 1

    def __len__(self):
        if self.num_steps is not None:
            return self.num_steps
        return math.ceil(len(self.dataset) / self.batch_size)


class TwoBuckets(Sampler):
    """Even and odd indices fill separate batches; the merged leftovers are dropped under
    drop_last even when they make a full batch (`<=` where `<` was meant)."""

    def __init__(self, dataset, batch_size: int, drop_last: bool = False):
        self.dataset, self.batch_size, self.drop_last = dataset, batch_size, drop_last

    def __iter__(self):
        buckets = [[], []]
        for i in range(len(self.dataset)):
            bucket = buckets[i % 2]
            bucket.append(i)
            if len(bucket) == self.batch_size:
                yield bucket[:]
                bucket.clear()
        left = buckets[0] + buckets[1]
        while len(left) > self.batch_size:
            yield left[: self.batch_size]
            left = left[self.batch_size :]
        if left and len(left) <= self.batch_size and not self.drop_last:
            yield left

    def __len__(self):
        n, b = len(self.dataset), self.batch_size
        return n // b if self.drop_last else math.ceil(n / b)


class Resumable(Sampler):
    """Skips the batches of an interrupted epoch; len() still counts them."""

    def __init__(self, dataset, batch_size: int, start_iteration: int = 0):
        self.dataset, self.batch_size, self.start_iteration = dataset, batch_size, start_iteration

    def __iter__(self):
        batches = [
            list(range(s, min(s + self.batch_size, len(self.dataset))))
            for s in range(0, len(self.dataset), self.batch_size)
        ]
        yield from batches[self.start_iteration :]

    def __len__(self):
        return math.ceil(len(self.dataset) / self.batch_size)


class PaddedShard(DistributedSampler):
    """Pads its shard to whole batches but inherits DistributedSampler.__len__."""

    def __init__(self, dataset, batch_size: int, **kwargs):
        super().__init__(dataset, **kwargs)
        self.batch_size = batch_size

    def __iter__(self):
        indices = list(super().__iter__())
        short = -len(indices) % self.batch_size
        return iter(indices + indices[:short])


class PerLabel(Sampler):
    """m samples of each label per round, written by slice into a list of the promised
    length: the last round writes past its end, and the list grows."""

    def __init__(self, labels, m: int, length: int = 12):
        self.labels, self.m, self.length = labels, m, length

    def __iter__(self):
        out = [0] * self.length
        groups = sorted(set(self.labels))
        i = 0
        while groups and i < self.length:
            for label in groups:
                out[i : i + self.m] = [label] * self.m
                i += self.m
        return iter(out)

    def __len__(self):
        return self.length
'''


def test_check_finds_what_no_rule_reports(tmp_path: Path):
    (tmp_path / "missed.py").write_text(SAMPLERS)
    lint = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=DPL1", "missed.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    # DPL112 reports the start position Resumable's constructor takes, DPL115 the step cap
    # of CappedSteps (the model runs a parameter defaulting to None with values too) and
    # PaddedShard's padding (its **kwargs are DistributedSampler's parameters, given by the
    # model too); no rule sees the others.
    assert lint.returncode == 1, lint.stderr
    assert [line.split()[1] for line in lint.stdout.splitlines()] == ["DPL115", "DPL112", "DPL115"], lint.stdout
    assert "self.start_iteration" in lint.stdout
    done = subprocess.run(
        [str(Path(sys.executable).parent / "dplen"), "check", "missed", "--isolated", "--no-tests"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    found = {
        line.split()[1].rstrip(":") for line in done.stdout.splitlines() if line.startswith("COUNTEREXAMPLE")
    }
    assert found == {
        f"missed.{c}" for c in ("CappedSteps", "TwoBuckets", "Resumable", "PaddedShard", "PerLabel")
    }, done.stdout
    assert "built 5 automatically, 0 with a registered factory" in done.stderr


def test_a_resume_offset_used_once_is_a_counterexample_not_randomness():
    # Its first epoch skips `start_iteration` batches, later ones do not: the count changes
    # between epochs of one object with no randomness at all. Judged as random (the mean
    # over epochs) it would pass; fresh samplers of the same arguments all skip.
    from torch.utils.data import BatchSampler, SequentialSampler

    from flake8_dplen.check.search import COUNTEREXAMPLE, Options, check_class

    class ResumeOnce(BatchSampler):
        def __init__(self, batch_sampler: BatchSampler, start_iteration=None):
            self.batch_sampler, self.start_iteration = batch_sampler, start_iteration

        def __iter__(self):
            batches = list(self.batch_sampler)
            if self.start_iteration is not None:
                batches, self.start_iteration = batches[self.start_iteration :], None
            yield from batches

        def __len__(self):
            return len(self.batch_sampler)

    assert len(list(ResumeOnce(BatchSampler(SequentialSampler(range(6)), 2, False), 1))) == 2
    result = check_class(ResumeOnce, Options(budget=4.0, seed=0))
    assert result.status == COUNTEREXAMPLE and not result.random, result
