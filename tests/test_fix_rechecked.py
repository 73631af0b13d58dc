"""A rounding rule's fix is written only where the model, reading the file as fixed,
counts the class right. DPL103 reads one rounding: `(n - k) // b` under a stepped loop
over n - k + 1 items would get the ceiling `-(-(n - k) // b)`, still one short where
(n - k) % b == 0; analysed again, the fixed class shows the count DPL115 runs apart, and
the fix is left manual with that finding as its reason. (Before this change DPL110 took
the loop's steps for groups, each with a tail of its own, and left both classes manual.)"""

from __future__ import annotations

import textwrap
from pathlib import Path

from commands import python_m

_CLASS = '''
import numpy as np
from torch.utils.data import Sampler


class Windows(Sampler):
    def __init__(self, data_source, batch_size, window):
        self.data_source, self.batch_size, self.window = data_source, batch_size, window

    def __iter__(self):
        starts = np.random.permutation(len(self.data_source) - self.window + 1)
        for i in range(0, len(starts), self.batch_size):
            batch = []
            for j in range(i, min(i + self.batch_size, len(starts))):
                batch.extend(range(starts[j], starts[j] + self.window))
            yield batch

    def __len__(self):
        return {count} // self.batch_size
'''


def _fixed(tmp_path: Path, count: str) -> str:
    path = tmp_path / "windows.py"
    path.write_text(textwrap.dedent(_CLASS).format(count=count))
    done = python_m("codemods.fix_len", "--no-verify", "--isolated", "-j1", str(path), cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    return path.read_text().rsplit("return ", 1)[1].strip(), done.stdout


def test_a_fix_the_model_still_counts_wrong_is_left_manual(tmp_path):
    written, report = _fixed(tmp_path, "(len(self.data_source) - self.window)")
    assert written == "(len(self.data_source) - self.window) // self.batch_size"
    assert "manual fix: after this fix the model still counts the class wrong (DPL115" in report


def test_a_fix_the_model_counts_right_is_written(tmp_path):
    written, _ = _fixed(tmp_path, "(len(self.data_source) - self.window + 1)")
    assert written == "-(-(len(self.data_source) - self.window + 1) // self.batch_size)"
