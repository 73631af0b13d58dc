"""The tool against the wild corpus's ground truth, part by part (held-out first).

For every class run to a verdict: its DPL1 findings (the plugin's core on the published
file, read from disk as flake8 reads it) and `dplen check`'s outcome on it, run as a user
runs it (`python -m flake8_dplen.check module:Class --format json`, no factory) in its own
process with a hard limit. A DPL1 finding in a wrong class is true, in an exact class false.
A class whose len() raised on a case (wild.truth's verdict `len_raises`) is neither: its
part counts it on a line of its own and measures it no further.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from realcode.runtime import _class_findings

from flake8_dplen.config import Config

from .child import run_alone
from .entry import Project
from .materialise import environment, materialise, tree
from .split import part
from .truth import module_name, recorded

CHECK_SECONDS = 180
# Each further class of a project checked in the same run: the check's own limit per class
# (--class-timeout, 60 s) and its share of the imports.
CLASS_SECONDS = 70
# dplen check's outcome, as this table names it.
FOUND, OK, NOT_BUILT, CRASHED = "found", "ok", "could not build", "crashed or timed out"
# The check ran to its end but did not take the class for a sampler: it checked nothing.
NOT_SEEN = "not seen as a sampler"


@dataclass
class Row:
    project: str
    cls: str
    wrong: bool
    dpl1: List[str] = field(default_factory=list)
    check: Optional[str] = None
    why: str = ""
    # Where the measurement's time goes: the check's seconds on this class, and the wall
    # time of its project's whole `dplen check` (imports and discovery included).
    seconds: Optional[float] = None
    project_seconds: Optional[float] = None
    len_raises: bool = False  # neither wrong nor exact: not measured


def _check(project: Project, classes: Sequence[Tuple[str, str]], args: Sequence[str]) -> List[tuple]:
    """The check's outcome of each (path, class) of one project, from ONE `dplen check` of
    them all, as a user checks a project: the interpreter, torch and the project's modules
    are imported once, not once per class (that was a third of the measurement's time)."""
    targets = [f"{module_name(path, project.root)}:{cls}" for path, cls in classes]
    # -j1 inside: the measurement runs projects side by side.
    command = [sys.executable, "-m", "flake8_dplen.check", *targets, "--format", "json", "-j1", *args]
    # Run from an empty folder, as the truth child is: `python -m` puts the working folder
    # first on sys.path, and from the tree it put a package's own __init__ ahead of the
    # stand-in that replaces it (pyqlib's qlib), so the check could not import what the
    # truth child ran.
    seconds = CHECK_SECONDS + CLASS_SECONDS * (len(classes) - 1)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dplen-wild-check-") as scratch:
        code, out, err = run_alone(command, scratch, environment(project), seconds)
    wall = round(time.monotonic() - started, 1)
    if code is None:
        return [(CRASHED, f"timed out after {seconds} s", None, wall)] * len(classes)
    results = _json_array(out.decode(errors="replace"))
    errors = err.decode(errors="replace").strip().splitlines() or [f"exit {code}"]
    return [(*_outcome(target, results, errors, code), wall) for target in targets]


def _outcome(target: str, results: Optional[list], errors: List[str], code: int) -> tuple:
    """(outcome, why, the check's seconds on the class or None)."""
    module, cls = target.split(":")
    named = [r for r in results or [] if r.get("class", "").rsplit(".", 1)[-1] == cls]
    # Two modules of a project may define classes of one name: the module decides.
    mine = [r for r in named if r["class"] == f"{module}.{cls}"] or named
    if results == [] and code in (0, 1):
        return NOT_SEEN, "dplen check found no sampler class to check", None
    if not mine:
        tail = next((line for line in errors if line.startswith(f"{target}:")), errors[-1])
        return CRASHED, tail[:160], None
    status, seconds = mine[0]["status"], mine[0].get("seconds")
    if status in ("counterexample", "cut off"):
        return FOUND, mine[0].get("counterexample", "")[:160], seconds
    if status == "could not build":
        return NOT_BUILT, _clipped(mine[0].get("why") or ""), seconds
    return (OK if status == "ok" else CRASHED), status, seconds


def _clipped(why: str, width: int = 160) -> str:
    """A long reason cut in its middle: its head says what failed, its tail the exception."""
    return why if len(why) <= width else f"{why[:width - 70]} … {why[-66:]}"


def _json_array(text: str):
    """The report: the JSON array in what the check printed (user code may print too)."""
    for start in (i for i, ch in enumerate(text) if ch == "["):
        try:
            return json.loads(text[start:])
        except ValueError:
            continue
    return None


def _key(project: Project, path: str, cls: str) -> str:
    return f"{project.name}::{path}::{cls}"


def measure(
    selected: Dict[str, Project],
    jobs: int,
    check: bool,
    check_args: Sequence[str],
    rows_file: Optional[Path] = None,
) -> Dict[str, List[Row]]:
    """`rows_file` keeps each class's outcome: a class found there is not run again, so a
    measurement of one version of the tool can be scored again after ground truth changes."""
    kept = json.loads(rows_file.read_text()) if rows_file and rows_file.is_file() else {}
    tables = recorded()
    config = Config()
    work, done = [], []
    raising = []
    for slug_, project in selected.items():
        table = tables.get(slug_)
        if table is None:
            print(f"{project.name}: no ground truth recorded; run `wild.py truth` first", file=sys.stderr)
            continue
        try:
            materialise(project)
        except Exception as exc:
            print(f"{project.name}: cannot materialise: {exc}", file=sys.stderr)
            continue
        for entry in table["classes"]:
            if entry["verdict"] == "len_raises":
                raising.append((project, Row(project.name, entry["class"], False, len_raises=True)))
            if entry["verdict"] not in ("mismatch", "exact"):
                continue
            row = Row(project.name, entry["class"], entry["verdict"] == "mismatch")
            # The rules take a fraction of a second: always this code's. Only the check's
            # outcome, minutes of search, is reused from the rows file.
            rel = entry["path"][len(project.root) :].lstrip("/") if project.root else entry["path"]
            found, _ = _class_findings(tree(project), rel, entry["class"], config)
            row.dpl1 = sorted({code for _, code, _ in found})
            old = kept.get(_key(project, entry["path"], entry["class"]))
            if old and (old["check"] is not None or not check):
                row.check, row.why = old["check"], old["why"]
                row.seconds, row.project_seconds = old.get("seconds"), old.get("project_seconds")
                done.append((project, entry["path"], row))
                continue
            work.append((project, entry["path"], row))
    if check:
        by_project: Dict[str, list] = {}
        for w in work:
            by_project.setdefault(w[0].name, []).append(w)
        # The largest projects first: two workers end together.
        groups = sorted(by_project.values(), key=len, reverse=True)
        with ThreadPoolExecutor(max(1, jobs)) as pool:
            checked = pool.map(lambda g: _check(g[0][0], [(p, r.cls) for _, p, r in g], check_args), groups)
            for group, outcomes in zip(groups, checked):
                for (_, _, row), outcome in zip(group, outcomes):
                    row.check, row.why, row.seconds, row.project_seconds = outcome
    work += done
    if rows_file:
        for project, path, row in work:
            kept[_key(project, path, row.cls)] = {
                "dpl1": row.dpl1,
                "check": row.check,
                "why": row.why,
                "seconds": row.seconds,
                "project_seconds": row.project_seconds,
            }
        rows_file.write_text(json.dumps(kept, indent=1, sort_keys=True) + "\n")
    parts: Dict[str, List[Row]] = {"heldout": [], "tuning": []}
    for project, _, row in work:
        parts[part(project.name)].append(row)
    for project, row in raising:
        parts[part(project.name)].append(row)
    return parts


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.0f}%" if b else f"{a}/0"


def _time_split(rows: List[Row]) -> None:
    """Searching against everything else (imports, discovery, reading the code), summed
    over the part's projects: which of the two a faster measurement has to cut."""
    walls = {r.project: r.project_seconds for r in rows if r.project_seconds is not None}
    searched = [r.seconds for r in rows if r.seconds is not None]
    by_outcome = Counter()
    for r in rows:
        by_outcome[r.check] += r.seconds or 0.0
    split = ", ".join(f"{k} {v:.0f} s" for k, v in sorted(by_outcome.items()))
    print(
        f"  check time: projects' runs {sum(walls.values()):.0f} s, of which searching classes"
        f" {sum(searched):.0f} s ({split})"
    )


def report(parts: Dict[str, List[Row]], seconds: float, check: bool) -> None:
    for name in ("heldout", "tuning"):
        rows = [r for r in parts[name] if not r.len_raises]
        raising = [r for r in parts[name] if r.len_raises]
        wrong = [r for r in rows if r.wrong]
        exact = [r for r in rows if not r.wrong]
        true = [r for r in wrong if r.dpl1]
        false = [r for r in exact if r.dpl1]
        projects = len({r.project for r in rows})
        print(f"\n== {name}: {len(rows)} classes from {projects} projects, {len(wrong)} wrong by running")
        print(f"  len() raises (neither wrong nor exact, not counted above): {len(raising)}")
        for r in raising:
            print(f"    len() raises: {r.project} {r.cls}")
        print(f"  DPL1: classes flagged {len(true) + len(false)} (true {len(true)}, false {len(false)})")
        precision = _pct(len(true), len(true) + len(false))
        print(f"  DPL1 recall {_pct(len(true), len(wrong))}, precision {precision}")
        rules = Counter(code for r in rows for code in r.dpl1)
        for code in sorted(rules):
            t = sum(code in r.dpl1 for r in wrong)
            print(f"    {code}: true {t}, false {rules[code] - t}")
        for r in false:
            print(f"    false DPL1: {r.project} {r.cls} {','.join(r.dpl1)}")
        if check:
            w = Counter(r.check for r in wrong)
            e = Counter(r.check for r in exact)
            print(
                f"  dplen check on wrong classes: found {_pct(w[FOUND], len(wrong))}, ok-but-wrong {w[OK]},"
                f" could not build {w[NOT_BUILT]}, crashed or timed out {w[CRASHED]}, not seen {w[NOT_SEEN]}"
            )
            print(
                f"  dplen check on exact classes: ok {e[OK]}, false counterexample {e[FOUND]},"
                f" could not build {e[NOT_BUILT]}, crashed or timed out {e[CRASHED]}, not seen {e[NOT_SEEN]}"
            )
            print(f"  not built (all classes): {_pct(w[NOT_BUILT] + e[NOT_BUILT], len(rows))}")
            _time_split(rows)
            for r in rows:
                if r.check != (FOUND if r.wrong else OK):
                    kind = "wrong" if r.wrong else "exact"
                    print(f"    {kind} {r.check}: {r.project} {r.cls}: {r.why}")
    print(f"\ntime: {seconds:.0f} s")
