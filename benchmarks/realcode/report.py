"""What the corpus benchmark prints."""

from __future__ import annotations

from collections import Counter
from typing import List

from flake8_dplen.rules import BY_CODE

from .scanning import PackageResult, codemod_agrees

# DPL000 is the plugin's own error: a crash of the core on a file.
CODES = (*sorted(BY_CODE), "DPL000")


def print_table(results: List[PackageResult]) -> None:
    shown = [c for c in CODES if any(h.code == c for r in results for h in r.hits)] or ["DPL101"]
    head = f"{'package':<26}{'files':>7}{'parsed':>8}{'samplers':>9}{'w/len':>7}"
    head += "".join(f"{c:>8}" for c in shown) + f"{'errors':>8}{'core s':>8}{'fix_len s':>10}"
    print(head)
    print("-" * len(head))
    totals = Counter()
    for r in results:
        counts = Counter(h.code for h in r.hits)
        row = f"{r.label:<26}{r.files:>7}{r.parsed:>8}{r.samplers:>9}{r.with_len:>7}"
        row += "".join(f"{counts[c]:>8}" for c in shown)
        row += f"{len(r.errors):>8}{r.seconds:>8.1f}{r.codemod_seconds:>10.1f}"
        print(row)
        totals.update(
            files=r.files,
            parsed=r.parsed,
            samplers=r.samplers,
            with_len=r.with_len,
            errors=len(r.errors),
            **counts,
        )
        totals["seconds"] += r.seconds
        totals["codemod"] += r.codemod_seconds
    print("-" * len(head))
    row = f"{'total':<26}{totals['files']:>7}{totals['parsed']:>8}"
    row += f"{totals['samplers']:>9}{totals['with_len']:>7}"
    row += "".join(f"{totals[c]:>8}" for c in shown)
    row += f"{totals['errors']:>8}{totals['seconds']:>8.1f}{totals['codemod']:>10.1f}"
    print(row)


def print_samplers(results: List[PackageResult]) -> None:
    print("\nsampler classes with __len__")
    for r in results:
        for name in r.sampler_names:
            print(f"  {r.label}: {name}")


def print_findings(results: List[PackageResult], every: bool) -> None:
    """The DPL1 findings, or with `every` all of them; nothing when there are none."""
    if not (every or any(h.gating for r in results for h in r.hits)):
        return
    print("\nfindings" if every else "\nDPL1 findings")
    for r in results:
        for h in r.hits:
            if every or h.gating:
                fix = "fix" if h.fixable else "manual"
                print(f"  {r.label}: {h.path}:{h.line}:{h.column}: {h.code} [{fix}] {h.message}")


def print_errors(results: List[PackageResult]) -> None:
    print("\ncore errors (files the core could not analyse)")
    errors = [f"  {r.label}: {error}" for r in results for error in r.errors]
    print("\n".join(errors) if errors else "  none")


def print_codemod_check(results: List[PackageResult]) -> bool:
    """The codemod's --check against the plugin, per package; whether they all agree."""
    print("\ncodemod --check against the plugin")
    agree = True
    for r in results:
        problems = codemod_agrees(r)
        summary = r.codemod_stderr.splitlines()[-1] if r.codemod_stderr else ""
        verdict = "agrees" if not problems else f"DISAGREES ({len(problems)})"
        print(f"  {r.label:<26} exit {r.codemod_status}  {verdict}  [{summary}]")
        for problem in problems:
            print(f"      {problem}")
        agree = agree and not problems
    return agree


def print_rewrites(results: List[PackageResult]) -> bool:
    """The codemod-on-a-copy checks, per package that had a change; whether all passed."""
    print("\ncodemod on a copy (compiles, touches only the flagged expressions, idempotent)")
    passed = True
    for r in results:
        rw = r.rewrite
        if rw is None or not (rw.changed or rw.problems):
            continue
        ok = not rw.problems and not rw.second_run_changed
        print(f"  {r.label:<26} {len(rw.changed)} files changed, {'all checks pass' if ok else 'PROBLEMS'}")
        for rel in rw.changed:
            print(f"      changed: {rel}")
        for problem in rw.problems:
            print(f"      {problem}")
        for rel in rw.second_run_changed:
            print(f"      second run changed {rel} again")
        passed = passed and ok
    if not any(r.rewrite and r.rewrite.changed for r in results):
        print("  no file needed a change")
    return passed
