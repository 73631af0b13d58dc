"""benchmarks/corpus.py, run end to end on a corpus that needs no download.

The real benchmark fetches 25 wheels; this runs its command line, offline, over three of
its packages whose code is already on the machine: the opacus 1.4.1 wheel that
scripts/setup.sh downloads, the installed opacus 1.6.0, and the sampler folders of the
installed torch 2.13.0. The two local trees are zipped into the cache as wheels would
be, so fetching, scanning, the codemod's --check and rewrite of a copy, loading, the
recipes and the runtime workers all run as they do on the full corpus, and the
assertions are on what it prints: a refactor of the benchmark cannot break it silently.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Dict, Iterable

import pytest
from conftest import REPO_ROOT

OPACUS_141_WHEEL = REPO_ROOT / ".cache" / "wheels" / "opacus-1.4.1-py3-none-any.whl"
BMM = "opacus/utils/batch_memory_manager.py"
UNIFORM = "opacus/utils/uniform_sampler.py"
PACKAGES = "torch,opacus-1.4.1,opacus-1.6.0"


def _installed(package: str) -> Path:
    """The folder that holds the installed `package` (its parent in site-packages)."""
    module = __import__(package)
    return Path(module.__file__).resolve().parents[1]


def _zip_as_wheel(root: Path, folders: Iterable[str], wheel: Path) -> None:
    """The .py files of `folders` under `root`, and the __init__.py of the packages above
    them (the analysis names a module by its packages, as flake8 does)."""
    paths = set()
    for folder in folders:
        paths.update((root / folder).rglob("*.py"))
        for parent in Path(folder).parents:
            if parent != Path("."):
                paths.add(root / parent / "__init__.py")
    wheel.parent.mkdir(parents=True)
    with zipfile.ZipFile(wheel, "w") as archive:
        for path in sorted(paths):
            archive.write(path, path.relative_to(root).as_posix())


@pytest.fixture(scope="module")
def corpus_cache(tmp_path_factory) -> Path:
    """A corpus cache of the three local packages, zipped as wheels would be."""
    if not OPACUS_141_WHEEL.is_file():
        pytest.fail(f"{OPACUS_141_WHEEL} is missing; run scripts/setup.sh", pytrace=False)
    cache = tmp_path_factory.mktemp("corpus")
    wheels = cache / "wheels"
    (wheels / "opacus-1.4.1").mkdir(parents=True)
    shutil.copy(OPACUS_141_WHEEL, wheels / "opacus-1.4.1")
    _zip_as_wheel(_installed("opacus"), ["opacus"], wheels / "opacus-1.6.0" / "opacus-1.6.0-local.whl")
    _zip_as_wheel(
        _installed("torch"),
        ["torch/utils/data", "torch/distributed/elastic/utils/data"],
        wheels / "torch" / "torch-2.13.0-samplers-only.whl",
    )
    return cache


@pytest.fixture(scope="module")
def corpus(corpus_cache) -> str:
    """What `corpus.py --offline --runtime` prints over the local subset (its exit
    status is asserted here: 0, every codemod check passed)."""
    done = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "benchmarks" / "corpus.py"),
            "--offline",
            "--runtime",
            "--cache",
            str(corpus_cache),
            "--packages",
            PACKAGES,
            "-j",
            "1",
        ],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_dplen_check_over_the_corpus_finds_every_recipe_mismatch_and_no_other(corpus, corpus_cache):
    # `corpus` unpacked the trees; benchmarks/check_corpus.py runs the search over them.
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "benchmarks" / "check_corpus.py"), "--cache", str(corpus_cache)]
        # A generous budget: on a busy machine the search for opacus' optimizer-built
        # sampler can need more than the default 2 s to build a first valid sampler.
        + ["--packages", PACKAGES, "--budget", "6"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "mismatching by the recipes: 4; the check found a counterexample in 4;" in done.stdout, done.stdout
    assert "exact by the recipes: 9; the check reported a counterexample in 0" in done.stdout, done.stdout
    assert "built: automatically: 11, with a registered factory: 2" in done.stdout, done.stdout


def _section(output: str, title: str) -> str:
    """The lines under a heading of the report, up to the next blank line."""
    match = re.search(rf"^{re.escape(title)}\n((?:.+\n)*)", output, re.M)
    assert match, f"no section {title!r} in:\n{output}"
    return match.group(1)


def _table(output: str) -> Dict[str, Dict[str, str]]:
    """package -> column -> cell, from the table the report opens with (the two time
    columns, whose headings hold a space, come last and are not read)."""
    lines = output.strip().split("\n\n", 1)[0].splitlines()
    head = lines[0].split()
    return {cells[0]: dict(zip(head, cells)) for cells in map(str.split, lines[2:]) if cells[0][0] != "-"}


def test_every_package_was_scanned_and_only_opacus_has_dpl1(corpus):
    table = _table(corpus)
    assert set(table) == {"torch", "opacus-1.4.1", "opacus-1.6.0", "total"}
    assert table["opacus-1.4.1"]["files"] == "123"
    assert (table["opacus-1.4.1"]["DPL101"], table["opacus-1.4.1"]["DPL105"]) == ("2", "0")
    assert (table["opacus-1.6.0"]["DPL101"], table["opacus-1.6.0"]["DPL105"]) == ("0", "2")
    for label in ("opacus-1.4.1", "opacus-1.6.0"):
        # BatchSplittingSampler and the two uniform samplers, all with __len__.
        assert (table[label]["samplers"], table[label]["w/len"]) == ("3", "3")
        assert table[label]["DPL201"] == "2"
    torch_row = table["torch"]
    # As in the whole torch wheel: the sampler classes all live in these folders.
    assert (torch_row["parsed"], torch_row["samplers"], torch_row["w/len"]) == ("7", "9", "7")
    assert all(torch_row[code] == "0" for code in ("DPL101", "DPL105", "DPL201"))
    assert "DPL000" not in table["total"]
    assert all(row["errors"] == "0" for row in table.values())
    assert _section(corpus, "core errors (files the core could not analyse)") == "  none\n"


def test_the_dpl1_findings_are_the_batch_splitting_sampler_lines(corpus):
    found = re.findall(r"^  (\S+): (\S+):(\d+):(\d+): (DPL\d+) \[(fix|manual)\]", corpus, re.M)
    assert found == [
        ("opacus-1.4.1", BMM, "73", "20", "DPL101", "fix"),
        ("opacus-1.4.1", BMM, "80", "20", "DPL101", "fix"),
        ("opacus-1.6.0", BMM, "73", "20", "DPL105", "fix"),
        ("opacus-1.6.0", BMM, "80", "20", "DPL105", "fix"),
    ]


def test_the_codemod_agrees_and_its_rewrite_passes_every_check(corpus):
    check = _section(corpus, "codemod --check against the plugin")
    assert re.findall(r"^  (\S+) +exit (\d) +(\w+)", check, re.M) == [
        ("torch", "0", "agrees"),
        ("opacus-1.4.1", "1", "agrees"),
        ("opacus-1.6.0", "1", "agrees"),
    ]
    rewrite = _section(
        corpus, "codemod on a copy (compiles, touches only the flagged expressions, idempotent)"
    )
    assert rewrite.split("\n") == [
        "  opacus-1.4.1               1 files changed, all checks pass",
        f"      changed: {BMM}",
        "  opacus-1.6.0               1 files changed, all checks pass",
        f"      changed: {BMM}",
        "",
    ]


def _verdicts(corpus: str) -> Dict[str, str]:
    """class -> its verdict line, from the runtime section."""
    runtime = corpus.split("runtime check: len() against the batches yielded, per sampler class\n", 1)[1]
    rows = re.findall(r"^  (\S+: \S+)\n      (.+)$", runtime, re.M)
    return dict(rows)


def test_the_runtime_check_confirms_both_releases_findings_and_the_fix(corpus):
    verdicts = _verdicts(corpus)
    assert verdicts[f"opacus-1.4.1: {BMM}::BatchSplittingSampler"] == (
        "112 configs run, 61 mismatched, 0 raised; analysed as a sampler with __len__: yes; "
        "DPL1: DPL101@73,DPL101@80; confirmed (every DPL1 finding has a mismatching configuration)"
    )
    assert verdicts[f"opacus-1.6.0: {BMM}::BatchSplittingSampler"] == (
        "112 configs run, 59 mismatched, 0 raised; analysed as a sampler with __len__: yes; "
        "DPL1: DPL105@73,DPL105@80; confirmed (every DPL1 finding has a mismatching configuration)"
    )
    # Both rewritten files make len() agree in every configuration, batches unchanged.
    assert (
        corpus.count("        after the codemod: 112 configs run, 0 mismatched, 0 raised; same batches\n")
        == 2
    )
    for label in ("opacus-1.4.1", "opacus-1.6.0"):
        assert verdicts[f"{label}: {UNIFORM}::UniformWithReplacementSampler"].endswith(
            "DPL1: -; agrees (no mismatch, no finding)"
        )
        # A known miss (corpus_findings.md): empty Poisson batches are skipped, so len()
        # overcounts, and no rule reports it.
        assert verdicts[f"{label}: {UNIFORM}::DistributedUniformWithReplacementSampler"].endswith(
            "DPL1: -; MISSED (runtime mismatch, no DPL1 finding)"
        )


def test_the_runtime_check_runs_torch_samplers_from_the_tree_and_they_agree(corpus):
    torch_rows = {name: line for name, line in _verdicts(corpus).items() if name.startswith("torch: ")}
    assert sorted(name.split("::")[1] for name in torch_rows) == [
        "BatchSampler",
        "DistributedSampler",
        "ElasticDistributedSampler",
        "RandomSampler",
        "SequentialSampler",
        "SubsetRandomSampler",
        "WeightedRandomSampler",
    ]
    for name, line in torch_rows.items():
        assert re.fullmatch(
            r"[1-9]\d* configs run, 0 mismatched, 0 raised; analysed as a sampler with __len__: yes; "
            r"DPL1: -; agrees \(no mismatch, no finding\)",
            line,
        ), name


def test_the_summary_measures_the_findings_against_the_runs(corpus):
    summary = _section(corpus, "summary (ground truth by running each class over its grid)")
    assert "  packages: 3\n" in summary
    # opacus' two BatchSplittingSampler lines, in each release; both distributed uniform
    # samplers are wrong by running and no rule reports them.
    assert "  DPL1 findings in run classes: 4 (true 4, false 0); in classes not run: 0\n" in summary
    assert "  precision (true / findings in run classes): 4/4 = 100.0%\n" in summary
    assert "  recall (wrong classes with a true DPL1 finding / wrong classes): 2/4 = 50.0%\n" in summary
    assert summary.endswith(
        "  safe fixes run after the codemod: 2\n"
        "    opacus-1.4.1: opacus/utils/batch_memory_manager.py::BatchSplittingSampler: exact/same batches\n"
        "    opacus-1.6.0: opacus/utils/batch_memory_manager.py::BatchSplittingSampler: exact/same batches\n"
    )


def _project(requirement: str) -> str:
    return re.split(r"[=<>!~]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def test_the_holdout_corpus_shares_no_project_with_the_tuning_corpus():
    """HOLDOUT measures the rules on code they were not tuned on: no project of PACKAGES
    (any release) may be in it, and every entry is pinned."""
    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    try:
        from realcode.packages import HOLDOUT, PACKAGES
    finally:
        sys.path.remove(str(REPO_ROOT / "benchmarks"))
    tuned = {_project(req) for _, req in PACKAGES}
    assert not {_project(req) for _, req in HOLDOUT} & tuned
    assert not {label for label, _ in HOLDOUT} & {label for label, _ in PACKAGES}
    assert all("==" in req for _, req in HOLDOUT)
    assert 12 <= len(HOLDOUT) <= 20


def test_holdout_rejects_a_label_of_the_tuning_corpus():
    done = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "benchmarks" / "corpus.py"),
            *("--holdout", "--offline", "--packages", "opacus-1.6.0"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "unknown package label(s): opacus-1.6.0" in done.stderr
