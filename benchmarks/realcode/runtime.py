"""len() against the batches yielded, for every sampler class a recipe can build.

One worker process per package (`corpus.py --runtime-worker LABEL`): two opacus
releases cannot share an interpreter, and one package's half-loaded modules must not
leak into the next package's run.
"""

from __future__ import annotations

import ast
import hashlib
import itertools
import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from environment import REPO

from flake8_dplen.core.analysis import module_name_for, sampler_contexts
from flake8_dplen.engine import analyze_source
from flake8_dplen.fixes.rewrite import apply, plan
from flake8_dplen.runtime import check_length

from . import recipes_grown  # noqa: F401  (registers its recipes)
from .fetching import read_text
from .loading import TreeLoader, dotted_name
from .packages import OLDER_RELEASES, config_for, own_names
from .probing import probe_cases, why_not_probed
from .recipes import RECIPES, Case, gloo
from .scanning import analyze_tree
from .summary import print_summary
from .torchcompat import old_sampler_init

# Batches one epoch may yield beyond len() before it counts as endless; seconds one
# configuration may take (a sampler that waits on a process group never returns).
EXTRA_BATCHES = 100
CASE_SECONDS = 5

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
        contexts = sampler_contexts(module, config, module_name_for(str(path)), str(path))
        analysed = any(ctx.cls.name.value == cls for ctx in contexts)
    lines = text.splitlines()
    found = []
    for item in located:
        if item.finding.gating and bounds and bounds[0] <= item.line <= bounds[1]:
            context = " ".join(lines[item.line - 1 : item.line + 2])
            found.append((item.line, item.finding.code, context))
    return found, analysed


class _Endless(Exception):
    pass


class _Bounded:
    """The sampler as check_length sees it, with an epoch cut off once it runs past
    twice its own len(): an endless __iter__ then shows as a mismatch, not a hang."""

    def __init__(self, sampler: Any) -> None:
        self.sampler = sampler

    def __len__(self) -> int:
        return len(self.sampler)

    def __iter__(self):
        cap = 2 * len(self.sampler) + EXTRA_BATCHES
        for count, batch in enumerate(self.sampler):
            if count >= cap:
                raise _Endless(f"len() = {len(self.sampler)}, iteration went on past {cap} batches (endless)")
            yield batch


def _alarm(signum, frame):
    raise TimeoutError(f"no result within {CASE_SECONDS} s")


def _seed(seed: int = 0) -> None:
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def run_case(case: Case) -> List[Tuple[bool, str]]:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CASE_SECONDS)
    try:
        _seed()
        sampler = _Bounded(case.build())
        outcomes = []
        for epoch in range(case.repeat):
            prefix = f"epoch {epoch}: " if case.repeat > 1 else ""
            try:
                report = check_length(sampler, epochs=case.epochs, expected=case.expected, reseed=case.reseed)
            except _Endless as exc:
                outcomes.append((False, prefix + str(exc)))
                break
            outcomes.append((report.ok, prefix + report.message))
        return outcomes
    finally:
        signal.alarm(0)


def _batches_digest(case: Case) -> Optional[str]:
    """A digest of the batches the first epoch yields from fixed seeds, to compare a class
    before and after the codemod; None when it cannot be taken."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CASE_SECONDS)
    try:
        _seed()
        sampler = case.build()
        if case.reseed is not None:
            case.reseed(0)
        cap = 2 * len(sampler) + EXTRA_BATCHES
        digest = hashlib.sha256()
        for batch in itertools.islice(iter(sampler), cap):
            digest.update(repr(_plain(batch)).encode())
        return digest.hexdigest()
    except Exception:
        return None
    finally:
        signal.alarm(0)


def _plain(batch: Any) -> Any:
    if hasattr(batch, "tolist"):
        return batch.tolist()
    if isinstance(batch, (list, tuple)):
        return [_plain(x) for x in batch]
    return batch


def _fixed_source(tree: Path, rel: str, config) -> Optional[str]:
    """The codemod's output for `rel`, or None when it would not change the file."""
    text = read_text(tree / rel)
    module, located = analyze_source(text, config, str(tree / rel))
    if module is None:
        return None
    planned = plan(text, located)
    return apply(module, planned).code if planned.fixes else None


def _run_cases(loader: TreeLoader, rel: str, cls: str, cases, findings) -> Dict[str, Any]:
    """Every case of a recipe against one loaded version of its module; `cases` is
    called with the module and the loader."""
    result: Dict[str, Any] = {
        "runs": 0,
        "mismatches": 0,
        "errors": 0,
        "notes": [],
        "confirmed": set(),
        "unexplained": 0,
        "digests": [],
    }
    module = loader.load_file(rel)
    if not hasattr(module, cls):
        reasons = "; ".join(loader.skipped[module.__name__][:3])
        raise RuntimeError(f"class not defined after loading ({reasons})")
    for case in cases(module, loader):
        try:
            outcomes = run_case(case)
        except Exception as exc:
            result["errors"] += 1
            if len(result["notes"]) < 4:
                result["notes"].append(f"[{case.config}] raised {type(exc).__name__}: {str(exc)[:120]}")
            continue
        result["runs"] += 1
        if findings:
            # Taken twice: a sampler drawing from an unseeded generator cannot be compared.
            first = _batches_digest(case)
            result["digests"].append(first if first == _batches_digest(case) else None)
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


def _probe(rel: str, cls: str):
    """A recipe's `cases` for a class without one: the signature grid of realcode.probing."""

    def cases(module, loader):
        return probe_cases(getattr(module, cls))

    return cases


def _defines(path: Path, cls: str) -> bool:
    if not path.is_file():
        return False
    return any(
        isinstance(node, ast.ClassDef) and node.name == cls for node in ast.parse(read_text(path)).body
    )


def _plan(label: str, tree: Path, loader: TreeLoader) -> List[Tuple[str, str, Any, Optional[str]]]:
    """(file, class, cases, why not run) for every sampler class with __len__ of the tree:
    its hand-written recipe when there is one, else the signature grid."""
    recipes = {(r.rel, r.cls): r for r in RECIPES if r.label == label}
    newer = OLDER_RELEASES.get(label)
    for r in RECIPES:
        if r.label == newer and (r.rel, r.cls) not in recipes and _defines(tree / r.rel, r.cls):
            recipes[(r.rel, r.cls)] = r
    plan = [(r.rel, r.cls, r.cases, r.skip) for r in recipes.values()]
    for name in analyze_tree(label, tree).sampler_names:
        rel, cls = name.split("::")
        if (rel, cls) in recipes:
            continue
        why = None
        try:
            found = getattr(loader.load_file(rel), cls, None)
            why = "class not defined after loading" if found is None else why_not_probed(found)
        except Exception as exc:
            why = f"module could not be loaded: {type(exc).__name__}: {str(exc)[:120]}"
        plan.append((rel, cls, _probe(rel, cls), None if why is None else f"grid: {why}"))
    return plan


def prepare(label: str, tree: Path) -> TreeLoader:
    """This process made ready to run `label`'s samplers; the loader of its tree."""
    # Ultralytics writes a settings file into the user's config folder when imported:
    # beside the unpacked tree, not a new temp folder per run.
    os.environ.setdefault("YOLO_CONFIG_DIR", str(tree.parent / "yolo-config"))
    if label != "torch":
        old_sampler_init()
        # Samplers that ask torch.distributed for the world size and rank get one
        # process (the grids pass world sizes explicitly where a class takes them).
        gloo()
    return TreeLoader(tree, own_names(label, tree))


def runtime_worker(label: str, tree: Path) -> int:
    import torch

    if label == "torch" and not torch.__version__.startswith("2.13.0"):
        print(f"  torch: installed torch is {torch.__version__}, not the 2.13.0 of the corpus")
        return 2
    loader = prepare(label, tree)
    own = loader.own
    config = config_for(label)
    for rel, cls, cases, skip in _plan(label, tree, loader):
        name = f"{rel}::{cls}"
        findings, analysed = _class_findings(tree, rel, cls, config)
        codes = ",".join(f"{code}@{line}" for line, code, _ in findings) or "-"
        head = f"RESULT\t{label}\t{name}"
        if skip:
            print(f"{head}\t0\t0\t0\t{codes}\t{int(analysed)}\t-\t-\tnot run: {skip}")
            continue
        try:
            got = _run_cases(loader, rel, cls, cases, findings)
        except Exception as exc:
            print(
                f"{head}\t0\t0\t1\t{codes}\t{int(analysed)}\t-\t-\tcould not load: "
                f"{type(exc).__name__}: {str(exc)[:200]}"
            )
            continue
        verdict = _verdict(findings, got)
        notes = list(got["notes"])
        fix = "-"
        if findings:
            # The same cases against the codemod's output for this file: the fix must make
            # len() agree wherever it rewrote something, and leave the batches as they were.
            fixed = _fixed_source(tree, rel, config)
            if fixed is None:
                fix = "manual"
                notes.append("after the codemod: file unchanged (manual fixes only)")
            else:
                after = _run_cases(
                    TreeLoader(tree, own, {dotted_name(rel): fixed}), rel, cls, cases, findings
                )
                if None in got["digests"]:
                    batches = "batches not comparable (unseeded randomness)"
                elif after["digests"] == got["digests"]:
                    batches = "same batches"
                else:
                    batches = "BATCHES CHANGED"
                exact = not after["mismatches"] and after["runs"] == got["runs"]
                fix = f"{'exact' if exact else 'INEXACT'}/{batches}"
                notes.append(
                    f"after the codemod: {after['runs']} configs run, "
                    f"{after['mismatches']} mismatched, "
                    f"{after['errors']} raised; {batches}"
                )
                notes += [f"after the codemod: {note}" for note in after["notes"]]
                if after["mismatches"] and not got["mismatches"]:
                    verdict = (
                        f"BROKEN BY THE CODEMOD (no mismatch before; "
                        f"{after['mismatches']} configurations "
                        f"mismatch after the rewrite): {verdict}"
                    )
        confirmed = ",".join(f"{code}@{line}" for line, code in sorted(got["confirmed"])) or "-"
        print(
            f"{head}\t{got['runs']}\t{got['mismatches']}\t{got['errors']}\t{codes}\t{int(analysed)}"
            f"\t{fix}\t{confirmed}\t{verdict}" + ("\t" + " | ".join(notes) if notes else ""),
            flush=True,
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
        label, name, runs, mismatches, errors, codes, analysed, fix, confirmed, verdict = row[:10]
        print(f"  {label}: {name}")
        print(
            f"      {runs} configs run, {mismatches} mismatched, {errors} raised; "
            f"analysed as a sampler with __len__: {'yes' if analysed == '1' else 'no'}; "
            f"DPL1: {codes}; {verdict}"
        )
        for note in row[10:]:
            for part in note.split(" | "):
                print(f"        {part}")
    print_summary(rows)
    return failures
