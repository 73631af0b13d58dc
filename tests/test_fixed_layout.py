"""What a fixed file looks like to the user's other tools: the real codemod rewrites
files, and the real ruff judges the import block it leaves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Dict, Set

import pytest
from opacus_versions import OPACUS_141_BMM, opacus_160_path

from flake8_dplen.rules import RULES

RUFF = Path(sys.executable).parent / "ruff"


def _codemod(folder: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "codemods.fix_len", "--isolated", "-j1", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc


def _unsorted(folder: Path) -> Set[str]:
    """Files in which ruff's isort rule (I001) fires."""
    proc = subprocess.run(
        [str(RUFF), "check", "--isolated", "--select", "I", "--output-format", "concise", "--no-cache", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc
    return {Path(line.split(":", 1)[0]).name for line in proc.stdout.splitlines() if " I001 " in line}


def _write_all(folder: Path, sources: Dict[str, str]) -> None:
    folder.mkdir()
    for name, text in sources.items():
        (folder / name).write_text(text, encoding="utf-8")


def _opacus_sources() -> Dict[str, str]:
    sources = {}
    for version, path in (("141", OPACUS_141_BMM), ("160", opacus_160_path())):
        text = Path(path).read_text(encoding="utf-8")
        sources[f"bmm_{version}.py"] = text
        # Without its own `import math`, the fix has to add one to opacus's block.
        assert "import math\n" in text
        sources[f"bmm_{version}_no_math.py"] = text.replace("import math\n", "", 1).replace(
            "math.ceil(len(batch_idxs) / self.max_batch_size)",
            "int(np.ceil(len(batch_idxs) / self.max_batch_size))",
        )
    return sources


def test_fixed_files_keep_a_sorted_import_block_sorted(tmp_path, opacus_141_dir):
    sources = {
        f"{rule.code}_{i}.py": example.source
        for rule in RULES
        for i, example in enumerate(rule.INVALID)
        if example.fix
    }
    sources.update(_opacus_sources())
    _write_all(tmp_path / "before", sources)
    sorted_before = set(sources) - _unsorted(tmp_path / "before")
    _write_all(tmp_path / "after", sources)
    _codemod(tmp_path / "after")
    changed = {
        name for name in sources if (tmp_path / "after" / name).read_text(encoding="utf-8") != sources[name]
    }
    added_math = {name for name in changed if "\nimport math\n" not in "\n" + sources[name]}
    # The cases that matter: an import is added to a block that was sorted.
    assert len(added_math & sorted_before) >= 10
    assert {"bmm_141_no_math.py", "bmm_160_no_math.py"} <= added_math & sorted_before
    assert _unsorted(tmp_path / "after") & sorted_before == set()


@pytest.mark.parametrize(
    "before, after",
    [
        (
            "from torch.utils.data import Sampler\n",
            "import math\n\nfrom torch.utils.data import Sampler\n",
        ),
        (
            '"""Doc."""\n\nfrom __future__ import annotations\n\nimport os\nfrom typing import List\n\n'
            "import torch\n",
            '"""Doc."""\n\nfrom __future__ import annotations\n\nimport math\nimport os\nfrom typing import List\n\n'
            "import torch\n",
        ),
        (
            "# stdlib\nimport abc\nimport sys\n\nimport torch\n",
            "# stdlib\nimport abc\nimport math\nimport sys\n\nimport torch\n",
        ),
        (
            "import abc\n\nimport torch\n",
            "import abc\nimport math\n\nimport torch\n",
        ),
    ],
)
def test_import_math_lands_where_isort_puts_it(before, after):
    import libcst as cst

    from flake8_dplen.fixes.imports import add_imports

    assert add_imports(cst.parse_module(before), ["math"]).code == after
