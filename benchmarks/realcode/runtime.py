"""len() against the batches yielded, for every sampler class a recipe can build.

One worker process per package (`corpus.py --runtime-worker LABEL`): two opacus
releases cannot share an interpreter, and one package's half-loaded modules must not
leak into the next package's run.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from environment import REPO

from flake8_dplen.core.analysis import analyze_source, module_name_for, sampler_contexts
from flake8_dplen.fixes.rewrite import apply, plan
from flake8_dplen.runtime import check_length

from .fetching import read_text
from .loading import TreeLoader, dotted_name
from .packages import OWN, config_for
from .recipes import RECIPES, Case, Recipe

# The worker is the benchmark's own command line, in its hidden worker mode.
ENTRY = REPO / "benchmarks" / "corpus.py"


def _class_findings(tree: Path, rel: str, cls: str, config) -> Tuple[List[Tuple[int, str, str]], bool]:
    """DPL1 findings (line, code, source line) inside class `cls` of `rel`, and whether
    the analysis treats that class as a sampler with __len__ at all."""
    path = tree / rel
    text = read_text(path)
    module, located = analyze_source(text, config, str(path))
    bounds = None
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef) and node.name == cls:
            bounds = (node.lineno, node.end_lineno)
    analysed = False
    if module is not None:
        contexts = sampler_contexts(module, config, module_name_for(str(path)))
        analysed = any(ctx.cls.name.value == cls for ctx in contexts)
    lines = text.splitlines()
    found = []
    for item in located:
        if item.finding.gating and bounds and bounds[0] <= item.line <= bounds[1]:
            context = " ".join(lines[item.line - 1 : item.line + 2])
            found.append((item.line, item.finding.code, context))
    return found, analysed


def _run_case(case: Case) -> List[Tuple[bool, str]]:
    sampler = case.build()
    outcomes = []
    for epoch in range(case.repeat):
        report = check_length(sampler, epochs=case.epochs, expected=case.expected, reseed=case.reseed)
        prefix = f"epoch {epoch}: " if case.repeat > 1 else ""
        outcomes.append((report.ok, prefix + report.message))
    return outcomes


def _fixed_source(tree: Path, rel: str, config) -> Optional[str]:
    """The codemod's output for `rel`, or None when it would not change the file."""
    text = read_text(tree / rel)
    module, located = analyze_source(text, config, str(tree / rel))
    if module is None:
        return None
    planned = plan(text, located)
    return apply(module, planned).code if planned.fixes else None


def _run_cases(loader: TreeLoader, rec: Recipe, findings) -> Dict[str, Any]:
    """Every case of a recipe against one loaded version of its module."""
    import torch

    torch.manual_seed(0)
    result: Dict[str, Any] = {
        "runs": 0,
        "mismatches": 0,
        "errors": 0,
        "notes": [],
        "confirmed": set(),
        "unexplained": 0,
    }
    module = loader.load_file(rec.rel)
    if not hasattr(module, rec.cls):
        reasons = "; ".join(loader.skipped[module.__name__][:3])
        raise RuntimeError(f"class not defined after loading ({reasons})")
    for case in rec.cases(module, loader):
        try:
            outcomes = _run_case(case)
        except Exception as exc:
            result["errors"] += 1
            if len(result["notes"]) < 4:
                result["notes"].append(f"[{case.config}] raised {type(exc).__name__}: {str(exc)[:120]}")
            continue
        result["runs"] += 1
        bad = [message for ok, message in outcomes if not ok]
        if not bad:
            continue
        result["mismatches"] += 1
        covered = [f for f in findings if case.marker is None or case.marker in f[2]]
        result["confirmed"].update((line, code) for line, code, _ in covered)
        if not covered:
            result["unexplained"] += 1
        if len(result["notes"]) < 4:
            result["notes"].append(f"[{case.config}] {bad[0]}")
    return result


# Packages whose samplers call `super().__init__(data_source)`: torch 2.13's Sampler no
# longer defines __init__, so they raise TypeError before anything can be checked. Their
# worker gives Sampler back the `__init__(self, data_source=None)` that ignored its
# argument in the torch they were written for; nothing else changes.
LEGACY_SAMPLER_INIT = {"catalyst", "torch-geometric", "flair"}


def runtime_worker(label: str, tree: Path) -> int:
    import torch
    import torch.utils.data

    if label == "torch" and not torch.__version__.startswith("2.13.0"):
        print(f"  torch: installed torch is {torch.__version__}, not the 2.13.0 of the corpus")
        return 2
    # Ultralytics writes a settings file into the user's config folder when imported.
    os.environ.setdefault("YOLO_CONFIG_DIR", tempfile.mkdtemp(prefix="dplen-yolo-"))
    if label in LEGACY_SAMPLER_INIT:
        torch.utils.data.Sampler.__init__ = lambda self, data_source=None: None
    loader = TreeLoader(tree, OWN.get(label, ()))
    config = config_for(label)
    for rec in [r for r in RECIPES if r.label == label]:
        name = f"{rec.rel}::{rec.cls}"
        findings, analysed = _class_findings(tree, rec.rel, rec.cls, config)
        codes = ",".join(f"{code}@{line}" for line, code, _ in findings) or "-"
        head = f"RESULT\t{label}\t{name}"
        if rec.skip:
            print(f"{head}\t0\t0\t0\t{codes}\t{int(analysed)}\tnot run: {rec.skip}")
            continue
        try:
            got = _run_cases(loader, rec, findings)
        except Exception as exc:
            print(
                f"{head}\t0\t0\t1\t{codes}\t{int(analysed)}\tcould not load: "
                f"{type(exc).__name__}: {str(exc)[:200]}"
            )
            continue
        verdict = _verdict(findings, got)
        notes = list(got["notes"])
        after = None
        if findings:
            # The same cases against the codemod's output for this file: the fix must make
            # len() agree wherever it rewrote something.
            fixed = _fixed_source(tree, rec.rel, config)
            if fixed is None:
                notes.append("after the codemod: file unchanged (manual fixes only)")
            else:
                after = _run_cases(
                    TreeLoader(tree, OWN.get(label, ()), {dotted_name(rec.rel): fixed}), rec, findings
                )
                notes.append(
                    f"after the codemod: {after['runs']} configs run, "
                    f"{after['mismatches']} mismatched, "
                    f"{after['errors']} raised"
                )
                notes += [f"after the codemod: {note}" for note in after["notes"]]
                if after["mismatches"] and not got["mismatches"]:
                    verdict = (
                        f"BROKEN BY THE CODEMOD (no mismatch before; "
                        f"{after['mismatches']} configurations "
                        f"mismatch after the rewrite): {verdict}"
                    )
        print(
            f"{head}\t{got['runs']}\t{got['mismatches']}\t{got['errors']}\t{codes}\t{int(analysed)}"
            f"\t{verdict}" + ("\t" + " | ".join(notes) if notes else "")
        )
    return 0


def _verdict(findings, got: Dict[str, Any]) -> str:
    if not got["runs"]:
        return "not checked (every configuration raised)"
    verdict = _verdict_of_runs(findings, got)
    if got["errors"]:
        verdict += f"; {got['errors']} configuration(s) raised instead"
    return verdict


def _verdict_of_runs(findings, got: Dict[str, Any]) -> str:
    unconfirmed = [f"{code}@{line}" for line, code, _ in findings if (line, code) not in got["confirmed"]]
    if got["mismatches"] and not findings:
        return "MISSED (runtime mismatch, no DPL1 finding)"
    if got["unexplained"]:
        return "PARTLY MISSED (a mismatch on a path without a finding)"
    if unconfirmed:
        return f"UNCONFIRMED finding {', '.join(unconfirmed)} (no mismatch on its path)"
    if findings:
        return "confirmed (every DPL1 finding has a mismatching configuration)"
    return "agrees (no mismatch, no finding)"


def runtime_report(labels: Sequence[str], cache: Path) -> int:
    """One worker per package; a summary of the verdicts across the corpus."""
    print("\nruntime check: len() against the batches yielded, per sampler class")
    rows = []
    failures = 0
    for label in labels:
        done = subprocess.run(
            [sys.executable, str(ENTRY), "--runtime-worker", label, "--cache", str(cache)],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=1800,
        )
        for line in done.stdout.splitlines():
            if line.startswith("RESULT\t"):
                rows.append(line.split("\t")[1:])
        if done.returncode != 0:
            failures += 1
            print(f"  {label}: worker exited {done.returncode}: {done.stderr.strip()[-1500:]}")
    for row in rows:
        label, name, runs, mismatches, errors, codes, analysed, verdict = row[:8]
        print(f"  {label}: {name}")
        print(
            f"      {runs} configs run, {mismatches} mismatched, {errors} raised; "
            f"analysed as a sampler with __len__: {'yes' if analysed == '1' else 'no'}; "
            f"DPL1: {codes}; {verdict}"
        )
        for note in row[8:]:
            for part in note.split(" | "):
                print(f"        {part}")
    tally = Counter(re.split(r" \(|:", row[7])[0] for row in rows)
    print("\n  verdicts: " + ", ".join(f"{k}: {v}" for k, v in sorted(tally.items())))
    return failures
