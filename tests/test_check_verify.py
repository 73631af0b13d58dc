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


class SkipsSome(Tail):
    """Leaves out every seventh sample, which the linter's model does not see: the ceil
    fix still overcounts, so the check refutes it."""

    def __iter__(self):
        batch = []
        for i in range(len(self.dataset)):
            if i % 7 == 6:
                continue
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
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
    tail, lone = text.split("class SkipsSome")
    assert "return -(-len(self.dataset) // self.batch_size)" in tail
    assert "return int(len(self.dataset) / self.batch_size)" in lone
    assert "samplers.py:42:16: DPL101 int() drops the partial batch __iter__ yields" in done.stdout
    assert (
        "[manual fix: the check refutes the fix:"
        " SkipsSome(dataset=range(7), batch_size=1): len 7, __iter__ yielded 6 batches of sizes 1, 1, 1, 1, 1, 1]"
    ) in done.stdout
    assert "1 finding fixed, 1 left for a manual fix" in done.stderr


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
