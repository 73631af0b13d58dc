"""What a fixed file looks like to the user's other tools: the real codemod rewrites
files, and the real ruff judges the import block it leaves."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Set

import pytest
from commands import python_m
from opacus_versions import OPACUS_141_BMM, opacus_160_path
from rule_cases import cases

from flake8_dplen.rules import RULES

RUFF = Path(sys.executable).parent / "ruff"


def _codemod(folder: Path) -> None:
    proc = python_m("codemods.fix_len", "--isolated", "--no-verify", "-j1", ".", cwd=folder)
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
        f"{rule.code}_{example.name}.py": example.source
        for rule in RULES
        for example in cases(rule.code, "invalid")
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
            '"""Doc."""\n\nfrom __future__ import annotations\n\n'
            "import math\nimport os\nfrom typing import List\n\nimport torch\n",
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


def _written_lines(before: str, after: str) -> List[str]:
    """The lines the codemod added or changed."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]


def test_fixed_opacus_lines_stay_within_88_columns(tmp_path, opacus_141_dir):
    sources = _opacus_sources()
    _write_all(tmp_path / "fixed", sources)
    _codemod(tmp_path / "fixed")
    for name, before in sources.items():
        after = (tmp_path / "fixed" / name).read_text(encoding="utf-8")
        written = _written_lines(before, after)
        assert len(written) > 20, name  # both __len__ returns and the appended helper
        assert max(map(len, written)) <= 88, (name, max(written, key=len))
        compile(after, name, "exec")


# A project configuration in the folder above the file, and the limit it sets.
CONFIGS = {
    "ruff_pyproject": ("pyproject.toml", "[tool.ruff]\nline-length = 72\n", 72),
    "ruff_toml": ("ruff.toml", "line-length = 100\n", 100),
    "black": ("pyproject.toml", "[tool.black]\nline-length = 79\n", 79),
    "ruff_over_black": (
        "pyproject.toml",
        "[tool.black]\nline-length = 120\n[tool.ruff]\nline-length = 76\n",
        76,
    ),
    "flake8_setup_cfg": ("setup.cfg", "[flake8]\nmax-line-length = 80\n", 80),
    "flake8_dot_flake8": (".flake8", "[flake8]\nmax_line_length = 99\n", 99),
    "wide": ("tox.ini", "[flake8]\nmax-line-length = 400\n", 400),
    "none": (None, "", 88),
}


@pytest.mark.parametrize("case", sorted(CONFIGS))
def test_fixed_lines_fit_the_projects_configured_length(tmp_path, case):
    config_name, config_text, limit = CONFIGS[case]
    splitter = next(
        e.source for e in cases("DPL105", "invalid") if "return math.ceil(len(self.sampler) *" in e.source
    )
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    if config_name:
        (project / config_name).write_text(config_text)
    path = project / "src" / "splitter.py"
    path.write_text(splitter)
    proc = python_m("codemods.fix_len", "--isolated", "--no-verify", "-j1", str(path))
    assert proc.returncode == 0, proc
    written = _written_lines(splitter, path.read_text())
    assert written and max(map(len, written)) <= limit, (case, written)
    # The limit is the project's, not a fixed one: a wide project keeps one line.
    assert (len(written) == 1) == (limit == 400), (case, written)
    namespace: dict = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)


EXPRESSIONS = [
    "len(self.sampler.sampler) // self.sampler.batch_size"
    " * -(-self.sampler.batch_size // self.max_batch_size)"
    " + (0 if self.sampler.drop_last else -(-(len(self.sampler.sampler) % self.sampler.batch_size)"
    " // self.max_batch_size))",
    "math.ceil(len(self.sampler) * _dplen_expected_pieces(self.sampler.num_samples, expected_batch_size,"
    " self.max_batch_size, empty_batch_counts=True) * (1 - 1e-9))",
    "(len(self.data_source) // self.batch_size if self.drop_last"
    " else -(-len(self.data_source) // self.batch_size))",
    "some_function_without_arguments_at_all_but_a_long_name_that_goes_on()",
]


@pytest.mark.parametrize("limit", [30, 50, 72, 88, 100])
@pytest.mark.parametrize("number", range(len(EXPRESSIONS)))
def test_wrapping_keeps_the_expression_and_fits_where_it_can(limit, number):
    import ast

    import libcst as cst

    from flake8_dplen.fixes.wrap import wrapped

    code = EXPRESSIONS[number]
    source = f"def f():\n    if x:\n        return {code}\n"
    module = cst.parse_module(source)
    returned = module.body[0].body.body[0].body.body[0].body[0]
    laid_out = wrapped(returned.value, len("        return "), "        ", 0, limit)
    text = module.deep_replace(returned, returned.with_changes(value=laid_out)).code
    assert ast.dump(ast.parse(text)) == ast.dump(ast.parse(source))
    lines = text.splitlines()[2:]
    assert all(line == line.rstrip() for line in lines), text
    # A line may only overflow when it holds one piece that cannot be split further:
    # an operator or keyword and one name, call or bracket.
    for line in lines:
        if len(line) > limit:
            piece = line.strip().rstrip("(),")
            for lead in ("+ ", "- ", "* ", "// ", "% ", "if ", "else ", "return "):
                piece = piece[len(lead) :] if piece.startswith(lead) else piece
            assert " " not in piece, (line, text)
    if len(source.splitlines()[2]) <= limit:
        assert len(lines) == 1, text
