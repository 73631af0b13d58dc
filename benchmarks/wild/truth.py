"""Ground truth: every class of a project imported from its published source and run over
the harness's cases, len() against what __iter__ yields, one child process per class.

A class's verdict is `mismatch` when some case disagrees (the first such case is its
counterexample); `len_raises` when no case disagrees but len() raised on some case the
class itself built (what it raised, and what __iter__ yielded there, are in the row: a
length that raises fails a DataLoader user only once len() is called, so it is neither
wrong nor exact); `exact` when every case it could build agrees; `error` when no case
could be built or the class could not be imported; `not_run` when the harness says why.
A class is the harness entry's (path, class): two classes of one name in different files
are two entries. The table of a project is written to wild/groundtruth/<slug>.json with
the date.
"""

from __future__ import annotations

import dataclasses
import datetime
import importlib
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Dict, List

from environment import REPO

from .catalog import TRUTH, projects, slug
from .child import run_alone
from .entry import Project, Sampler
from .materialise import environment, materialise

# Wall-clock seconds one class may take in its child, cases and imports together.
CLASS_SECONDS = 240


def module_name(path: str, root: str) -> str:
    rel = Path(path).relative_to(root) if root else Path(path)
    parts = list(rel.with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def load_class(project: Project, entry: Sampler):
    """Imports the class's module for real (the process runs with `environment(project)`)."""
    module = importlib.import_module(module_name(entry.path, project.root))
    return getattr(module, entry.cls), module


def find_entry(project: Project, path: str, cls: str) -> Sampler:
    """The harness entry of the class `cls` defined in `path` (not another file's class of
    the same name)."""
    found = [s for s in project.samplers if (s.path, s.cls) == (path, cls)]
    if len(found) != 1:
        raise LookupError(f"{project.name}: {len(found)} harness entries for {path}::{cls}")
    return found[0]


class LenRaised(Exception):
    """len() of a sampler the case built raised (the original is the __cause__)."""


class _LenGuard:
    """The built sampler as run_case measures it, telling apart an exception of len()
    from one of building or iterating; nothing else about the sampler changes (run_case
    only takes len() and iterates, and a case's reseed holds the sampler itself)."""

    def __init__(self, sampler: Any) -> None:
        self.sampler = sampler

    def __len__(self) -> int:
        try:
            return len(self.sampler)
        except TimeoutError:
            raise  # the case's time ran out (realcode.runtime's alarm): not built
        except Exception as exc:
            raise LenRaised(_first_line(exc)) from exc

    def __iter__(self):
        return iter(self.sampler)


def _guarded(case):
    return dataclasses.replace(case, build=lambda: _LenGuard(case.build()))


def _yielded(case, cap: int = 100_000) -> str:
    """What __iter__ of a fresh build yields, for a case whose len() raised."""
    from realcode.runtime import CASE_SECONDS, _alarm, _seed

    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CASE_SECONDS)
    count = None  # None until the class is built and its iterator made
    try:
        _seed()
        batches = iter(case.build())
        count = 0
        for _ in itertools.islice(batches, cap + 1):
            count += 1
        return f"__iter__ yields {count} batches" if count <= cap else f"__iter__ yields more than {cap}"
    except TimeoutError:
        # An endless iterator slower than cap batches in the time limit is still yielding,
        # not raising (how far it got depends on the machine: not said, the row stays stable).
        if count:
            return f"__iter__ still yielding when stopped after {CASE_SECONDS} s"
        return f"__iter__ raises too: TimeoutError: no result within {CASE_SECONDS} s"
    except BaseException as exc:  # noqa: B902
        return f"__iter__ raises too: {_first_line(exc)}"
    finally:
        signal.alarm(0)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200] if text else ''}"


def run_class(project: Project, entry: Sampler) -> Dict[str, Any]:
    """In the child: every case of one class."""
    from realcode.runtime import run_case

    # torch's old Sampler.__init__ is back already: the stand-ins' sitecustomize does it.
    row: Dict[str, Any] = {"class": entry.cls, "path": entry.path, "cases": []}
    try:
        cls, module = load_class(project, entry)
        cases = list(entry.cases(cls, module))
    except BaseException as exc:  # noqa: B902 - the class's module may raise anything, even SystemExit
        row.update(verdict="error", error=f"import or cases: {_first_line(exc)}")
        return row
    built, wrong, raised = 0, None, None
    for case in cases:
        try:
            outcomes = run_case(_guarded(case))
        except LenRaised as exc:
            line = f"{case.config}: len() raised: {exc}; {_yielded(case)}"
            row["cases"].append(line)
            raised = raised or line
            continue
        except BaseException as exc:  # noqa: B902
            row["cases"].append(f"{case.config}: not built: {_first_line(exc)}")
            continue
        built += 1
        bad = [message for ok, message in outcomes if not ok]
        row["cases"].append(f"{case.config}: " + (f"mismatch: {bad[0]}" if bad else "ok"))
        if bad and wrong is None:
            wrong = f"{case.config}: {bad[0]}"
    if wrong:
        row.update(verdict="mismatch", counterexample=wrong)
    elif raised:
        row.update(verdict="len_raises", len_raised=raised)
    elif built:
        row["verdict"] = "exact"
    else:
        first = row["cases"][0] if row["cases"] else "the harness gives no case"
        row.update(verdict="error", error=f"no case built: {first}")
    return row


def child(slug_: str, path: str, cls: str, out: str) -> None:
    project = projects()[slug_]
    entry = find_entry(project, path, cls)
    row = run_class(project, entry)
    Path(out).write_text(json.dumps(row))
    # The class may have left threads or a process group behind: leave at once.
    os._exit(0)


def truth_of(slug_: str, project: Project, entry: Sampler) -> Dict[str, Any]:
    """In the parent: one class in a child process with a hard wall-clock limit."""
    if entry.skip:
        return {"class": entry.cls, "path": entry.path, "verdict": "not_run", "why": entry.skip}
    with tempfile.TemporaryDirectory(prefix="dplen-wild-") as scratch:
        out = Path(scratch) / "row.json"
        command = [
            sys.executable,
            str(REPO / "benchmarks" / "wild.py"),
            "_child",
            slug_,
            entry.path,
            entry.cls,
            str(out),
        ]
        start = time.monotonic()
        status, _, err = run_alone(
            command, scratch, environment(project), CLASS_SECONDS, stdout=subprocess.DEVNULL
        )
        if status is None:
            return {
                "class": entry.cls,
                "path": entry.path,
                "verdict": "error",
                "error": f"timed out ({CLASS_SECONDS} s)",
            }
        if not out.is_file():
            tail = err.decode(errors="replace").strip().splitlines()[-1:] or [f"exit {status}"]
            return {
                "class": entry.cls,
                "path": entry.path,
                "verdict": "error",
                "error": f"crashed: {tail[0][:200]}",
            }
        row = json.loads(out.read_text())
        row["seconds"] = round(time.monotonic() - start, 1)
        return row


def truth(
    selected: Dict[str, Project], offline: bool = False, write: bool = True
) -> Dict[str, List[Dict[str, Any]]]:
    tables = {}
    for slug_, project in selected.items():
        try:
            materialise(project, offline)
        except Exception as exc:
            print(f"{project.name}: cannot materialise: {_first_line(exc)}", file=sys.stderr)
            continue
        rows = []
        for entry in project.samplers:
            row = truth_of(slug_, project, entry)
            rows.append(row)
            shown = (
                row.get("counterexample") or row.get("len_raised") or row.get("error") or row.get("why") or ""
            )
            print(f"{project.name} {entry.cls}: {row['verdict']}  {shown[:160]}", flush=True)
        tables[slug_] = rows
        if write:
            TRUTH.mkdir(exist_ok=True)
            table = {
                "project": project.name,
                "source": project.source,
                "ref": project.ref,
                "domain": project.domain,
                "date": datetime.date.today().isoformat(),
                "classes": rows,
            }
            (TRUTH / f"{slug(project.name)}.json").write_text(json.dumps(table, indent=1) + "\n")
    return tables


def recorded() -> Dict[str, Dict[str, Any]]:
    """slug -> the committed ground-truth table."""
    return {path.stem: json.loads(path.read_text()) for path in sorted(TRUTH.glob("*.json"))}


def child_main(argv: List[str]) -> None:
    try:
        child(*argv)
    except BaseException:  # noqa: B902
        traceback.print_exc()
        os._exit(3)
