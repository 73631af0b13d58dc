"""`dplen-fix --verify`: the codemod's fixes kept only where `dplen check` confirms them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SAMPLERS = '''
from torch.utils.data import Sampler


class Tail(Sampler):
    """Yields its partial tail batch; int() forgets it, and ceil is the fix."""

    def __init__(self, dataset, batch_size: int):
        self.dataset, self.batch_size = dataset, batch_size

    def __iter__(self):
        batch = []
        for i in range(len(self.dataset)):
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def __len__(self):
        return int(len(self.dataset) / self.batch_size)


class LoneTailDropped(Tail):
    """Drops a tail of one sample: the ceil fix counts it, so the check refutes it."""

    def __iter__(self):
        batch = []
        for i in range(len(self.dataset)):
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if len(batch) > 1:
            yield batch

    def __len__(self):
        return int(len(self.dataset) / self.batch_size)
'''


def test_verify_keeps_confirmed_fixes_and_undoes_refuted_ones(tmp_path: Path):
    path = tmp_path / "samplers.py"
    path.write_text(SAMPLERS)
    done = subprocess.run(
        [str(Path(sys.executable).parent / "dplen-fix"), "--verify", "--isolated", "samplers.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr  # a finding is left for a manual fix
    text = path.read_text()
    tail, lone = text.split("class LoneTailDropped")
    assert "return -(-len(self.dataset) // self.batch_size)" in tail
    assert "return int(len(self.dataset) / self.batch_size)" in lone
    assert (
        "samplers.py:39:16: DPL101 int() floors len(self.dataset) / self.batch_size, so __len__ undercounts"
        " the final partial batch; use math.ceil [manual fix: the check refutes the fix:"
        " LoneTailDropped(dataset=range(1), batch_size=2): len 1, __iter__ yielded 0 batches]"
    ) in done.stdout
    assert "1 findings fixed, 1 left for a manual fix" in done.stderr


def test_verify_refuses_check_and_diff(tmp_path: Path):
    (tmp_path / "samplers.py").write_text(SAMPLERS)
    done = subprocess.run(
        [str(Path(sys.executable).parent / "dplen-fix"), "--verify", "--check", "samplers.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert "--verify checks the rewritten files; it cannot go with --check or --diff" in done.stderr
