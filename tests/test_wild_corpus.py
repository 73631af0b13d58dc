"""The wild corpus (benchmarks/wild): its manifest is whole and new, its ground truth is
what running gives, and its one command runs (on a small package-sourced subset: CI can
pip download packages, not fetch GitHub repositories)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "benchmarks"), str(REPO / "src")]

from realcode.packages import HOLDOUT, PACKAGES  # noqa: E402
from wild.catalog import projects  # noqa: E402
from wild.split import part, project_key  # noqa: E402
from wild.truth import recorded  # noqa: E402

COMMAND = [sys.executable, str(REPO / "benchmarks" / "wild.py")]
# Package-sourced tuning projects, small wheels: what CI re-runs.
SUBSET = ["cut2min-bucket", "sequence-models"]


def _run_classes(tables):
    return [
        (t["project"], r)
        for t in tables.values()
        for r in t["classes"]
        if r["verdict"] in ("mismatch", "exact")
    ]


def test_every_project_is_new_and_has_a_ground_truth_table_for_each_class():
    old = {project_key(label.split("-")[0]) for label, _ in PACKAGES + HOLDOUT} | {
        project_key(label) for label, _ in PACKAGES + HOLDOUT
    }
    tables = recorded()
    for slug, project in projects().items():
        assert project_key(project.name) not in old, project.name
        if project.source == "github":
            assert re.fullmatch(r"[0-9a-f]{40}", project.ref), f"{project.name}: pin a full commit"
        table = tables[slug]
        assert (table["project"], table["ref"]) == (project.name, project.ref)
        assert [r["class"] for r in table["classes"]] == [s.cls for s in project.samplers]


def test_the_corpus_is_as_large_as_issue_18_asks_and_the_held_out_part_is_large_enough():
    run = _run_classes(recorded())
    wrong = [r for _, r in run if r["verdict"] == "mismatch"]
    held = [r for name, r in run if part(name) == "heldout"]
    assert len(run) >= 150 and len({name for name, _ in run}) >= 80 and len(wrong) >= 45
    assert len(held) >= 0.4 * len(run)
    assert all(r.get("counterexample") for r in wrong)


@pytest.mark.parametrize("name", SUBSET)
def test_a_package_sourced_project_runs_to_its_recorded_verdicts(name):
    done = subprocess.run([*COMMAND, "truth", "--project", name, "--dry"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    table = next(t for t in recorded().values() if t["project"] == name)
    for row in table["classes"]:
        assert f"{name} {row['class']}: {row['verdict']}" in done.stdout


def test_the_one_command_prints_each_part_from_the_ground_truth():
    args = [a for name in SUBSET for a in ("--project", name)]
    done = subprocess.run([*COMMAND, "measure", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    run = [r for name, r in _run_classes(recorded()) if name in SUBSET]
    wrong = sum(r["verdict"] == "mismatch" for r in run)
    assert done.stdout.index("== heldout") < done.stdout.index("== tuning")
    assert (
        f"== tuning: {len(run)} classes from {len(SUBSET)} projects, {wrong} wrong by running" in done.stdout
    )
    # A class whose len() raises is neither wrong nor exact: counted on a line of its own.
    raising = [
        r["class"]
        for t in recorded().values()
        if t["project"] in SUBSET
        for r in t["classes"]
        if r["verdict"] == "len_raises"
    ]
    assert f"len() raises (neither wrong nor exact, not counted above): {len(raising)}" in done.stdout
    assert raising and all(f"len() raises: sequence-models {cls}" in done.stdout for cls in raising)
    assert re.search(r"dplen check on wrong classes: found \d+/\d+", done.stdout)
    # Where the time went: the projects' whole runs, and the searching of classes within them.
    spent = re.findall(r"check time: projects' runs (\d+) s, of which searching classes (\d+) s", done.stdout)
    walls, searched = map(int, spent[-1])  # the tuning part's: SUBSET holds no held-out project
    assert 0 < searched <= walls
    assert re.search(r"^time: \d+ s$", done.stdout, re.M)
